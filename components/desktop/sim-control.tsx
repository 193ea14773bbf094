"use client";

import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { motionLabel } from "@/lib/client/desktop-format";
import { isMotionName, MOTION_NAMES } from "@/lib/sim/motion-names";
import type { SimPhoneControl } from "./use-sim-phone";

const STATUS_TEXT = { connecting: "connecting…", streaming: "streaming", offline: "offline, buffering", failed: "refused" } as const;

/** The demo switch: a phone generated on this computer, joining the room like a real one. */
export function SimControl({ sim }: { sim: SimPhoneControl }) {
  return (
    <div className="flex items-center gap-2 rounded-xl border border-slate-700 bg-slate-900/80 py-1 pr-1 pl-1">
      <Switch data-testid="sim-toggle" checked={sim.on} onChange={sim.setOn} label="Simulated phone" />
      {sim.status !== "off" && (
        <span className={sim.status === "streaming" ? "text-sm text-emerald-300" : "text-sm text-amber-200"}>{STATUS_TEXT[sim.status]}</span>
      )}
      <label className="sr-only" htmlFor="sim-motion">
        Simulated motion
      </label>
      <Select
        id="sim-motion"
        data-testid="sim-motion"
        value={sim.motion}
        onChange={(e) => isMotionName(e.target.value) && sim.setMotion(e.target.value)}
        title="Motion the simulated phone performs"
      >
        {MOTION_NAMES.map((m) => (
          <option key={m} value={m}>
            {motionLabel(m)}
          </option>
        ))}
      </Select>
    </div>
  );
}
