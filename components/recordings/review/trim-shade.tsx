import type { RecordingTrim } from "@/lib/protocol/recordings";
import type { TimeWindow } from "@/lib/review/timeline-view";

/** Percent of the window's width at which `tMs` lies (may be outside 0-100). */
export function viewPct(view: TimeWindow, tMs: number): number {
  return ((tMs - view.startMs) / (view.endMs - view.startMs)) * 100;
}

/** Greys a lane's parts outside the trim, as the charts do, so "what is cut" reads the same on every row. */
export function TrimShade({ view, trim }: { view: TimeWindow; trim: RecordingTrim | null }) {
  if (!trim) return null;
  const a = Math.max(0, Math.min(100, viewPct(view, trim.startMs)));
  const b = Math.max(0, Math.min(100, viewPct(view, trim.endMs)));
  const shade = "pointer-events-none absolute inset-y-0 z-20 bg-slate-950/75";
  return (
    <>
      {a > 0 && <div aria-hidden className={shade} style={{ left: 0, width: `${a}%` }} />}
      {b < 100 && <div aria-hidden className={shade} style={{ left: `${b}%`, right: 0 }} />}
    </>
  );
}
