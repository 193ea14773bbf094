"use client";

import { slotColor } from "@/components/models/slot-colors";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import type { SceneSession } from "@/lib/client/scene-session";
import { useSceneSnapshot } from "./use-scene-runtime";
import type { SceneDefinition } from "./scene-definition";

const SHOWN = 8;
const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 1, hour12: false } as Intl.DateTimeFormatOptions);
const ms = (v: number | null) => (v === null ? "…" : v < 10 ? v.toFixed(1) : String(Math.round(v)));

/**
 * The scene's events, newest first, with two latencies: detection (the gesture's
 * last sample to the decision, which includes phone to screen) and feedback (the
 * event on the bus to the watch screen showing it, and to the frame that paints it).
 */
export function SceneEventLog({ scene, session, detectors }: { scene: SceneDefinition; session: SceneSession<unknown>; detectors: DesktopDetectors<string> }) {
  const snapshot = useSceneSnapshot(session);
  const roles = scene.logic.roles;
  const rows = snapshot.log.slice(0, SHOWN);
  return (
    <section aria-label="Scene events" className="rounded-2xl border border-slate-700 bg-slate-900/60 p-4">
      <h2 className="mb-2 text-lg font-semibold text-slate-100">Events</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No events yet. {scene.logic.howTo}</p>
      ) : (
        <table data-testid="scene-log" className="w-full text-left text-sm tabular-nums">
          <thead className="text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th className="py-1 font-medium">Time</th>
              <th className="font-medium">Gesture</th>
              <th className="font-medium">Scene</th>
              <th className="text-right font-medium" title="Gesture's last sample to the decision: phone to screen plus the detector">
                Detection
              </th>
              <th className="text-right font-medium" title="Event on the bus to the watch screen updated (and to the next painted frame)">
                Feedback
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => {
              const index = roles.findIndex((r) => r.id === e.role);
              return (
                <tr key={e.key} data-testid="scene-log-row" data-role={e.role} data-dom-ms={e.domMs ?? ""} data-frame-ms={e.frameMs ?? ""} data-in-first-frame={e.inFirstFrame ?? ""} className="border-t border-slate-800">
                  <td className="py-1 text-slate-400">{clock(e.event.tEndMs)}</td>
                  <td className="text-slate-100">
                    <span className="mr-2 inline-block rounded-full px-2 text-xs font-bold text-slate-950" style={{ background: slotColor(e.role, index) }}>
                      {roles[index]?.label ?? e.role}
                    </span>
                    {e.event.label} <span className="text-slate-500">· {detectors.detectorName(e.event.detectorId)}</span>
                  </td>
                  <td className="text-slate-300">{e.from === e.to ? <span className="text-slate-500">no change</span> : `${e.from} → ${e.to}`}</td>
                  <td className="text-right text-slate-300">+{Math.max(0, Math.round(e.event.detectedAtMs - e.event.tEndMs))} ms</td>
                  <td className="text-right text-slate-300">
                    {ms(e.domMs)} ms <span className="text-slate-500">/ {ms(e.frameMs)} ms</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
