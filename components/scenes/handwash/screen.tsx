"use client";

import type { CSSProperties } from "react";
import type { SceneScreenProps } from "../scene-definition";
import { WatchClock } from "../watch-clock";
import { handwashProgress, type HandwashState } from "./logic";

/**
 * Idle: the watch face with a hint. Washing: the Handwashing app's countdown, a ring
 * that empties as the seconds go and hands that scrub; paused, the ring and the
 * number turn amber and the hands stop. Done: a green check pops in with a burst of
 * confetti and "Well done!". The burst rests invisible and the pop and the check's
 * stroke rest complete, so thumbnails and reduced motion show the finished screen.
 */
export function HandwashScreen({ state, options, live }: SceneScreenProps<HandwashState>) {
  switch (state.kind) {
    case "idle":
      return <Idle durationS={Number(options.durationS)} live={live} />;
    case "washing":
    case "paused":
      return <Countdown paused={state.kind === "paused"} shownMs={state.shownMs} progress={handwashProgress(state, options)} live={live} />;
    case "done":
      return <Done durationS={Number(options.durationS)} />;
  }
}

const WATER = "#40c8ff";
const PAUSED = "#ffb020";

function Idle({ durationS, live }: { durationS: number; live: boolean }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-[0.6em] p-[1em] text-center">
      <WatchClock live={live} className="text-[3.6em] leading-none font-semibold tabular-nums" />
      <div data-testid="handwash-status" className="flex items-center gap-[0.4em] rounded-full bg-white/10 px-[0.8em] py-[0.35em] text-[0.95em] text-slate-200">
        <HandsIcon className="size-[1.5em]" color={WATER} />
        Scrub to wash · {durationS} s
      </div>
    </div>
  );
}

/** Ring radius in the 100-unit view box; the stroke sits inside it. */
const RING_R = 44;
const RING_C = 2 * Math.PI * RING_R;

function Countdown({ paused, shownMs, progress, live }: { paused: boolean; shownMs: number; progress: number; live: boolean }) {
  const color = paused ? PAUSED : WATER;
  return (
    <div className="flex h-full flex-col items-center">
      <div className="flex w-full items-center justify-between px-[1.6em] pt-[0.9em]">
        <span className="text-[0.95em] font-semibold" style={{ color: WATER }}>
          Handwashing
        </span>
        <WatchClock live={live} className="text-[0.95em] font-semibold tabular-nums" />
      </div>
      <div data-testid="handwash-ring" data-progress={progress.toFixed(3)} className="relative mt-[0.5em] size-[11em]">
        <svg aria-hidden viewBox="0 0 100 100" className="absolute inset-0 size-full -rotate-90">
          <circle cx="50" cy="50" r={RING_R} fill="none" stroke="rgb(255 255 255 / 0.13)" strokeWidth="8" />
          <circle
            cx="50"
            cy="50"
            r={RING_R}
            fill="none"
            stroke={color}
            strokeWidth="8"
            strokeLinecap="round"
            strokeDasharray={RING_C}
            strokeDashoffset={RING_C * progress}
            // The state steps every 100 ms (see logic.ts): a linear transition of that length makes the ring glide.
            className="motion-reduce:transition-none"
            style={{ transition: "stroke-dashoffset 100ms linear, stroke 300ms ease" }}
          />
        </svg>
        <div className="absolute inset-0 flex flex-col items-center justify-center">
          <div
            className="watch-anim"
            style={paused || !live ? undefined : { animation: "watch-hw-scrub 380ms ease-in-out infinite alternate" }}
          >
            <HandsIcon className="size-[2.6em]" color={color} />
          </div>
          <span data-testid="handwash-seconds" className="text-[3.6em] leading-none font-bold tabular-nums" style={paused ? { color: PAUSED } : undefined}>
            {Math.ceil(shownMs / 1000)}
          </span>
        </div>
      </div>
      <p data-testid="handwash-status" className="mt-[0.5em] px-[1em] text-center leading-tight">
        {paused ? (
          <>
            <span className="block text-[1.2em] font-semibold" style={{ color: PAUSED }}>
              Paused
            </span>
            <span className="block text-[0.9em] text-zinc-300">Keep scrubbing to resume</span>
          </>
        ) : (
          <span className="block text-[1.2em] font-semibold">Keep scrubbing</span>
        )}
      </p>
    </div>
  );
}

const CONFETTI_COLORS = ["#34c759", WATER, "#ffd60a", "#ff375f", "#bf5af2", "#ffffff"];
const CONFETTI_COUNT = 18;

