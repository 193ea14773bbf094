import type { Detector, DetectorInput } from "../detector";
import { BandSpectrum } from "./band-power";
import { forearmTilt, type ForearmTilt } from "./forearm-tilt";
import { rampDown, rampUp, rampWidth } from "./fuzzy";
import {
  heuristicLabels,
  heuristicParamsOrdered,
  heuristicParamsResolve,
  heuristicSpec,
  probsOf,
  type HeuristicDefinition,
  type HeuristicParam,
} from "./heuristic-definition";
import { windowHasNaN, windowMean } from "./window-signals";

/**
 * Handwashing: rubbing the hands together, rhythmically, for several seconds.
 *
 * Physics: scrubbing moves the wrist a few cm back and forth two to four times a second
 * and twists it a little, so most of the accelerometer's movement energy (including
 * gravity swinging across the axes as the wrist twists) sits in that band, at a few
 * m/s². Walking puts its energy at the step rate (~2 Hz) and arm swing (~1 Hz) but
 * with the arm hanging down; shaking something is faster (5-7 Hz); typing and resting
 * are too weak. The hands are in front of the body, so the forearm is roughly level.
 * One window cannot tell a few rubs from washing, so the rule must hold for
 * sustainMs in a row.
 */

const NAME = "handwash";
const RATE_HZ = 50;
/** 2.56 s: several strokes even at the slowest rate, and 0.39 Hz spectral bins. */
const WINDOW_SAMPLES = 128;
const HOP_SAMPLES = 25;
/** Movement band the share is taken of: below, posture drift; above, impacts and noise rather than movement. */
const MOTION_LO_HZ = 0.5;
const MOTION_HI_HZ = 12;
const SHARE_RAMP = 0.1;
/**
 * The window is checked for vigour in parts of 0.64 s (about two strokes): repeated
 * single movements (a flick every two seconds) can put their energy in the band too,
 * but leave parts of the window still.
 */
const PARTS = 4;
const POSTURE_RAMP_DEG = 10;

const PARAMS = {
  scrubFreqMinHz: {
    value: 1.5,
    min: 0.5,
    max: 5,
    step: 0.1,
    unit: "Hz",
    description: "Slowest rubbing rhythm (strokes per second).",
  },
  scrubFreqMaxHz: {
    value: 4,
    min: 1,
    max: 10,
    step: 0.1,
    unit: "Hz",
    description: "Fastest rubbing rhythm; shaking something is faster.",
  },
  bandShareMin: {
    value: 0.5,
    min: 0.2,
    max: 0.95,
    step: 0.05,
    unit: "",
    description: "Share of the wrist's movement energy that must lie in the rubbing rhythm.",
  },
  scrubMinMps2: {
    value: 0.5,
    min: 0.1,
    max: 10,
    step: 0.1,
    unit: "m/s²",
    description: "How vigorous the movement must be (RMS acceleration), in every part of the window: rubbing does not pause.",
  },
  postureMinDeg: {
    value: -45,
    min: -90,
    max: 0,
    step: 1,
    unit: "deg",
    description: "Lowest forearm elevation: hands in front of the body, not hanging at the side.",
  },
  postureMaxDeg: {
    value: 60,
    min: 0,
    max: 90,
    step: 1,
    unit: "deg",
    description: "Highest forearm elevation.",
  },
  sustainMs: {
    value: 4000,
    min: 1000,
    max: 20000,
    step: 500,
    unit: "ms",
    description: "How long the rubbing must go on without a break.",
  },
} satisfies Record<string, HeuristicParam>;

type Key = keyof typeof PARAMS;

const INPUT: DetectorInput = {
  rateHz: RATE_HZ,
  windowSamples: WINDOW_SAMPLES,
  hopSamples: HOP_SAMPLES,
  channels: ["accelGX", "accelGY", "accelGZ"],
};

