import type { ReactNode } from "react";

/**
 * A 46 mm watch at true proportions: the case is 46 × 39 mm and the display
 * 416 × 496 px (about 32 × 38 mm), with crown and side button on the right. The
 * screen's font size follows the frame's height, so screens written in `em` scale
 * from a gallery thumbnail to a projector without a layout of their own.
 */
export function WatchFrame({ heightPx, children, flashKey, label }: { heightPx: number; children: ReactNode; flashKey?: number; label: string }) {
  const caseH = heightPx;
  const caseW = (caseH * 39) / 46;
  const screenH = (caseH * 38.6) / 46;
  const screenW = (screenH * 416) / 496;
  return (
    <div className="relative shrink-0" style={{ width: caseW + caseH * 0.06, height: caseH * 1.24 }}>
      {/* Band stubs above and below the case. */}
      <div aria-hidden className="absolute left-[8%] rounded-t-[30%] bg-slate-800" style={{ width: caseW * 0.84, top: 0, height: caseH * 0.2 }} />
      <div aria-hidden className="absolute left-[8%] rounded-b-[30%] bg-slate-800" style={{ width: caseW * 0.84, bottom: 0, height: caseH * 0.2 }} />
      <div
        className="absolute left-0 rounded-[22%/19%] bg-gradient-to-br from-zinc-500 via-zinc-700 to-zinc-900 shadow-2xl shadow-black/60"
        style={{ top: caseH * 0.12, width: caseW, height: caseH }}
      >
        <div aria-hidden className="absolute rounded-r-md bg-zinc-500" style={{ right: -caseH * 0.035, top: caseH * 0.2, width: caseH * 0.045, height: caseH * 0.16 }} />
        <div aria-hidden className="absolute rounded-r-sm bg-zinc-600" style={{ right: -caseH * 0.02, top: caseH * 0.48, width: caseH * 0.025, height: caseH * 0.2 }} />
        <div
          role="img"
          aria-label={label}
          data-testid="watch-screen"
          className="absolute overflow-hidden rounded-[19%/16%] bg-black text-white"
          style={{ left: (caseW - screenW) / 2, top: (caseH - screenH) / 2, width: screenW, height: screenH, fontSize: screenH * 0.055 }}
        >
          {children}
          {flashKey ? (
            <div key={flashKey} aria-hidden className="watch-anim pointer-events-none absolute inset-0 rounded-[inherit] ring-[0.5em] ring-sky-300/80 ring-inset" style={{ animation: "watch-flash 450ms ease-out forwards" }} />
          ) : null}
        </div>
      </div>
    </div>
  );
}
