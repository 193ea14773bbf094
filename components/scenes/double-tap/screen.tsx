"use client";

import type { ReactNode } from "react";
import type { SceneScreenProps } from "../scene-definition";
import { WatchClock } from "../watch-clock";
import { CALLER, durationText, TIMER_MINUTES, TRACK, type DoubleTapState } from "./logic";
import { CheckIcon } from "../check-icon";

/**
 * The watch's own screens (Phone, Now Playing, Timer), each with the one button a
 * double tap presses: it glows softly while it waits, as watchOS marks the button the
 * gesture will press. A press changes the screen at once, so the screen that follows
 * plays the press: a copy of the pressed button, in its place, dips with a white ring
 * and fades (the "echo"); Now Playing keeps its button, which pops itself. Call and
 * timer screens keep their primary button bottom right, so the echo and the new
 * button share a spot. Animations run only when live, and the echo rests invisible,
 * so thumbnails and reduced motion simply show the new screen.
 */
export function DoubleTapScreen({ state, options, live }: SceneScreenProps<DoubleTapState>) {
  switch (state.kind) {
    case "ringing":
      return <Ringing live={live} />;
    case "in-call":
      return <InCall elapsedS={state.elapsedS} live={live} />;
    case "ended":
      return <Ended durationS={state.durationS} live={live} />;
    case "paused":
    case "playing":
      return <NowPlaying playing={state.kind === "playing"} positionS={state.positionS} presses={state.presses} live={live} />;
    case "alarm":
      return <Alarm overdueS={state.overdueS} live={live} />;
    case "dismissed":
      return <Dismissed repeatAfterS={Number(options.repeatAfterS)} live={live} />;
  }
}

const PRESS = "watch-dt-press 420ms cubic-bezier(0.3, 0.7, 0.4, 1)";
const GLOW = "watch-dt-glow 1.8s ease-in-out infinite";
const BOTTOM_RIGHT = "absolute right-[1.2em] bottom-[1.2em]";
const ROUND = "grid size-[4.4em] place-items-center rounded-full";
const PILL = "grid h-[3.1em] w-[6.2em] place-items-center rounded-full text-[1em] font-semibold";

function Ringing({ live }: { live: boolean }) {
  return (
    <div className="relative flex h-full flex-col items-center text-center">
      <TopBar app="Phone" appClass="text-emerald-400" live={live} />
      <div className="mt-[0.6em] grid size-[4.2em] place-items-center rounded-full bg-gradient-to-b from-zinc-400 to-zinc-600">
        <span className="text-[1.6em] font-semibold">{CALLER.initials}</span>
      </div>
      <p className="mt-[0.4em] text-[1.45em] leading-tight font-semibold">{CALLER.name}</p>
      <p className="text-[0.95em] text-zinc-400">{CALLER.label}</p>
      <Hint text="Double tap to answer" />
      <div className={`absolute bottom-[1.2em] left-[1.2em] bg-red-500 ${ROUND}`}>
        <Handset turnDeg={0} />
      </div>
      <Primary action="answer" live={live} className={`${BOTTOM_RIGHT} bg-green-500 ${ROUND}`}>
        <Handset turnDeg={-45} />
      </Primary>
    </div>
  );
}

function InCall({ elapsedS, live }: { elapsedS: number; live: boolean }) {
  return (
    <div className="relative flex h-full flex-col items-center text-center">
      <TopBar app="Phone" appClass="text-emerald-400" live={live} />
      <p className="mt-[0.9em] text-[1.45em] leading-tight font-semibold">{CALLER.name}</p>
      <p data-testid="call-timer" className="text-[1.25em] text-emerald-400 tabular-nums">
        {durationText(elapsedS)}
      </p>
      <Hint text="Double tap to end" />
      <div className="absolute bottom-[1.8em] left-[1.3em] flex gap-[0.6em]">
        <div className="grid size-[3.2em] place-items-center rounded-full bg-zinc-800">
          <MicOffIcon />
        </div>
        <div className="grid size-[3.2em] place-items-center rounded-full bg-zinc-800 text-[1em] font-bold">
          •••
        </div>
      </div>
      <Primary action="end" live={live} className={`${BOTTOM_RIGHT} bg-red-500 ${ROUND}`}>
        <Handset turnDeg={0} />
      </Primary>
      <Echo live={live} className={`${BOTTOM_RIGHT} bg-green-500 ${ROUND}`}>
        <Handset turnDeg={-45} />
      </Echo>
    </div>
  );
}

