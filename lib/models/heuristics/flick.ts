import type { Detector, DetectorInput } from "../detector";
import { FOREARM_AXIS_DEVICE } from "./forearm-tilt";
import { rampDown, rampUp, rampWidth } from "./fuzzy";
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
import { burstsFind, windowHasNaN, windowNorm3 } from "./window-signals";

/**
 * Wrist flick: a quick twist of the forearm (pronation/supination) out and back.
 *
 * Physics: a watch does not see the hand bend at the wrist, only the forearm turning
 * about its own axis, which the gyroscope measures directly, free of gravity. A
 * deliberate flick turns 40-90° in a fifth of a second and back, several rad/s about
 * the forearm axis; everyday turns (looking at the watch, reaching) are slower, and
 * swinging or raising the arm turns it about other axes. Shaking and scrubbing twist
 * fast too, but over and over: a flick is one burst with stillness on either side.
 */

const NAME = "flick";
const RATE_HZ = 50;
/** A twist out and back passes through zero rate at its turn; rows this close stay one burst. */
const MERGE_MS = 80;
const HOP_SAMPLES = 5;
/** The twist share's ramp, in share units: it is a ratio, not a magnitude. */
const SHARE_RAMP = 0.1;

const PARAMS = {
  flickPeakRadPerS: {
    value: 4,
    min: 1,
    max: 20,
    step: 0.1,
    unit: "rad/s",
    description: "How fast the forearm must twist about its own axis at the burst's peak (4 rad/s ≈ 230°/s).",
  },
  twistShareMin: {
    value: 0.7,
    min: 0.3,
    max: 0.95,
    step: 0.05,
    unit: "",
    description: "Share of the burst's rotation that must be about the forearm axis rather than swinging the arm.",
  },
  flickMaxMs: {
    value: 400,
    min: 100,
    max: 1000,
    step: 10,
    unit: "ms",
    description: "Longest burst that still counts as a flick.",
  },
  quietMaxRadPerS: {
    value: 1.5,
    min: 0.3,
    max: 5,
    step: 0.1,
    unit: "rad/s",
    description: "Turning faster than this counts as movement: it starts a burst, or breaks the stillness around it.",
  },
  quietMs: {
    value: 300,
    min: 100,
    max: 1000,
    step: 10,
    unit: "ms",
    description: "The arm must turn slower than quietMaxRadPerS this long before and after the burst.",
  },
} satisfies Record<string, HeuristicParam>;

type Key = keyof typeof PARAMS;

function inputFor(p: ParamValues<Key>): DetectorInput {
  const ms = 2.3 * p.quietMs + 1.15 * p.flickMaxMs + 100;
  return { rateHz: RATE_HZ, windowSamples: samplesFor(ms, RATE_HZ), hopSamples: HOP_SAMPLES, channels: ["gyroX", "gyroY", "gyroZ"] };
}

function create(overrides?: Partial<Record<string, number>>): Detector {
  const p = heuristicParamsResolve(NAME, PARAMS, overrides);
  const input = inputFor(p);
  const spec = heuristicSpec({ ...flickHeuristic, input });
  const n = input.windowSamples;
  const nc = input.channels.length;
  const dtMs = 1000 / RATE_HZ;
  const merge = samplesFor(MERGE_MS, RATE_HZ);
  const rate = new Float64Array(n);
  const [ax, ay, az] = FOREARM_AXIS_DEVICE;

  function score(window: Float32Array): Float32Array {
    if (windowHasNaN(window, nc, 0, 3)) return probsOf(0);
    windowNorm3(window, nc, 0, rate);
    const bursts = burstsFind(rate, p.quietMaxRadPerS, merge);
    let best = 0;
    for (let k = 0; k < bursts.length; k++) {
      const b = bursts[k]!;
      let twistPeak = 0;
      let twistSum = 0;
      let rateSum = 0;
      for (let i = b.start; i <= b.end; i++) {
        const o = i * nc;
        const twist = Math.abs(window[o]! * ax + window[o + 1]! * ay + window[o + 2]! * az);
        twistPeak = Math.max(twistPeak, twist);
        twistSum += twist;
        rateSum += rate[i]!;
      }
      const durationMs = (b.end - b.start + 1) * dtMs;
      // Stillness is measured up to the window's edge when no other burst is in view.
      const beforeMs = (b.start - (k > 0 ? bursts[k - 1]!.end : -1) - 1) * dtMs;
      const afterMs = ((k + 1 < bursts.length ? bursts[k + 1]!.start : n) - b.end - 1) * dtMs;
      const conf = Math.min(
        rampUp(twistPeak, p.flickPeakRadPerS, rampWidth(p.flickPeakRadPerS)),
        rampUp(twistSum / rateSum, p.twistShareMin, SHARE_RAMP),
        rampDown(durationMs, p.flickMaxMs, rampWidth(p.flickMaxMs)),
        rampUp(beforeMs, p.quietMs, rampWidth(p.quietMs)),
        rampUp(afterMs, p.quietMs, rampWidth(p.quietMs)),
      );
      best = Math.max(best, conf);
    }
    return probsOf(best);
  }

  return { spec, score, reset() {}, dispose() {} };
}

/** A flick stays in view for a few hops; the decision fires once per run, the refractory time covers a dip. */
const DECISION = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 1000 };

export const flickHeuristic: HeuristicDefinition<Key> = {
  name: NAME,
  interaction: "flick",
  title: "Wrist flick (rule)",
  description:
    "One short burst (under flickMaxMs) of the forearm twisting about its own axis (at least twistShareMin of the rotation) " +
    "at flickPeakRadPerS or faster, with the arm turning slower than quietMaxRadPerS for quietMs before and after.",
  params: PARAMS,
  input: inputFor(heuristicParamsResolve(NAME, PARAMS)),
  labels: heuristicLabels("flick"),
  decision: DECISION,
  create,
};