function create(overrides?: Partial<Record<string, number>>): Detector {
  const p = heuristicParamsResolve(NAME, PARAMS, overrides);
  heuristicParamsOrdered(NAME, p, "scrubFreqMinHz", "scrubFreqMaxHz");
  heuristicParamsOrdered(NAME, p, "postureMinDeg", "postureMaxDeg");
  const spec = heuristicSpec({ ...handwashHeuristic, input: INPUT });
  const nc = INPUT.channels.length;
  const windowMs = ((WINDOW_SAMPLES - 1) * 1000) / RATE_HZ;
  const spectrum = new BandSpectrum(WINDOW_SAMPLES, RATE_HZ, MOTION_LO_HZ, MOTION_HI_HZ);
  const tilt: ForearmTilt = { elevationDeg: 0, sideTiltDeg: 0, faceUpDeg: 0 };
  /** Start of the first window of the current unbroken run of scrubbing windows. */
  let runStartMs: number | null = null;

  function score(window: Float32Array, tEndMs: number): Float32Array {
    if (windowHasNaN(window, nc, 0, 3)) {
      runStartMs = null;
      return probsOf(0);
    }
    const n = WINDOW_SAMPLES;
    forearmTilt(windowMean(window, nc, 0, 0, n), windowMean(window, nc, 1, 0, n), windowMean(window, nc, 2, 0, n), tilt);
    spectrum.compute(window, nc, 0, 3);
    const total = spectrum.bandPower(MOTION_LO_HZ, MOTION_HI_HZ);
    const band = spectrum.bandPower(p.scrubFreqMinHz, p.scrubFreqMaxHz);
    const conf = Math.min(
      rampUp(total > 0 ? band / total : 0, p.bandShareMin, SHARE_RAMP),
      rampUp(weakestPartRms(window, nc, PARTS), p.scrubMinMps2, rampWidth(p.scrubMinMps2)),
      rampUp(tilt.elevationDeg, p.postureMinDeg, POSTURE_RAMP_DEG),
      rampDown(tilt.elevationDeg, p.postureMaxDeg, POSTURE_RAMP_DEG),
    );
    if (conf < 0.5) runStartMs = null;
    else runStartMs ??= tEndMs - windowMs;
    const sustained = runStartMs === null ? 0 : rampUp(tEndMs - runStartMs, p.sustainMs, rampWidth(p.sustainMs));
    return probsOf(Math.min(conf, sustained));
  }

  return {
    spec,
    score,
    reset() {
      runStartMs = null;
    },
    dispose() {},
  };
}

/**
 * RMS of the acceleration about its own mean, m/s², in the least active of `parts`
 * equal parts of the window. Each part has its own mean, so a part that is still
 * reads still even when the rest of the window holds the wrist in another orientation.
 */
function weakestPartRms(window: Float32Array, nc: number, parts: number): number {
  const n = window.length / nc;
  const size = Math.floor(n / parts);
  let weakest = Infinity;
  for (let k = 0; k < parts; k++) {
    const from = k * size;
    let sq = 0;
    for (let c = 0; c < 3; c++) {
      const mean = windowMean(window, nc, c, from, from + size);
      for (let i = from; i < from + size; i++) {
        const d = window[i * nc + c]! - mean;
        sq += d * d;
      }
    }
    weakest = Math.min(weakest, Math.sqrt(sq / size));
  }
  return weakest;
}

/**
 * The decision fires once per unbroken run above threshold; a wash lasts 20-30 s
 * (WHO guidance), and the refractory time keeps a brief pause mid-wash from being
 * reported as a second wash.
 */
const DECISION = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 20_000 };

export const handwashHeuristic: HeuristicDefinition<Key> = {
  name: NAME,
  interaction: "handwash",
  title: "Handwashing (rule)",
  description:
    "Rhythmic rubbing: at least bandShareMin of the wrist's movement at scrubFreqMinHz-scrubFreqMaxHz, never weaker than scrubMinMps2, " +
    "with the forearm held between postureMinDeg and postureMaxDeg, kept up for sustainMs.",
  params: PARAMS,
  input: INPUT,
  labels: heuristicLabels("handwash"),
  decision: DECISION,
  create,
};