function Ended({ durationS, live }: { durationS: number; live: boolean }) {
  return (
    <div className="relative flex h-full flex-col items-center text-center">
      <TopBar app="Phone" appClass="text-emerald-400" live={live} />
      <p className="mt-[2.2em] text-[1.5em] font-semibold">Call ended</p>
      <p className="text-[1.05em] text-zinc-300">{CALLER.name}</p>
      <p className="text-[0.95em] text-zinc-500 tabular-nums">{durationText(durationS)}</p>
      <Echo live={live} className={`${BOTTOM_RIGHT} bg-red-500 ${ROUND}`}>
        <Handset turnDeg={0} />
      </Echo>
    </div>
  );
}

function NowPlaying({ playing, positionS, presses, live }: { playing: boolean; positionS: number; presses: number; live: boolean }) {
  const share = positionS / TRACK.durationS;
  return (
    <div className="relative flex h-full flex-col px-[1.3em] text-left">
      <TopBar app="Now Playing" appClass="text-pink-500" live={live} inset={false} />
      <p className="mt-[0.5em] truncate text-[1.3em] leading-tight font-semibold">{TRACK.title}</p>
      <p className="truncate text-[1em] text-pink-400">{TRACK.artist}</p>
      <div className="mt-[0.6em] h-[0.3em] rounded-full bg-white/20">
        <div data-testid="track-progress" className="h-full rounded-full bg-white" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <div className="mt-[0.2em] flex justify-between text-[0.75em] text-zinc-400 tabular-nums">
        <span>{durationText(positionS)}</span>
        <span>-{durationText(TRACK.durationS - positionS)}</span>
      </div>
      <div className="mt-[0.5em] flex items-center justify-between">
        <SkipIcon back />
        <Primary action={playing ? "pause" : "play"} live={live} popKey={presses} className="grid size-[4.8em] place-items-center rounded-full bg-white/15">
          {playing ? <PauseIcon /> : <PlayIcon />}
        </Primary>
        <SkipIcon />
      </div>
      <Hint text={playing ? "Double tap to pause" : "Double tap to play"} />
    </div>
  );
}

function Alarm({ overdueS, live }: { overdueS: number; live: boolean }) {
  return (
    <div className="relative flex h-full flex-col items-center text-center">
      <TopBar app="Timer" appClass="text-orange-400" live={live} />
      <div className="watch-anim mt-[0.5em] text-orange-400" style={live ? { animation: "watch-orb-breathe 1s ease-in-out infinite" } : undefined}>
        <TimerIcon />
      </div>
      <p className="mt-[0.3em] text-[1.5em] leading-tight font-semibold">Timer done</p>
      <p className="text-[0.95em] text-zinc-400 tabular-nums">
        {TIMER_MINUTES} min · +{durationText(overdueS)}
      </p>
      <Hint text="Double tap to stop" />
      <div className={`absolute bottom-[1.2em] left-[1.2em] bg-zinc-800 ${PILL}`}>Repeat</div>
      <Primary action="stop" live={live} className={`${BOTTOM_RIGHT} bg-orange-500 text-black ${PILL}`}>
        Stop
      </Primary>
    </div>
  );
}

function Dismissed({ repeatAfterS, live }: { repeatAfterS: number; live: boolean }) {
  return (
    <div className="relative flex h-full flex-col items-center justify-center gap-[0.6em] pb-[3em] text-center">
      <WatchClock live={live} className="text-[3.6em] leading-none font-semibold tabular-nums" />
      <p className="flex items-center gap-[0.35em] rounded-full bg-white/10 px-[0.8em] py-[0.3em] text-[0.9em] text-zinc-200">
        <CheckIcon />
        Timer stopped
      </p>
      <p className="text-[0.8em] text-zinc-500">Rings again in {repeatAfterS} s</p>
      <Echo live={live} className={`${BOTTOM_RIGHT} bg-orange-500 text-black ${PILL}`}>
        Stop
      </Echo>
    </div>
  );
}

