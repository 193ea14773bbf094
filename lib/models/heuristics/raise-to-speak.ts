import type { Detector, DetectorInput } from "../detector";
import { forearmTilt, type ForearmTilt } from "./forearm-tilt";
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
import { windowHasNaN, windowMax, windowMean } from "./window-signals";

/**
 * Raise to speak: the wrist brought up to the mouth, watch face toward the face, and
 * held there.
 *
 * Physics: while the arm is held still the accelerometer reads gravity alone, which
 * gives the forearm's elevation and the watch face's lean (forearm-tilt.ts), with no
 * attitude filter to drift or lag. With the forearm raised toward the mouth, a face
 * turned toward the wearer is level across the wrist and looks up or horizontally
 * back; turned away it leans sideways (a glass held thumb up) or toward the floor.
 * Gravity cannot see which way a face points about a vertical forearm, so the face
 * check loosens by itself as the forearm nears vertical, rather than judging noise: a
 * twist angle would there swing by tens of degrees for a strap a few degrees askew.
 * What makes it a gesture rather than a posture is the raise itself: the forearm must
 * have been below the elevation threshold shortly before the hold, so lying in bed
 * with the arm up, or a hold that goes on and on, does not keep firing.
 */

const NAME = "raise-to-speak";
const RATE_HZ = 50;
const HOP_SAMPLES = 5;
/** Ramp width for angles: a few degrees either side is within how steadily anyone holds a pose. */
const ANGLE_RAMP_DEG = 10;

const PARAMS = {
  raiseMinDeg: {
    value: 45,
    min: 20,
    max: 85,
    step: 1,
    unit: "deg",
    description: "How far the forearm must point above the horizontal (90 = straight up).",
  },
  faceTiltMaxDeg: {
    value: 20,
    min: 5,
    max: 90,
    step: 1,
    unit: "deg",
    description: "How far the watch face may lean away from facing you: sideways, or down toward the floor.",
  },
  holdMs: {
    value: 300,
    min: 100,
    max: 2000,
    step: 50,
    unit: "ms",
    description: "How long the raised wrist must be held still.",
  },
  stillMaxRadPerS: {
    value: 0.5,
    min: 0.1,
    max: 3,
    step: 0.05,
    unit: "rad/s",
    description: "Turning faster than this during the hold is not holding still (0.5 rad/s ≈ 30°/s).",
  },
  raiseWithinMs: {
    value: 1500,
    min: 300,
    max: 5000,
    step: 100,
    unit: "ms",
    description: "The forearm must have been below raiseMinDeg at most this long before the hold: a raise, not a pose.",
  },
} satisfies Record<string, HeuristicParam>;

type Key = keyof typeof PARAMS;

function inputFor(p: ParamValues<Key>): DetectorInput {
  return {
    rateHz: RATE_HZ,
    windowSamples: Math.max(HOP_SAMPLES, samplesFor(p.holdMs, RATE_HZ)),
    hopSamples: HOP_SAMPLES,
    channels: ["accelGX", "accelGY", "accelGZ", "gyroNorm"],
  };
}

function create(overrides?: Partial<Record<string, number>>): Detector {
  const p = heuristicParamsResolve(NAME, PARAMS, overrides);
  const input = inputFor(p);
  const spec = heuristicSpec({ ...raiseToSpeakHeuristic, input });
  const n = input.windowSamples;
  const nc = input.channels.length;
  const dtMs = 1000 / RATE_HZ;
  const tilt: ForearmTilt = { elevationDeg: 0, sideTiltDeg: 0, faceUpDeg: 0 };
  /** Stream time the forearm was last seen below the threshold. */
  let lowAtMs = -Infinity;
  /** Rows up to this time have been looked at for `lowAtMs`; windows overlap. */
  let seenUntilMs = -Infinity;

  function score(window: Float32Array, tEndMs: number): Float32Array {
    if (windowHasNaN(window, nc, 0, 3)) return probsOf(0);
    for (let i = 0; i < n; i++) {
      const tMs = tEndMs - (n - 1 - i) * dtMs;
      if (tMs <= seenUntilMs + dtMs / 2) continue;
      const o = i * nc;
      forearmTilt(window[o]!, window[o + 1]!, window[o + 2]!, tilt);
      if (tilt.elevationDeg < p.raiseMinDeg) lowAtMs = tMs;
    }
    seenUntilMs = tEndMs;

    forearmTilt(windowMean(window, nc, 0, 0, n), windowMean(window, nc, 1, 0, n), windowMean(window, nc, 2, 0, n), tilt);
    const holdStartMs = tEndMs - (n - 1) * dtMs;
    const faceAwayDeg = Math.max(Math.abs(tilt.sideTiltDeg), -tilt.faceUpDeg);
    const gyroMax = windowMax(window, nc, 3, 0, n);
    const conf = Math.min(
      rampUp(tilt.elevationDeg, p.raiseMinDeg, ANGLE_RAMP_DEG),
      rampDown(faceAwayDeg, p.faceTiltMaxDeg, ANGLE_RAMP_DEG),
      Number.isNaN(gyroMax) ? 1 : rampDown(gyroMax, p.stillMaxRadPerS, rampWidth(p.stillMaxRadPerS)),
      rampDown(holdStartMs - lowAtMs, p.raiseWithinMs, rampWidth(p.raiseWithinMs)),
    );
    return probsOf(conf);
  }

  return {
    spec,
    score,
    reset() {
      lowAtMs = -Infinity;
      seenUntilMs = -Infinity;
    },
    dispose() {},
  };
}

/**
 * The decision fires once per run of windows above threshold, and raiseWithinMs ends
 * the run during a long hold; the refractory time covers a hold that wobbles across
 * the threshold.
 */
const DECISION = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 2000 };

export const raiseToSpeakHeuristic: HeuristicDefinition<Key> = {
  name: NAME,
  interaction: "raise-to-speak",
  title: "Raise to speak (rule)",
  description:
    "The forearm comes up past raiseMinDeg with the watch face turned toward you (leaning away by at most faceTiltMaxDeg) " +
    "and is held still (turning slower than stillMaxRadPerS) for holdMs, within raiseWithinMs of having been lower.",
  params: PARAMS,
  input: inputFor(heuristicParamsResolve(NAME, PARAMS)),
  labels: heuristicLabels("raise-to-speak"),
  decision: DECISION,
  create,
};
