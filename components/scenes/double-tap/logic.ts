import type { SceneLogic, SceneMirror, SceneOptions } from "@/lib/scenes/scene-types";

/** The watch screens the demo can show; a double tap presses each one's primary button. */
export const DOUBLE_TAP_SCREENS = ["call", "music", "timer"] as const;
export type DoubleTapScreen = (typeof DOUBLE_TAP_SCREENS)[number];

export const CALLER = { name: "Alex Rivera", short: "Alex", initials: "AR", label: "mobile" } as const;
export const TRACK = { title: "Midnight City", artist: "M83", durationS: 243, startAtS: 72 } as const;
export const TIMER_MINUTES = 5;

/**
 * `presses` counts the double taps that pressed a button on this screen (it restarts
 * at 0 when the option switches screens): the screen keys its press animation on it,
 * so each press replays it and a fresh screen plays none, and the cue tells a press
 * (a new count) from a change the demo's clock made. The per-second fields
 * (`elapsedS`, `positionS`, `overdueS`) are advanced by onTick in whole seconds, so
 * a running call timer re-renders once a second, not every frame, and runs on the
 * scene's clock rather than the browser's.
 */
export type DoubleTapState =
  | { kind: "ringing"; presses: number }
  | { kind: "in-call"; presses: number; sinceMs: number; elapsedS: number }
  | { kind: "ended"; presses: number; sinceMs: number; durationS: number }
  | { kind: "paused"; presses: number; positionS: number }
  | { kind: "playing"; presses: number; sinceMs: number; fromS: number; positionS: number }
  | { kind: "alarm"; presses: number; sinceMs: number; overdueS: number }
  | { kind: "dismissed"; presses: number; sinceMs: number };

const SCREEN_OF: Record<DoubleTapState["kind"], DoubleTapScreen> = {
  ringing: "call",
  "in-call": "call",
  ended: "call",
  paused: "music",
  playing: "music",
  alarm: "timer",
  dismissed: "timer",
};

export const screenOf = (s: DoubleTapState): DoubleTapScreen => SCREEN_OF[s.kind];

/** The chosen screen; a value this build does not know (settings saved by another) shows the call. */
export function screenOption(options: SceneOptions): DoubleTapScreen {
  return DOUBLE_TAP_SCREENS.find((v) => v === options.screen) ?? "call";
}

function screenInitial(screen: DoubleTapScreen, nowMs: number): DoubleTapState {
  switch (screen) {
    case "call":
      return { kind: "ringing", presses: 0 };
    case "music":
      return { kind: "paused", presses: 0, positionS: TRACK.startAtS };
    case "timer":
      return { kind: "alarm", presses: 0, sinceMs: nowMs, overdueS: 0 };
  }
}

/**
 * The state as the chosen screen sees it. When the option changes, the state left
 * over belongs to the old screen: it is replaced by the new screen's initial state,
 * so the first tick after the change shows it, and a
 * double tap arriving before that tick acts on the new screen, never on the old one.
 */
function onScreen(s: DoubleTapState, options: SceneOptions, nowMs: number): DoubleTapState {
  const screen = screenOption(options);
  return screenOf(s) === screen ? s : screenInitial(screen, nowMs);
}

const wholeSecondsSince = (sinceMs: number, nowMs: number): number => Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
const repeatAfterMs = (options: SceneOptions): number => Number(options.repeatAfterS) * 1000;

/** The primary action of what is on screen; screens with no button ("Call ended", the face after a stopped timer) ignore the tap. */
function press(s: DoubleTapState, nowMs: number): DoubleTapState {
  const presses = s.presses + 1;
  switch (s.kind) {
    case "ringing":
      return { kind: "in-call", presses, sinceMs: nowMs, elapsedS: 0 };
    case "in-call":
      return { kind: "ended", presses, sinceMs: nowMs, durationS: wholeSecondsSince(s.sinceMs, nowMs) };
    case "paused":
      return { kind: "playing", presses, sinceMs: nowMs, fromS: s.positionS, positionS: s.positionS };
    case "playing":
      return { kind: "paused", presses, positionS: s.positionS };
    case "alarm":
      return { kind: "dismissed", presses, sinceMs: nowMs };
    case "ended":
    case "dismissed":
      return s;
  }
}