function TopBar({ app, appClass, live, inset = true }: { app: string; appClass: string; live: boolean; inset?: boolean }) {
  return (
    <div className={inset ? "flex w-full items-center justify-between px-[1.6em] pt-[0.9em]" : "flex w-full items-center justify-between pt-[0.9em]"}>
      <span className={`text-[0.95em] font-semibold ${appClass}`}>{app}</span>
      <WatchClock live={live} className="text-[0.95em] font-semibold tabular-nums" />
    </div>
  );
}

/**
 * The button a double tap presses. `popKey` (the press count) pops it in place: a new
 * key remounts it, replaying the pop, and 0 (no press yet on this screen) plays none.
 */
function Primary({ action, live, popKey = 0, className, children }: { action: string; live: boolean; popKey?: number; className: string; children: ReactNode }) {
  const pop = live && popKey > 0;
  return (
    <div
      key={popKey}
      data-testid="primary-button"
      data-action={action}
      className={`watch-anim ${className}`}
      style={live ? { animation: pop ? `${PRESS}, ${GLOW} 420ms` : GLOW } : undefined}
    >
      {children}
    </div>
  );
}

/** The button just pressed, drawn over its old spot on the screen that followed: it dips with a ring and fades. */
function Echo({ live, className, children }: { live: boolean; className: string; children: ReactNode }) {
  return (
    <div aria-hidden data-testid="press-echo" className={`watch-anim pointer-events-none opacity-0 ${className}`} style={live ? { animation: "watch-dt-echo 480ms ease-out" } : undefined}>
      {children}
    </div>
  );
}

function Hint({ text }: { text: string }) {
  return (
    <p data-testid="double-tap-hint" className="mt-[0.7em] flex items-center justify-center gap-[0.3em] text-[0.8em] text-zinc-400">
      <RippleIcon />
      {text}
    </p>
  );
}

/** A handset drawn horizontally (as on a decline button) and turned for the answer button. */
function Handset({ turnDeg }: { turnDeg: number }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[2.3em]" style={{ transform: `rotate(${turnDeg}deg)` }}>
      <path d="M4.5 13.5Q12 7 19.5 13.5" fill="none" stroke="white" strokeWidth="3.6" strokeLinecap="round" />
      <rect x="2" y="12" width="6.5" height="4.2" rx="2" fill="white" transform="rotate(18 5.25 14.1)" />
      <rect x="15.5" y="12" width="6.5" height="4.2" rx="2" fill="white" transform="rotate(-18 18.75 14.1)" />
    </svg>
  );
}

/** A dot and two ripples: two taps. */
function RippleIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[1.2em]" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="2" fill="currentColor" stroke="none" />
      <circle cx="12" cy="12" r="5.5" opacity="0.75" />
      <circle cx="12" cy="12" r="9" opacity="0.4" />
    </svg>
  );
}

function PlayIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="ml-[0.2em] size-[2.2em]" fill="white">
      <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12-7.5a1 1 0 0 0 0-1.72l-12-7.5A1 1 0 0 0 7 4.5Z" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[2.2em]" fill="white">
      <rect x="5.5" y="4" width="4.5" height="16" rx="1.2" />
      <rect x="14" y="4" width="4.5" height="16" rx="1.2" />
    </svg>
  );
}

function SkipIcon({ back = false }: { back?: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[2.2em]" fill="white" style={back ? { transform: "scaleX(-1)" } : undefined}>
      <path d="M2.5 6.5v11l8-5.5Zm10 0v11l8-5.5Z" />
    </svg>
  );
}

function MicOffIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[1.5em]" fill="none" stroke="white" strokeWidth="2" strokeLinecap="round">
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 11.5 5.4M12 18v3M4 4l16 16" />
    </svg>
  );
}

function TimerIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[3.4em]" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
      <circle cx="12" cy="13.5" r="8" />
      <path d="M12 13.5V9M10 3h4M18.5 6.5l1.5-1.5" />
    </svg>
  );
}
