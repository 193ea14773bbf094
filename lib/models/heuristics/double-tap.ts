import type { Detector, DetectorInput } from "../detector";
import { RAMP_SHARE, rampDown, rampUp, rampWidth } from "./fuzzy";
import {
  heuristicLabels,
  heuristicParamsOrdered,
  heuristicParamsResolve,
  heuristicSpec,
  probsOf,
  samplesFor,
  type HeuristicDefinition,
  type HeuristicParam,
  type ParamValues,
} from "./heuristic-definition";
import { TAP_EDGE_MS, tapStrengthCreate, tapThresholdParams } from "./tap-strength";
import { burstsFind, windowMax } from "./window-signals";

/**
 * Double tap on the watch with a finger of the other hand.
 *
 * Physics: a tap pushes the watch a fraction of a millimetre into the wrist's soft
 * tissue and it springs back within ~10-30 ms; the accelerometer sees that as a sharp
 * jolt of a few m/s². Arm movements are far slower (below ~5 Hz; even a heel strike
 * reaching the wrist spreads over 60-100 ms), so subtracting the acceleration's mean
 * over the surrounding 0.1 s removes them, and gravity, and leaves taps standing
 * out. Tapping your own watch also means holding that arm still, and a double tap is
 * exactly two jolts: walking, typing or shaking produce jolt after jolt.
 *
 * A tap lasts about one sample of a 60 Hz stream (a browser's rate), and the phone
 * reads its sensors at that instant: the jolt may fall between two readings. The
 * push also rocks the watch on its strap, and the rocking is fastest exactly when the
 * push turns round (where the jolt passes through zero), so a tap the accelerometer
 * half-misses usually shows on the gyroscope; either counts. Without a gyroscope the
 * rule runs on jolts alone and skips the stillness check.
 *
 * Both are taken as magnitudes (|linear acceleration|, |rotation rate|), which the
 * runtime computes per raw sample before resampling: a tap's push and rebound point
 * opposite ways, and averaging the raw vectors of a fast stream down to the detector's
 * rate would cancel them, while magnitudes add up. The rate is 100 Hz so that
 * resampling a 60 Hz stream keeps a one-sample tap sharp rather than smearing it.
 * The rule needs the phone's linear acceleration (gravity removed), which phones
 * report wherever they have a gyroscope.
 */

const NAME = "double-tap";
const RATE_HZ = 100;
const HOP_SAMPLES = 5;

const PARAMS = {
  ...tapThresholdParams(1.2),
  tapGapMinMs: {
    value: 80,
    min: 80,
    max: 400,
    step: 10,
    unit: "ms",
    description: "Shortest time between the two taps; jolts closer than 70 ms are one tap's push and rebound.",
  },
  tapGapMaxMs: {
    value: 500,
    min: 150,
    max: 1000,
    step: 10,
    unit: "ms",
    description: "Longest time between the two taps; slower taps are two single taps.",
  },
  quietShare: {
    value: 0.5,
    min: 0.1,
    max: 0.9,
    step: 0.05,
    unit: "",
    description: "A jolt of this share of a tap's strength before or after the pair counts as a third tap or other activity.",
  },
  quietMs: {
    value: 400,
    min: 100,
    max: 1000,
    step: 10,
    unit: "ms",
    description: "No other jolt may come this long before the first tap or after the second.",
  },
  stillMaxRadPerS: {
    value: 1.0,
    min: 0.2,
    max: 5,
    step: 0.1,
    unit: "rad/s",
    description: "The tapped arm must turn slower than this around the taps.",
  },
} satisfies Record<string, HeuristicParam>;

type Key = keyof typeof PARAMS;

function inputFor(p: ParamValues<Key>): DetectorInput {
  // Room for both quiet stretches and the longest gap, with their ramps, plus the local mean's edges.
  const ms = 2.3 * p.quietMs + 1.15 * p.tapGapMaxMs + TAP_EDGE_MS + 20;
  return {
    rateHz: RATE_HZ,
    windowSamples: samplesFor(ms, RATE_HZ),
    hopSamples: HOP_SAMPLES,
    channels: ["accelNorm", "gyroNorm"],
  };
}

function create(overrides?: Partial<Record<string, number>>): Detector {
  const p = heuristicParamsResolve(NAME, PARAMS, overrides);
  heuristicParamsOrdered(NAME, p, "tapGapMinMs", "tapGapMaxMs");
  const input = inputFor(p);
  const spec = heuristicSpec({ ...doubleTapHeuristic, input });
  const n = input.windowSamples;
  const nc = input.channels.length;
  const dtMs = 1000 / RATE_HZ;
  const quietRows = Math.round(p.quietMs / dtMs);
  const strength = tapStrengthCreate(n, RATE_HZ, nc, p);

  function score(window: Float32Array): Float32Array {
    if (!strength.fill(window)) return probsOf(0);
    const { hasGyro } = strength;
    const from = strength.edgeRows;
    const to = n - strength.edgeRows;
    const taps = burstsFind(strength.values, p.quietShare, strength.mergeRows, from, to);
    let best = 0;
    for (let k = 0; k + 1 < taps.length; k++) {
      const first = taps[k]!;
      const second = taps[k + 1]!;
      const gapMs = (second.peakIndex - first.peakIndex) * dtMs;
      // Quiet is measured up to the window's usable edge when no other jolt is in view.
      const beforeMs = (first.peakIndex - (k > 0 ? taps[k - 1]!.peakIndex : from)) * dtMs;
      const afterMs = ((k + 2 < taps.length ? taps[k + 2]!.peakIndex : to - 1) - second.peakIndex) * dtMs;
      const gyroMax = hasGyro ? windowMax(window, nc, 1, Math.max(0, first.peakIndex - quietRows), Math.min(n, second.peakIndex + quietRows + 1)) : 0;
      const conf = Math.min(
        rampUp(Math.min(first.peak, second.peak), 1, RAMP_SHARE),
        rampUp(gapMs, p.tapGapMinMs, rampWidth(p.tapGapMinMs)),
        rampDown(gapMs, p.tapGapMaxMs, rampWidth(p.tapGapMaxMs)),
        rampUp(beforeMs, p.quietMs, rampWidth(p.quietMs)),
        rampUp(afterMs, p.quietMs, rampWidth(p.quietMs)),
        rampDown(gyroMax, p.stillMaxRadPerS, rampWidth(p.stillMaxRadPerS)),
      );
      best = Math.max(best, conf);
    }
    return probsOf(best);
  }

  return { spec, score, reset() {}, dispose() {} };
}

/**
 * A pair stays in view, scoring high, for up to ~0.6 s of hops; the decision fires once
 * per such run, and a second of refractory time covers a run that dips and recovers.
 */
const DECISION = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 1000 };

export const doubleTapHeuristic: HeuristicDefinition<Key> = {
  name: NAME,
  interaction: "double-tap",
  title: "Double tap (rule)",
  description:
    "Two sharp jolts of the watch (each at least tapPeakMps2 above the surrounding movement, or rocking it at tapRockRadPerS), " +
    "tapGapMinMs-tapGapMaxMs apart, with no other jolt (of quietShare of a tap's strength) for quietMs before and after, " +
    "and the arm turning slower than stillMaxRadPerS.",
  params: PARAMS,
  input: inputFor(heuristicParamsResolve(NAME, PARAMS)),
  labels: heuristicLabels("double-tap"),
  decision: DECISION,
  create,
};
