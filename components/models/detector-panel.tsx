"use client";

import { useCallback, useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { useSession } from "@/components/desktop/session-context";
import { desktopNowMs } from "@/components/desktop/desktop-clock";
import type { DeviceInfo } from "@/lib/protocol/events";
import { SLOTS } from "@/lib/models/host-protocol";
import { useDetectors, useDetectorsState } from "./detectors-context";
import { EventLog } from "./event-log";
import { ModelDrop } from "./model-drop";
import { RefusedModels } from "./refused-models";
import { ScoreChart } from "./score-chart";
import { SlotRow } from "./slot-row";
import { TeachPanel } from "./teach-panel";

/**
 * Live detectors on one device's stream: slot A and, to compare, slot B, their
 * score traces on one axis, their events and how often they agree.
 */
export function DetectorPanel({ devices }: { devices: readonly DeviceInfo[] }) {
  const session = useSession();
  const detectors = useDetectors();
  const state = useDetectorsState();
  const serverOffsetMs = useCallback(() => {
    const s = session.serverNowMs();
    return s === null ? null : s - desktopNowMs();
  }, [session]);

  // Follow the first device until the user picks one; pick again when the chosen one leaves.
  const chosen = state.deviceId;
  useEffect(() => {
    if (!chosen || !devices.some((d) => d.id === chosen)) detectors.setDevice(devices[0]?.id ?? null);
  }, [detectors, devices, chosen]);

  const a = state.agreement;

  return (
    <section aria-label="Live detectors" data-testid="detector-panel" data-backend={state.backend ?? ""} className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900/60 p-4 shadow-xl shadow-black/30">
      <header className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold text-slate-100">Live detectors</h2>
        <Badge tone={state.backendError ? "bad" : state.backend ? "neutral" : "info"} title="TensorFlow.js backend running the models, in a worker">
          {state.backendError ? `No TF.js backend: ${state.backendError}` : state.backend ? `TF.js on ${state.backend}` : "Starting TF.js…"}
        </Badge>
        {state.hostStats && (
          <span data-testid="host-stats" className="text-sm text-slate-500" title="Processed by the model worker since it started">
            {state.hostStats.samples.toLocaleString()} samples in · {state.hostStats.gaps} gap{state.hostStats.gaps === 1 ? "" : "s"}
          </span>
        )}
        {devices.length > 1 && (
          <label className="ml-auto flex items-center gap-2 text-sm text-slate-300">
            On
            <Select compact value={chosen ?? ""} onChange={(e) => detectors.setDevice(e.target.value || null)} aria-label="Device the detectors run on">
              {devices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </label>
        )}
      </header>
      {state.catalogError && <p className="text-sm text-amber-200">Model list unavailable: {state.catalogError}</p>}
      {SLOTS.map((slot) => (
        <SlotRow key={slot} slot={slot} state={state.slots[slot]} catalog={state.catalog} detectors={detectors} />
      ))}
      <RefusedModels catalog={state.catalog} inSlots={SLOTS.flatMap((s) => (state.slots[s].choice?.kind === "model" ? [state.slots[s].choice.id] : []))} />
      <ScoreChart detectors={detectors} serverOffsetMs={serverOffsetMs} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <EventLog detectors={detectors} />
        <div data-testid="agreement" className="text-sm text-slate-300">
          <p className="font-semibold text-slate-100">A/B agreement</p>
          {a ? (
            <p>
              {a.matched} matched, {a.onlyA} only A, {a.onlyB} only B
              {Number.isFinite(a.agreement) ? ` · ${Math.round(a.agreement * 100)}% agree` : ""}
            </p>
          ) : (
            <p className="text-slate-500">Run a detector in both slots to compare them on the same motion.</p>
          )}
        </div>
      </div>
      <TeachPanel detectors={detectors} />
      <ModelDrop detectors={detectors} />
    </section>
  );
}
