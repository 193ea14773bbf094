"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { CalibrationState, Placement, Side } from "@/lib/pose/pose-types";
import type { DeviceInfo } from "@/lib/protocol/events";
import { usePoses } from "./use-poses";

const CALIBRATE_LABEL: Record<CalibrationState, string> = { none: "Calibrate", collecting: "Collecting…", done: "Calibrated ✓" };

/** Shown once under all devices (see WristPanel), per placement in use. */
export const HOW_TO_CALIBRATE: Record<Placement, string> = {
  strapped: "hold your forearm level, pointing forward, watch face up — then tap.",
  held: "hold your forearm level, pointing forward, phone flat in your palm, screen up — then tap.",
};

const isPlacement = (v: string): v is Placement => v === "strapped" || v === "held";
const isSide = (v: string): v is Side => v === "left" || v === "right";

/** How one device is worn, and its calibrate / re-centre buttons. */
export function PoseControls({ device, accent }: { device: DeviceInfo; accent: string }) {
  const { poses } = usePoses();
  const wear = poses.wearSettings(device.id);
  const tracker = poses.tracker(device.id);
  const calibration = tracker?.calibrationState ?? "none";
  const id = useId();

  return (
    <div data-testid="pose-controls" data-device-id={device.id} className="flex flex-col gap-3 rounded-xl border border-slate-700/80 bg-slate-950/40 p-3">
      <div className="flex items-center gap-2">
        <span aria-hidden className="size-3 shrink-0 rounded-full" style={{ background: accent }} />
        <span className="truncate text-base font-semibold text-slate-100">{device.name}</span>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <label htmlFor={`${id}-placement`} className="flex flex-col gap-1 text-sm text-slate-300">
          Worn
          <Select
            compact
            id={`${id}-placement`}
            data-testid="pose-placement"
            value={wear.placement}
            onChange={(e) => isPlacement(e.target.value) && poses.setWearSettings(device.id, { placement: e.target.value })}
          >
            <option value="strapped">Strapped</option>
            <option value="held">In hand</option>
          </Select>
        </label>
        <label htmlFor={`${id}-side`} className="flex flex-col gap-1 text-sm text-slate-300">
          Arm
          <Select
            compact
            id={`${id}-side`}
            data-testid="pose-side"
            value={wear.side}
            onChange={(e) => isSide(e.target.value) && poses.setWearSettings(device.id, { side: e.target.value })}
          >
            <option value="left">Left arm</option>
            <option value="right">Right arm</option>
          </Select>
        </label>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Button
          size="sm"
          variant={calibration === "none" ? "primary" : "secondary"}
          data-testid="pose-calibrate"
          data-state={calibration}
          disabled={!tracker || calibration === "collecting"}
          onClick={() => poses.calibrate(device.id)}
          title={tracker ? (calibration === "done" ? "Calibrate again" : undefined) : "Waiting for motion from this device"}
          className={calibration === "collecting" ? "animate-pulse" : undefined}
        >
          {CALIBRATE_LABEL[calibration]}
        </Button>
        <Button size="sm" data-testid="pose-recenter" disabled={!tracker} onClick={() => poses.recenter(device.id)} title="Make the current heading straight ahead">
          Re-centre
        </Button>
      </div>
    </div>
  );
}
