import type { SceneInputs, SceneLogic, SceneMirror, SceneOptions } from "@/lib/scenes/scene-types";

/**
 * The countdown is kept as time washed before `sinceMs` plus the time since, so it
 * can be read at any moment; `shownMs` is the time left rounded up to
 * {@link SHOWN_STEP_MS}. The screen gets no clock, only the state, so the state
 * must carry what it draws; a tick returns a new state only when `shownMs` (or the
 * grace timer) changes: ten renders a second instead of sixty, and the ring's CSS
 * transition fills the 100 ms between steps.
 */
export type HandwashState =
  | { kind: "idle" }
  | { kind: "washing"; washedMs: number; sinceMs: number; lowSinceMs: number | null; shownMs: number }
  | { kind: "paused"; washedMs: number; sinceMs: number; shownMs: number }
  | { kind: "done"; sinceMs: number };

export const SHOWN_STEP_MS = 100;
/** How long "Well done!" stays before the watch goes back to its face. */
export const CELEBRATE_MS = 4000;

const IDLE: HandwashState = { kind: "idle" };

const durationMs = (o: SceneOptions) => Number(o.durationS) * 1000;
const shown = (remainingMs: number) => Math.max(0, Math.ceil(remainingMs / SHOWN_STEP_MS) * SHOWN_STEP_MS);
const scrubbing = (inputs: SceneInputs) => inputs.scores.scrub?.above === true;

/** Fraction of the wash done, 0-1, for the ring and the phone's mirror. */
export function handwashProgress(s: HandwashState, options: SceneOptions): number {
  if (s.kind === "done") return 1;
  if (s.kind === "idle") return 0;
  return Math.min(1, Math.max(0, 1 - s.shownMs / durationMs(options)));
}

function washingFrom(washedMs: number, nowMs: number, options: SceneOptions): HandwashState {
  return { kind: "washing", washedMs, sinceMs: nowMs, lowSinceMs: null, shownMs: shown(durationMs(options) - washedMs) };
}

function washingTick(s: Extract<HandwashState, { kind: "washing" }>, inputs: SceneInputs, options: SceneOptions): HandwashState {
  const nowMs = inputs.nowMs;
  const washedMs = s.washedMs + (nowMs - s.sinceMs);
  if (washedMs >= durationMs(options)) return { kind: "done", sinceMs: nowMs };
  const lowSinceMs = scrubbing(inputs) ? null : (s.lowSinceMs ?? nowMs);
  // The grace counts as washing: a ring that jumped back when the pause is confirmed would look broken.
  if (lowSinceMs !== null && nowMs - lowSinceMs >= Number(options.pauseAfterMs)) {
    return { kind: "paused", washedMs, sinceMs: nowMs, shownMs: shown(durationMs(options) - washedMs) };
  }
  const shownMs = shown(durationMs(options) - washedMs);
  return shownMs === s.shownMs && lowSinceMs === s.lowSinceMs ? s : { ...s, lowSinceMs, shownMs };
}

/**
 * Handwashing, as the watch does it: scrubbing starts a countdown that runs only
 * while the hands keep scrubbing, then a "Well done!". The detector's event starts
 * the wash (it fires once per run of scrubbing, after the rule held for its
 * sustain time); whether scrubbing goes on is read every frame from the role's
 * score, which stays above threshold while it does. One low window is not a pause:
 * the score must stay low for pauseAfterMs (the default, 700 ms, outlasts one of the
 * heuristic's 0.5 s hops, so two low windows in a row pause). A wash left paused for resetAfterS is
 * given up. The heuristic needs its sustain time again before its score rises after
 * a break, so a paused wash resumes a few seconds into renewed scrubbing.
 */
export const handwashLogic: SceneLogic<HandwashState> = {
  id: "handwash",
  title: "Handwashing",
  summary: "Scrub your hands and the watch counts the 20 seconds, pausing when you stop.",
  howTo: "Rub your hands together as when washing them. The countdown starts after a few seconds of scrubbing, pauses when you stop and goes on when you scrub again.",
  simMotion: "scrub",
  roles: [
    {
      id: "scrub",
      label: "Scrub",
      description: "Starts the countdown when scrubbing is detected; its live score keeps the countdown running.",
      interaction: "handwash",
      default: { kind: "heuristic", name: "handwash", params: {} },
    },
  ],
  options: [
    { key: "durationS", kind: "number", label: "Wash for", unit: "s", min: 5, max: 60, step: 1, default: 20, description: "Scrubbing time to count down (WHO advises 20-30 s)." },
    { key: "pauseAfterMs", kind: "number", label: "Pause after", unit: "ms", min: 0, max: 3000, step: 100, default: 700, description: "How long scrubbing must stop before the countdown pauses." },
    { key: "resetAfterS", kind: "number", label: "Give up after", unit: "s", min: 2, max: 60, step: 1, default: 10, description: "A wash paused this long is abandoned and the watch goes back to its face." },
  ],
  machine: {
    initial: () => IDLE,
    onEvent(s, _role, _event, inputs, options) {
      if (s.kind === "idle") return washingFrom(0, inputs.nowMs, options);
      if (s.kind === "paused") return washingFrom(s.washedMs, inputs.nowMs, options);
      return s;
    },
    onTick(s, inputs, options) {
      switch (s.kind) {
        case "idle":
          return s;
        case "washing":
          return washingTick(s, inputs, options);
        case "paused":
          if (scrubbing(inputs)) return washingFrom(s.washedMs, inputs.nowMs, options);
          return inputs.nowMs - s.sinceMs >= Number(options.resetAfterS) * 1000 ? IDLE : s;
        case "done":
          return inputs.nowMs - s.sinceMs >= CELEBRATE_MS ? IDLE : s;
      }
    },
    stateName: (s) => s.kind,
    cue(prev, next) {
      if (prev.kind === next.kind) return null;
      if (next.kind === "washing") return "start";
      if (next.kind === "paused") return "stop";
      if (next.kind === "done") return "success";
      // Back to the face (celebrated, or given up) is the watch's own timing: no sound, no buzz.
      return null;
    },
    mirror(s, options): SceneMirror {
      const progress = handwashProgress(s, options);
      switch (s.kind) {
        case "idle":
          return { text: "Scrub your hands to start", tone: "idle" };
        case "washing":
          return { text: "Keep scrubbing", tone: "active", progress };
        case "paused":
          return { text: "Paused — keep scrubbing", tone: "alert", progress };
        case "done":
          return { text: "Well done!", tone: "success", progress };
      }
    },
  },
};
