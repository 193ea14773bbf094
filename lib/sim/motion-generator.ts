/**
 * Synthetic wrist motion, the public entry point: a seeded, deterministic simulator of
 * what a phone worn like a watch reports, for the sim phone, the browser's simulated
 * phone, training data and ground truth. Free of Node and DOM APIs so it runs in both.
 */
import type { SampleTuple } from "../protocol/sample";
import { MotionSimulator, type MotionSegment } from "./motion-simulator";
import { isMotionName, type MotionName } from "./motion-names";

export { MOTION_NAMES, isMotionName, type MotionName } from "./motion-names";
export { GRAVITY_MPS2, type MotionSegment } from "./motion-simulator";

export interface MotionOptions {
  motion: MotionName;
  /** Run length, s. Infinity is allowed for {@link motionStream} only. */
  seconds: number;
  /** Nominal sample rate, 1-1000 Hz (phones deliver 50-200); default 60. */
  rateHz?: number;
  /** Any safe integer; default 1. Same options and seed give bit-identical output (within one JS engine). */
  seed?: number;
  /** Epoch ms the run starts at; sample k is taken at about startTimeMs + (k + 1) / rateHz s. Default 0. */
  startTimeMs?: number;
}

export interface MotionTrack {
  samples: SampleTuple[];
  /** Truth orientation per sample, device-to-world (world: x east, y north, z up), w,x,y,z. */
  truthQuat: Float64Array;
  /** Gesture occurrences (or one segment for a continuous motion), on the samples' clock. */
  segments: MotionSegment[];
  /** Constant offset added to every gyro reading, rad/s. */
  gyroBiasRadPerS: readonly [number, number, number];
  /** Standard deviations of the white sensor noise drawn for this run. */
  noise: { accelMps2: number; gyroRadPerS: number };
}

/** Real-time streaming use: samples become available as time passes. */
export interface MotionStream {
  /** Samples with tMs <= untilMs not yet returned. */
  take(untilMs: number): SampleTuple[];
  /** Segments starting at or before the last sample `take` returned, each returned once. */
  takeSegments(): MotionSegment[];
  readonly done: boolean;
}

const DEFAULT_RATE_HZ = 60;

function settingsFrom(opts: MotionOptions) {
  const { motion, seconds, rateHz = DEFAULT_RATE_HZ, seed = 1, startTimeMs = 0 } = opts;
  if (!isMotionName(motion)) throw new RangeError(`unknown motion "${String(motion)}"`);
  if (!(seconds >= 0)) throw new RangeError(`seconds must be ≥ 0, got ${seconds}`);
  if (!(rateHz >= 1 && rateHz <= 1000)) throw new RangeError(`rateHz must be within 1-1000, got ${rateHz}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  if (!Number.isFinite(startTimeMs)) throw new RangeError(`startTimeMs must be finite, got ${startTimeMs}`);
  return { motion, seconds, rateHz, seed, startTimeMs };
}

/** A whole run at once, with its ground truth: for tests, training data and benchmarks. */
export function motionGenerate(opts: MotionOptions): MotionTrack {
  const settings = settingsFrom(opts);
  if (!Number.isFinite(settings.seconds)) throw new RangeError("motionGenerate needs finite seconds; use motionStream");
  const sim = new MotionSimulator(settings);
  const samples: SampleTuple[] = new Array<SampleTuple>(sim.sampleCount);
  const truthQuat = new Float64Array(4 * sim.sampleCount);
  const truth: [number, number, number, number] = [1, 0, 0, 0];
  for (let i = 0; i < sim.sampleCount; i++) {
    samples[i] = sim.next(truth);
    truthQuat.set(truth, 4 * i);
  }
  return {
    samples,
    truthQuat,
    segments: sim.takeSegments(Infinity),
    gyroBiasRadPerS: sim.gyroBiasRadPerS,
    noise: { accelMps2: sim.accelNoiseMps2, gyroRadPerS: sim.gyroNoiseRadPerS },
  };
}

/**
 * The same run, produced lazily: `take(Date.now())` from a timer yields what a phone
 * would have sent by now (pass `startTimeMs: Date.now()`). Identical samples to
 * {@link motionGenerate} for the same options; memory stays constant for endless runs.
 */
export function motionStream(opts: MotionOptions): MotionStream {
  const sim = new MotionSimulator(settingsFrom(opts));
  let lastMs = -Infinity;
  return {
    take(untilMs) {
      const out: SampleTuple[] = [];
      while (!sim.done && sim.nextTimeMs <= untilMs) {
        const s = sim.next();
        lastMs = s[0];
        out.push(s);
      }
      return out;
    },
    takeSegments: () => sim.takeSegments(lastMs),
    get done() {
      return sim.done;
    },
  };
}
