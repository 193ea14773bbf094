import type { Detector, DetectorInput } from "../detector";
import { RAMP_SHARE, rampDown, rampUp, rampWidth } from "./fuzzy";
import {
  heuristicLabels,
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
 * Single tap on the watch with a finger of the other hand.
 *
 * Physics: the same jolt-or-rock as each tap of a double tap (see double-tap.ts and
 * tap-strength.ts): |linear acceleration| rising sharply above its local mean, or
 * |rotation rate| when the jolt fell between two readings, on an arm held still. A
 * single tap is exactly one such short burst, with nothing like it for a while before
 * and after: walking, typing and shaking jolt over and over, scrubbing or a buzz lasts,
 * and the quiet before rules out being the second tap of a double tap. Its threshold
 * is a little below the double-tap rule's (1.0 against 1.2 m/s²), as a 50-60 Hz
 * reading often catches the tap off its peak; that costs the pair nothing, since a
 * second jolt of even quietShare of it vetoes the tap.
 *
 * The cost is a delay. Until `quietAfterMs` has passed with no second jolt, a tap may
 * still be the first of a double tap, so the rule decides only then; the default,
 * 550 ms, is just over the double-tap rule's longest gap (tapGapMaxMs, 500 ms), so a
 * pair that rule accepts never also reads as a tap. With the local mean's 50 ms at
 * the window's end and up to one 50 ms hop, an event comes ~0.6-0.7 s after the tap.
 */

const NAME = "tap";
const RATE_HZ = 100;
const HOP_SAMPLES = 5;

const PARAMS = {
  ...tapThresholdParams(1.0),
  tapMaxMs: {
    value: 100,
    min: 30,
    max: 500,
    step: 10,
    unit: "ms",
    description: "Longest a tap's jolt may last, push and rebound; longer is vibration or scrubbing, not a tap.",
  },
  quietShare: {
    value: 0.3,
    min: 0.1,
    max: 0.9,
    step: 0.05,
    unit: "",
    description: "A jolt of this share of a tap's threshold before or after the tap counts as another tap or other activity.",
  },
  quietBeforeMs: {
    value: 550,
    min: 100,
    max: 2000,
    step: 10,
    unit: "ms",
    description: "No other jolt may come this long before the tap (else it is the second of a double tap, or typing).",
  },
  quietAfterMs: {
    value: 550,
    min: 100,
    max: 2000,
    step: 10,
    unit: "ms",
    description: "No other jolt may come this long after the tap; the rule waits this long before deciding.",
  },
  stillMaxRadPerS: {
    value: 1.0,
    min: 0.2,
    max: 5,
    step: 0.1,
    unit: "rad/s",
    description: "The tapped arm must turn slower than this around the tap.",
  },
} satisfies Record<string, HeuristicParam>;

type Key = keyof typeof PARAMS;

/** The quiet ramps reach 1 at this many times their thresholds; the window holds both. */
const QUIET_FULL = 1 + RAMP_SHARE / 2;

function inputFor(p: ParamValues<Key>): DetectorInput {
  const ms = QUIET_FULL * (p.quietBeforeMs + p.quietAfterMs) + TAP_EDGE_MS + 20;
  return {
    rateHz: RATE_HZ,
    windowSamples: samplesFor(ms, RATE_HZ),
    hopSamples: HOP_SAMPLES,
    channels: ["accelNorm", "gyroNorm"],
  };
}

function create(overrides?: Partial<Record<string, number>>): Detector {
  const p = heuristicParamsResolve(NAME, PARAMS, overrides);
  const input = inputFor(p);
  const spec = heuristicSpec({ ...tapHeuristic, input });
  const n = input.windowSamples;
  const nc = input.channels.length;
  const dtMs = 1000 / RATE_HZ;
  const beforeRows = Math.round(p.quietBeforeMs / dtMs);
  const afterRows = Math.round(p.quietAfterMs / dtMs);
  const strength = tapStrengthCreate(n, RATE_HZ, nc, p);

  function score(window: Float32Array): Float32Array {
    if (!strength.fill(window)) return probsOf(0);
    const from = strength.edgeRows;
    const to = n - strength.edgeRows;
    const jolts = burstsFind(strength.values, p.quietShare, strength.mergeRows, from, to);
    let best = 0;
    for (let k = 0; k < jolts.length; k++) {
      const tap = jolts[k]!;
      // From the tap's peak to the nearest row of the jolt before or after (a long
      // stretch of activity counts from its end), or to the window's usable edge.
      const beforeMs = (tap.peakIndex - (k > 0 ? jolts[k - 1]!.end : from)) * dtMs;
      const afterMs = ((k + 1 < jolts.length ? jolts[k + 1]!.start : to - 1) - tap.peakIndex) * dtMs;
      const lengthMs = (tap.end - tap.start) * dtMs;
      const gyroMax = strength.hasGyro
        ? windowMax(window, nc, 1, Math.max(0, tap.peakIndex - beforeRows), Math.min(n, tap.peakIndex + afterRows + 1))
        : 0;
      const conf = Math.min(
        rampUp(tap.peak, 1, RAMP_SHARE),
        rampDown(lengthMs, p.tapMaxMs, rampWidth(p.tapMaxMs)),
        rampUp(beforeMs, p.quietBeforeMs, rampWidth(p.quietBeforeMs)),
        rampUp(afterMs, p.quietAfterMs, rampWidth(p.quietAfterMs)),
        rampDown(gyroMax, p.stillMaxRadPerS, rampWidth(p.stillMaxRadPerS)),
      );
      best = Math.max(best, conf);
    }
    return probsOf(best);
  }

  return { spec, score, reset() {}, dispose() {} };
}

/**
 * A tap stays in view, scoring high, for the window's slack beyond both quiet
 * stretches (~0.2 s of hops); the decision fires once per such run. The refractory
 * time covers a run that dips and recovers, and stays below quietBeforeMs so taps in
 * quick succession ("next, next") each fire.
 */
const DECISION = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 500 };

export const tapHeuristic: HeuristicDefinition<Key> = {
  name: NAME,
  interaction: "tap",
  title: "Tap (rule)",
  description:
    "One sharp jolt of the watch (at least tapPeakMps2 above the surrounding movement, or rocking it at tapRockRadPerS, " +
    "lasting at most tapMaxMs), " +
    "with no other jolt (of quietShare of that threshold) for quietBeforeMs before and quietAfterMs after, " +
    "and the arm turning slower than stillMaxRadPerS.",
  params: PARAMS,
  input: inputFor(heuristicParamsResolve(NAME, PARAMS)),
  labels: heuristicLabels("tap"),
  decision: DECISION,
  create,
};
