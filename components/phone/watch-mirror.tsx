"use client";

import type { WatchMirror as WatchMirrorState, WatchTone } from "@/lib/protocol/device-feedback";

interface WatchMirrorProps {
  watch: WatchMirrorState;
  /** The link is not streaming: what the screen shows may be out of date. */
  stale: boolean;
}

/** Whole class strings, so Tailwind finds them in the source. */
const TONE: Record<WatchTone, { face: string; text: string; bar: string }> = {
  idle: { face: "border-slate-600", text: "text-slate-200", bar: "bg-slate-400" },
  active: { face: "border-sky-400 shadow-[0_0_36px_rgba(56,189,248,0.45)]", text: "text-sky-200", bar: "bg-sky-400" },
  success: { face: "border-emerald-400 shadow-[0_0_28px_rgba(52,211,153,0.35)]", text: "text-emerald-200", bar: "bg-emerald-400" },
  alert: { face: "border-amber-400 shadow-[0_0_28px_rgba(251,191,36,0.35)]", text: "text-amber-200", bar: "bg-amber-400" },
};

/**
 * The desktop scene's watch screen, mirrored on the phone a participant wears on
 * their wrist: black face, the scene's name small, its one line large enough to
 * read at arm's length, the colour saying how things stand.
 */
export function WatchMirror({ watch, stale }: WatchMirrorProps) {
  const tone = TONE[watch.tone];
  // Large enough to read at arm's length, but a long line (up to 200 characters) must still fit the face.
  const size = watch.text.length > 40 ? "text-3xl" : "text-5xl";
  const percent = watch.progress === undefined ? null : Math.round(watch.progress * 100);
  return (
    <section
      data-testid="watch-mirror"
      data-scene={watch.sceneId}
      data-state={watch.state}
      data-tone={watch.tone}
      aria-label={`${watch.title} watch screen`}
      className={`flex min-h-56 flex-col justify-between gap-4 rounded-[2.5rem] border-4 bg-black px-6 py-5 transition-[border-color,box-shadow,opacity] duration-200 ${tone.face} ${stale ? "opacity-50" : ""}`}
    >
      <p className="text-base font-semibold tracking-widest text-slate-400 uppercase">{watch.title}</p>
      <p data-testid="watch-mirror-text" aria-live="polite" className={`${size} leading-tight font-bold break-words ${tone.text}`}>
        {watch.text}
      </p>
      {percent !== null && (
        <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 w-full overflow-hidden rounded-full bg-slate-800">
          <div className={`h-full rounded-full transition-[width] duration-200 ${tone.bar}`} style={{ width: `${percent}%` }} />
        </div>
      )}
    </section>
  );
}
