"use client";

import type { SceneScreenProps } from "../scene-definition";
import { WatchClock } from "../watch-clock";
import { ChevronLeft } from "./icons";
import { focusedItem, type AssistiveTouchState } from "./logic";
import type { PointerState } from "./pointer";
import { SCREENS, type Box } from "./screens";
import { boxStyle, ScreenBody } from "./views";

/** Title colours of the apps, as watchOS tints each app's navigation title. */
const TITLE_CLASS: Record<string, string> = {
  Timer: "text-[#ffb340]",
  Messages: "text-[#34c759]",
  Workout: "text-[#a3f53b]",
  Music: "text-[#ff375f]",
  Settings: "text-zinc-300",
};

/** The focus ring stands this far outside its item, in percent of the screen. */
const RING_OUTSET_PCT = 1.6;

/**
 * The watch with AssistiveTouch on: the app's screen, the thick focus ring on the
 * focused item (it glides from item to item, so the eye follows a "next"), and with
 * the motion pointer on, the pointer with its dwell ring. Everything is placed in
 * percent of the screen from screens.ts, the same boxes the pointer is hit-tested on.
 */
export function AssistiveTouchScreen({ state, live }: SceneScreenProps<AssistiveTouchState>) {
  const screen = SCREENS[state.screen];
  const focused = screen.items[state.focus];
  return (
    <div
      data-testid="assistive-touch"
      data-screen={state.screen}
      data-focus={focusedItem(state) ?? ""}
      data-pointer={state.pointer ? `${state.pointer.xPct},${state.pointer.yPct}` : undefined}
      className="relative size-full"
    >
      <header className="absolute inset-x-[7%] top-[3.5%] flex h-[9%] items-center justify-between">
        {screen.parent ? (
          <span className={`flex items-center gap-[0.1em] text-[1.1em] font-semibold ${TITLE_CLASS[screen.title] ?? "text-white"}`}>
            <ChevronLeft />
            {screen.title}
          </span>
        ) : (
          <span />
        )}
        <WatchClock live={live} className="text-[1em] font-semibold tabular-nums" />
      </header>
      <div
        // A new key per screen replays the push-in, as watchOS animates into a level.
        key={state.screen}
        className="watch-anim absolute inset-0"
        style={live ? { animation: "watch-at-enter 240ms cubic-bezier(0.2, 0.9, 0.3, 1)" } : undefined}
      >
        <ScreenBody state={state} />
      </div>
      {focused && <FocusRing box={focused.box} round={state.screen === "timer-running"} />}
      {state.pointer && <Pointer p={state.pointer} />}
      {state.settle && (
        <p data-testid="pointer-settling" className="absolute inset-x-0 bottom-[3%] text-center text-[0.75em] text-zinc-400">
          Hold your wrist still to start the pointer
        </p>
      )}
    </div>
  );
}

function FocusRing({ box, round }: { box: Box; round: boolean }) {
  const o = RING_OUTSET_PCT;
  return (
    <div
      aria-hidden
      data-testid="focus-ring"
      className={`pointer-events-none absolute border-[0.28em] border-[#4fc3ff] shadow-[0_0_0.7em_rgba(79,195,255,0.55)] transition-[left,top,width,height] duration-150 ease-out motion-reduce:transition-none ${round ? "rounded-full" : "rounded-[1.35em]"}`}
      style={boxStyle({ xPct: box.xPct - o, yPct: box.yPct - o, wPct: box.wPct + 2 * o, hPct: box.hPct + 2 * o })}
    />
  );
}

/** A white dot; while it rests on an item, a ring around it fills up to the click. */
function Pointer({ p }: { p: PointerState }) {
  const dwelling = p.dwellSinceMs !== null;
  return (
    <div
      aria-hidden
      data-testid="motion-pointer"
      data-dwell={dwelling ? p.dwellProgress.toFixed(2) : undefined}
      className="pointer-events-none absolute size-[2.6em] -translate-x-1/2 -translate-y-1/2 transition-[left,top] duration-75 ease-linear motion-reduce:transition-none"
      style={{ left: `${p.xPct}%`, top: `${p.yPct}%` }}
    >
      <svg viewBox="0 0 100 100" className="absolute inset-0 size-full -rotate-90">
        {dwelling && (
          <>
            <circle cx="50" cy="50" r="42" fill="none" stroke="white" strokeOpacity="0.25" strokeWidth="9" />
            <circle cx="50" cy="50" r="42" fill="none" stroke="white" strokeWidth="9" strokeLinecap="round" pathLength={1} strokeDasharray={`${p.dwellProgress} 1`} />
          </>
        )}
      </svg>
      <div className="absolute inset-[33%] rounded-full border-[0.12em] border-black/70 bg-white shadow-[0_0_0.4em_rgba(0,0,0,0.6)]" />
    </div>
  );
}
