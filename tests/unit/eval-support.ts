import { samplesPack, type LabelledSegment, type MotionRecording } from "@/lib/data/motion-recording";
import type { DecisionSettings, Detector, DetectorInput, DetectorLabel } from "@/lib/models/detector";
import type { SampleTuple } from "@/lib/protocol/sample";
import { motionGenerate, type MotionName } from "@/lib/sim/motion-generator";

/** Shared by the eval tests: a detector whose score the test controls through the signal, and recordings built by hand or from the simulator. */

export const T0_MS = 1_750_000_000_000;

export const TAP_LABELS: DetectorLabel[] = [
  { name: "idle", role: "background" },
  { name: "tap", role: "event" },
];

export const PLAIN_DECISION: DecisionSettings = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 0 };

/** P(tap) is the window mean of accelGX, clamped to [0, 1]; 50 Hz, windows of 10 frames every 5. */
export function meanDetector(decision: DecisionSettings = PLAIN_DECISION, input: Partial<DetectorInput> = {}): Detector {
  const fullInput: DetectorInput = { rateHz: 50, windowSamples: 10, hopSamples: 5, channels: ["accelGX"], ...input };
  return {
    spec: { id: "fake:mean", name: "mean", kind: "heuristic", interaction: "double-tap", input: fullInput, labels: TAP_LABELS, decision },
    score(window) {
      let sum = 0;
      for (const v of window) sum += v;
      const p = Math.min(1, Math.max(0, sum / window.length));
      return Float32Array.of(1 - p, p);
    },
    reset() {},
    dispose() {},
  };
}

/**
 * Rows every 1000/rateHz ms over [0, seconds) after T0_MS, accelGX = `gx(tMs)` with
 * tMs relative to T0_MS; `skip(tMs)` drops rows (to make gaps). Segments are given
 * relative to T0_MS too.
 */
export function handRecording(
  id: string,
  seconds: number,
  gx: (tMs: number) => number,
  segments: LabelledSegment[] = [],
  opts: { rateHz?: number; skip?: (tMs: number) => boolean } = {},
): MotionRecording {
  const rateHz = opts.rateHz ?? 100;
  const tuples: SampleTuple[] = [];
  for (let k = 0; k < seconds * rateHz; k++) {
    const t = (k * 1000) / rateHz;
    if (opts.skip?.(t)) continue;
    tuples.push([T0_MS + t, gx(t), 0, 9.81, null, null, null, null, null, null, null, null, null]);
  }
  return {
    id,
    group: id,
    source: `test:${id}`,
    samples: samplesPack(tuples),
    length: tuples.length,
    segments: segments.map((s) => ({ label: s.label, tStartMs: T0_MS + s.tStartMs, tEndMs: T0_MS + s.tEndMs })),
  };
}

/** 1 inside any of `spans` (ms relative to T0_MS), 0 elsewhere. */
export function pulses(spans: readonly (readonly [number, number])[]): (tMs: number) => number {
  return (t) => (spans.some(([a, b]) => t >= a && t < b) ? 1 : 0);
}

export function simRecording(motion: MotionName, seconds: number, seed: number): MotionRecording {
  const track = motionGenerate({ motion, seconds, seed, startTimeMs: T0_MS });
  return {
    id: `${motion}#${seed}`,
    group: `seed-${seed}`,
    source: `synthetic:${motion}`,
    samples: samplesPack(track.samples),
    length: track.samples.length,
    segments: track.segments.map((s) => ({ label: s.label, tStartMs: s.startMs, tEndMs: s.endMs })),
  };
}
