import type { SceneCue } from "./scene-types";

/**
 * What each cue sounds and feels like. Vibrations are short single pulses: a
 * watch's taptic engine gives ~10-30 ms taps, and the phone's accelerometer feels
 * its own motor, so two pulses a few tens of ms apart could read as two taps to a
 * double-tap detector. Only the end of a handwash (when no gesture is expected)
 * gets a longer pattern. Tones are sine blips a watch speaker could play.
 */

/** `navigator.vibrate` patterns: vibrate, pause, vibrate... in ms. */
export const CUE_VIBRATE_MS: Readonly<Record<SceneCue, readonly number[]>> = {
  detect: [20],
  start: [30],
  stop: [15],
  move: [12],
  select: [30],
  back: [15],
  success: [40, 80, 40, 80, 120],
  dismiss: [25],
};

export interface CueTone {
  frequencyHz: number;
  startMs: number;
  durationMs: number;
}

export const CUE_TONES: Readonly<Record<SceneCue, readonly CueTone[]>> = {
  detect: [{ frequencyHz: 880, startMs: 0, durationMs: 70 }],
  start: [
    { frequencyHz: 660, startMs: 0, durationMs: 80 },
    { frequencyHz: 990, startMs: 80, durationMs: 110 },
  ],
  stop: [
    { frequencyHz: 990, startMs: 0, durationMs: 80 },
    { frequencyHz: 660, startMs: 80, durationMs: 110 },
  ],
  move: [{ frequencyHz: 1320, startMs: 0, durationMs: 35 }],
  select: [
    { frequencyHz: 1046, startMs: 0, durationMs: 50 },
    { frequencyHz: 1568, startMs: 60, durationMs: 70 },
  ],
  back: [{ frequencyHz: 523, startMs: 0, durationMs: 60 }],
  success: [
    { frequencyHz: 784, startMs: 0, durationMs: 120 },
    { frequencyHz: 988, startMs: 120, durationMs: 120 },
    { frequencyHz: 1175, startMs: 240, durationMs: 260 },
  ],
  dismiss: [
    { frequencyHz: 1175, startMs: 0, durationMs: 40 },
    { frequencyHz: 784, startMs: 40, durationMs: 60 },
  ],
};
