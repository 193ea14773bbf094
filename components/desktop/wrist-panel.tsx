"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { CameraPreset } from "@/components/canvas/camera-preset-names";
import { armAccent } from "@/components/canvas/scene-colors";
import { useArms } from "./use-arms";
import type { DeviceInfo } from "@/lib/protocol/events";
import { CameraButtons } from "./camera-buttons";
import { HOW_TO_CALIBRATE, PoseControls } from "./pose-controls";
import { PoseReadout } from "./pose-readout";
import { useSession } from "./session-context";
import { usePoses } from "./use-poses";

// three and R3F only in the browser, and only once a device is in the room.
const WristScene = dynamic(() => import("@/components/canvas/wrist-scene"), {
  ssr: false,
  loading: () => <div className="grid h-full place-items-center text-lg text-slate-400">Loading the 3D view…</div>,
});

/**
 * The room's arms in 3D, prominent above the device cards: the view with its camera
 * presets and, under it, the live angles; on the right how each device is worn and its
 * calibration.
 */
export function WristPanel({ devices }: { devices: readonly DeviceInfo[] }) {
  const { store } = useSession();
  const { poses, version } = usePoses();
  const [camera, setCamera] = useState<{ preset: CameraPreset; recall: number }>({ preset: "overview", recall: 0 });

  const { arms, framing } = useArms(devices, poses, version);

  const placements = [...new Set(arms.map((a) => a.placement))];

  return (
    <section
      aria-label="3D wrist"
      className="grid min-w-0 grid-cols-[minmax(0,1fr)_20rem] overflow-hidden rounded-2xl border border-slate-700 bg-slate-900/60 shadow-xl shadow-black/30 2xl:grid-cols-[minmax(0,1fr)_22rem]"
    >
      <div className="flex h-[clamp(360px,calc(100vh-300px),660px)] min-w-0 flex-col">
        {/* The numbers sit under the view, not over it: an arm hanging down or a second arm must never hide behind them. */}
        <div data-testid="wrist-view" data-arms={arms.length} className="relative min-h-0 flex-1 bg-[#0b0f14]">
          <WristScene poses={poses} store={store} arms={arms} framing={framing} preset={camera.preset} presetRecall={camera.recall} />
          <div className="absolute top-3 left-3">
            <CameraButtons value={camera.preset} onChange={(preset) => setCamera((c) => ({ preset, recall: c.recall + 1 }))} />
          </div>
          <p className="pointer-events-none absolute top-4 right-4 text-sm text-slate-500">Drag to turn the view</p>
        </div>
        <div className="flex flex-wrap gap-x-6 gap-y-2 border-t border-slate-800 bg-slate-950/60 px-4 py-2">
          {devices.map((d, i) => (
            <PoseReadout key={d.id} poses={poses} deviceId={d.id} name={d.name} accent={armAccent(i)} />
          ))}
        </div>
      </div>
      <aside className="relative min-h-0 border-l border-slate-800">
        <div className="absolute inset-0 flex flex-col gap-3 overflow-y-auto p-4">
          {devices.map((d, i) => (
            <PoseControls key={d.id} device={d} accent={armAccent(i)} />
          ))}
          <div className="flex flex-col gap-2 text-sm leading-snug text-slate-400">
            {placements.map((p) => (
              <p key={p}>
                <span className="font-semibold text-slate-300">Calibrate:</span> {HOW_TO_CALIBRATE[p]}
              </p>
            ))}
            <p>
              <span className="font-semibold text-slate-300">Heading drifts</span> without a compass: re-centre when it&apos;s off.
            </p>
          </div>
        </div>
      </aside>
    </section>
  );
}