/** Fixed, hand-varied pieces (no randomness in render): angle, reach, spin and shape per index. */
const CONFETTI = Array.from({ length: CONFETTI_COUNT }, (_, i) => {
  const angleRad = ((i * 360) / CONFETTI_COUNT + (i % 2 ? 7 : -6)) * (Math.PI / 180);
  const reachEm = 4.6 + (i % 3) * 0.9;
  return {
    color: CONFETTI_COLORS[i % CONFETTI_COLORS.length]!,
    dx: `${(Math.cos(angleRad) * reachEm).toFixed(2)}em`,
    dy: `${(Math.sin(angleRad) * reachEm).toFixed(2)}em`,
    rot: `${(i % 2 ? 1 : -1) * (160 + i * 23)}deg`,
    round: i % 3 === 0,
    delayMs: (i % 4) * 35,
  };
});

function Done({ durationS }: { durationS: number }) {
  return (
    <div data-testid="handwash-done" className="flex h-full flex-col items-center justify-center gap-[0.7em] p-[1em] text-center">
      <div className="relative size-[7em]">
        <div aria-hidden className="absolute inset-0">
          {CONFETTI.map((c, i) => (
            <span
              key={i}
              className={`watch-anim absolute top-1/2 left-1/2 -mt-[0.35em] -ml-[0.2em] h-[0.7em] w-[0.4em] opacity-0 ${c.round ? "rounded-full" : "rounded-[0.1em]"}`}
              style={
                {
                  background: c.color,
                  "--hw-dx": c.dx,
                  "--hw-dy": c.dy,
                  "--hw-rot": c.rot,
                  animation: `watch-hw-confetti 1100ms cubic-bezier(0.15, 0.7, 0.3, 1) ${c.delayMs + 120}ms both`,
                } as CSSProperties
              }
            />
          ))}
        </div>
        <div
          className="watch-anim relative grid size-full place-items-center rounded-full bg-[#34c759] shadow-[0_0_1.6em_rgb(52_199_89/0.45)]"
          style={{ animation: "watch-hw-pop-in 520ms cubic-bezier(0.2, 1.5, 0.4, 1) both" }}
        >
          <svg aria-hidden viewBox="0 0 24 24" className="size-[4.2em]" fill="none" stroke="white" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
            <path d="m5.5 12.5 4.3 4.3 8.7-9.3" pathLength={1} strokeDasharray={1} className="watch-anim" style={{ animation: "watch-hw-check 380ms ease-out 260ms both" }} />
          </svg>
        </div>
      </div>
      <p className="relative text-[1.8em] leading-tight font-bold">Well done!</p>
      <p className="relative text-[0.95em] text-zinc-400">{durationS} seconds of scrubbing</p>
    </div>
  );
}

/** Two hands, rubbing, and soap bubbles: filled shapes read at icon size where outlines blur. */
function HandsIcon({ className, color }: { className: string; color: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className={className} fill={color}>
      <Hand opacity={0.5} transform="translate(-3.4 0.6) rotate(-12 12 20) translate(24 0) scale(-1 1)" />
      <Hand opacity={1} transform="rotate(10 12 20) translate(1.4 0)" />
      <g fill="none" stroke={color} strokeWidth="1.1">
        <circle cx="2.6" cy="2.6" r="1.2" />
        <circle cx="20.8" cy="3.2" r="1.3" />
        <circle cx="21.6" cy="7" r="0.7" />
      </g>
    </svg>
  );
}

/** A right hand, palm out; the fingers' black outlines part them, the palm covers their roots. */
function Hand({ opacity, transform }: { opacity: number; transform: string }) {
  return (
    <g opacity={opacity} transform={transform}>
      <g stroke="#000" strokeWidth="0.8">
        <rect x="8.4" y="5.2" width="2.5" height="9" rx="1.25" />
        <rect x="10.8" y="3.2" width="2.5" height="10" rx="1.25" />
        <rect x="13.2" y="3.8" width="2.5" height="9.5" rx="1.25" />
        <rect x="15.6" y="5.8" width="2.3" height="8" rx="1.15" />
      </g>
      <path d="M8.4 11h9.5v4.8c0 3-2.1 5.2-4.9 5.2h-.2c-2.6 0-4.4-2-4.4-4.6Z" />
      <rect x="5.6" y="9.6" width="2.6" height="8" rx="1.3" transform="rotate(-30 6.9 17.6)" />
    </g>
  );
}