/** The clock's part: timers count, the track plays (and starts over at its end), and ended screens come back. */
function advance(s: DoubleTapState, nowMs: number, options: SceneOptions): DoubleTapState {
  switch (s.kind) {
    case "in-call": {
      const elapsedS = wholeSecondsSince(s.sinceMs, nowMs);
      return elapsedS === s.elapsedS ? s : { ...s, elapsedS };
    }
    case "playing": {
      const positionS = (s.fromS + wholeSecondsSince(s.sinceMs, nowMs)) % TRACK.durationS;
      return positionS === s.positionS ? s : { ...s, positionS };
    }
    case "alarm": {
      const overdueS = wholeSecondsSince(s.sinceMs, nowMs);
      return overdueS === s.overdueS ? s : { ...s, overdueS };
    }
    case "ended":
      return nowMs - s.sinceMs >= repeatAfterMs(options) ? { kind: "ringing", presses: s.presses } : s;
    case "dismissed":
      return nowMs - s.sinceMs >= repeatAfterMs(options) ? { kind: "alarm", presses: s.presses, sinceMs: nowMs, overdueS: 0 } : s;
    case "ringing":
    case "paused":
      return s;
  }
}

/** m:ss, as the Phone and Timer apps show durations. */
export function durationText(totalS: number): string {
  const s = Math.max(0, Math.floor(totalS));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function mirrorOf(s: DoubleTapState): SceneMirror {
  switch (s.kind) {
    case "ringing":
      return { text: `Incoming call · ${CALLER.short}`, tone: "alert" };
    case "in-call":
      return { text: `Call answered · ${CALLER.short}`, tone: "active" };
    case "ended":
      return { text: "Call ended", tone: "idle" };
    case "paused":
      return { text: `Paused · ${TRACK.title}`, tone: "idle", progress: s.positionS / TRACK.durationS };
    case "playing":
      return { text: `Playing · ${TRACK.title} – ${TRACK.artist}`, tone: "active", progress: s.positionS / TRACK.durationS };
    case "alarm":
      return { text: "Timer done", tone: "alert" };
    case "dismissed":
      return { text: "Timer stopped", tone: "success" };
  }
}

/**
 * Double tap, as on watchOS: pinching thumb and index finger twice presses the
 * primary button of whatever is on screen (answer a call, then end it; play or pause;
 * stop a timer's alarm). The state changes on the event itself, and the new screen
 * plays the press on the button that was pressed, so the animation never delays the
 * feedback. The demo repeats itself: an ended call rings again and a stopped timer
 * goes off again after `repeatAfterS`.
 */
export const doubleTapLogic: SceneLogic<DoubleTapState> = {
  id: "double-tap",
  title: "Double tap",
  summary: "Pinch twice to press the button on screen: answer, hang up, play, stop.",
  howTo: "Tap thumb and index finger together twice, quickly (on the phone-as-watch: tap the phone twice). The highlighted button is pressed.",
  simMotion: "double-tap",
  roles: [
    {
      id: "action",
      label: "Double tap",
      description: "Presses the primary button of the screen shown.",
      interaction: "double-tap",
      default: { kind: "heuristic", name: "double-tap", params: {} },
    },
  ],
  options: [
    {
      key: "screen",
      kind: "choice",
      label: "Screen",
      default: "call",
      choices: [
        { value: "call", label: "Incoming call" },
        { value: "music", label: "Now Playing" },
        { value: "timer", label: "Timer alarm" },
      ],
      description: "What the watch shows, and so what a double tap presses.",
    },
    { key: "repeatAfterS", kind: "number", label: "Repeat after", unit: "s", min: 1, max: 30, step: 1, default: 4, description: "How long “Call ended” or a stopped timer stays before the call rings (or the timer goes off) again." },
  ],
  machine: {
    initial: (options, nowMs) => screenInitial(screenOption(options), nowMs),
    onEvent: (s, _role, _event, inputs, options) => press(onScreen(s, options, inputs.nowMs), inputs.nowMs),
    onTick: (s, inputs, options) => advance(onScreen(s, options, inputs.nowMs), inputs.nowMs, options),
    stateName: (s) => s.kind,
    // A call coming back or an alarm going off again is the demo's clock, not the wearer: no sound, no buzz.
    // A switch of screens restarts the count, so a press is a count above the previous one's on the same screen.
    cue: (prev, next) => (next.presses > (screenOf(prev) === screenOf(next) ? prev.presses : 0) ? "select" : null),
    mirror: (s) => mirrorOf(s),
  },
};
