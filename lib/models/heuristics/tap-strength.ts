import { samplesFor, type HeuristicParam } from "./heuristic-definition";
import { windowHasNaN } from "./window-signals";

/**
 * How strongly each row of an [accelNorm, gyroNorm] window looks like a finger tap on
 * the watch, shared by the tap and double-tap rules (the physics is in double-tap.ts).
 * A tap is a jolt of |linear acceleration| above its surroundings or, when the jolt
 * fell between two readings, a rock of |rotation rate|; either counts, in units of
 * its own threshold, so 1 is a tap just at threshold whichever sensor saw it.
 *
 * Only rises above the local mean count. A tap adds to the magnitudes, so it always
 * rises; what falls below the mean is not a tap but either the rows next to a spike
 * (the spike lifts their mean: counted, they would stretch each tap by ±50 ms and run
 * two close taps together) or a slow turn reversing, whose |rotation rate| dips to a
 * sharp V through zero at every swing of an arm.
 */

/** Half of the local-mean span: 50 ms each side keeps a ~30 ms tap whole and removes movements below ~5 Hz. */
const LOCAL_MEAN_HALF_MS = 50;
/** One tap's push and rebound stay within this; closer jolts are one tap. */
const MERGE_MS = 60;

/** Extra context a tap rule's window needs: the local mean's span at both edges. */
export const TAP_EDGE_MS = 2 * LOCAL_MEAN_HALF_MS;

/** The two thresholds every tap rule tunes; only the jolt's default differs between rules. */
export function tapThresholdParams(tapPeakMps2Default: number) {
  return {
    tapPeakMps2: {
      value: tapPeakMps2Default,
      min: 0.3,
      max: 30,
      step: 0.1,
      unit: "m/s²",
      description: "How hard a tap must jolt the watch, above the surrounding movement.",
    },
    tapRockRadPerS: {
      value: 0.1,
      min: 0.02,
      max: 5,
      step: 0.01,
      unit: "rad/s",
      description: "...or how fast it must rock the watch on its strap (a tap too short for the sample rate still shows here).",
    },
  } satisfies Record<keyof TapThresholds, HeuristicParam>;
}

export interface TapThresholds {
  tapPeakMps2: number;
  tapRockRadPerS: number;
}

export interface TapStrength {
  /** Per row, the stronger of jolt and rock in units of their thresholds; 0 within `edgeRows` of either end. */
  readonly values: Float64Array;
  /** Rows at each end where the local mean does not fit: bursts are searched in [edgeRows, n − edgeRows). */
  readonly edgeRows: number;
  /** Quieter rows a tap's push and rebound may have between them and still be one burst. */
  readonly mergeRows: number;
  /** Whether the last window filled had a gyroscope column (a phone without one gives NaN). */
  hasGyro: boolean;
  /** Fills `values` from a window; false when it has no linear acceleration to find taps in. */
  fill(window: Float32Array): boolean;
}

/** For windows of `windowSamples` rows at `rateHz`, accelNorm in column 0 and gyroNorm in column 1 of `nChannels`. */
export function tapStrengthCreate(windowSamples: number, rateHz: number, nChannels: number, t: TapThresholds): TapStrength {
  const half = samplesFor(LOCAL_MEAN_HALF_MS, rateHz);
  const jolt = new Float64Array(windowSamples);
  const rock = new Float64Array(windowSamples);
  const values = new Float64Array(windowSamples);
  const strength: TapStrength = {
    values,
    edgeRows: half,
    mergeRows: samplesFor(MERGE_MS, rateHz),
    hasGyro: false,
    fill(window) {
      if (windowHasNaN(window, nChannels, 0, 1)) return false;
      strength.hasGyro = !windowHasNaN(window, nChannels, 1, 1);
      localRise(window, nChannels, 0, half, jolt);
      if (strength.hasGyro) localRise(window, nChannels, 1, half, rock);
      for (let i = 0; i < windowSamples; i++) {
        values[i] = Math.max(jolt[i]! / t.tapPeakMps2, strength.hasGyro ? rock[i]! / t.tapRockRadPerS : 0);
      }
      return true;
    },
  };
  return strength;
}

/** Per row, how far column `c` rises above its mean over ±`half` rows (0 if below); 0 near the window's edges, where the mean does not fit. */
function localRise(window: Float32Array, nc: number, c: number, half: number, out: Float64Array): void {
  const n = out.length;
  const span = 2 * half + 1;
  let sum = 0;
  out.fill(0);
  for (let i = 0; i < Math.min(span, n); i++) sum += window[i * nc + c]!;
  for (let i = half; i + half < n; i++) {
    out[i] = Math.max(0, window[i * nc + c]! - sum / span);
    if (i + half + 1 < n) sum += window[(i + half + 1) * nc + c]! - window[(i - half) * nc + c]!;
  }
}
