import { describe, expect, it } from "vitest";
import type { LabelledSegment } from "@/lib/data/motion-recording";
import type { ScoreTrace } from "@/lib/eval/run-detector";
import { SWEEP_THRESHOLDS, thresholdSweep, type SweepRecording } from "@/lib/eval/threshold-sweep";
import { PLAIN_DECISION, TAP_LABELS } from "./eval-support";

const HOUR_MS = 3_600_000;
const WINDOW_MS = 180;
const QUIET = 0.02;

/** One window every 100 ms over [0, durationMs), P(tap) = QUIET except single-window peaks at the given ends. */
function trace(durationMs: number, peaks: ReadonlyMap<number, number>): ScoreTrace {
  const count = Math.floor(durationMs / 100);
  const t = new Float64Array(count);
  const probs = new Float32Array(2 * count);
  for (let w = 0; w < count; w++) {
    t[w] = WINDOW_MS + w * 100;
    const p = peaks.get(t[w]!) ?? QUIET;
    probs[2 * w] = 1 - p;
    probs[2 * w + 1] = p;
  }
  return { labelCount: 2, count, tStartMs: t.map((x) => x - WINDOW_MS), tEndMs: t, probs, restartBefore: new Uint8Array(count) };
}

const ON_SEGMENTS = [0.33, 0.52, 0.71, 0.88, 0.97];
const OFF_SEGMENTS = [0.12, 0.42, 0.61, 0.78];
const NEGATIVE = [0.25, 0.55, 0.85];

function dataset(): SweepRecording[] {
  const peaks = new Map<number, number>();
  const segments: LabelledSegment[] = [];
  // Peaks 5 s apart, far beyond the match tolerance; gestures end 100 ms before their peak's window does.
  ON_SEGMENTS.forEach((p, i) => {
    const endMs = 5180 + i * 10_000;
    peaks.set(endMs, p);
    segments.push({ label: "tap", tStartMs: endMs - 700, tEndMs: endMs - 100 });
  });
  OFF_SEGMENTS.forEach((p, i) => peaks.set(10_180 + i * 10_000, p));
  const negPeaks = new Map(NEGATIVE.map((p, i) => [1180 + i * 60_000, p]));
  return [
    { scores: trace(60_000, peaks), segments, tStartMs: 0, durationMs: 60_000 },
    { scores: trace(HOUR_MS / 2, negPeaks), segments: [], tStartMs: 0, durationMs: HOUR_MS / 2 },
  ];
}

describe("thresholdSweep", () => {
  it("counts, at each threshold, the peaks that reach it", () => {
    const sweep = thresholdSweep(dataset(), TAP_LABELS, PLAIN_DECISION, { toleranceMs: 500 });
    expect(sweep.map((p) => p.thresholdProb)).toEqual(SWEEP_THRESHOLDS);
    const backgroundHours = (60_000 - 5 * 600 + HOUR_MS / 2) / HOUR_MS;
    for (const p of sweep) {
      const at = (xs: number[]) => xs.filter((x) => x >= p.thresholdProb).length;
      const tp = at(ON_SEGMENTS);
      const fp = at(OFF_SEGMENTS) + at(NEGATIVE);
      expect(p).toMatchObject({ events: tp + fp, tp, fp, missed: 5 - tp });
      expect(p.recall).toBe(tp / 5);
      expect(p.precision).toBe(tp + fp === 0 ? null : tp / (tp + fp));
      expect(p.f1).toBe((2 * tp) / (2 * tp + fp + 5 - tp));
      expect(p.ftPerHour).toBe(at(NEGATIVE) / 0.5);
      expect(p.backgroundFtPerHour).toBeCloseTo(fp / backgroundHours, 9);
      expect(p.perClass).toEqual([{ label: "tap", precision: p.precision, recall: p.recall, f1: p.f1 }]);
    }
  });

  it("fires less and finds less as the threshold rises", () => {
    const sweep = thresholdSweep(dataset(), TAP_LABELS, PLAIN_DECISION);
    for (let i = 1; i < sweep.length; i++) {
      expect(sweep[i]!.events).toBeLessThanOrEqual(sweep[i - 1]!.events);
      expect(sweep[i]!.recall!).toBeLessThanOrEqual(sweep[i - 1]!.recall!);
      expect(sweep[i]!.ftPerHour!).toBeLessThanOrEqual(sweep[i - 1]!.ftPerHour!);
    }
    expect(sweep[0]!.recall).toBe(1);
    expect(sweep.at(-1)!.events).toBe(1);
  });

  it("keeps the rest of the decision: single-window peaks never make two windows in a row", () => {
    const sweep = thresholdSweep(dataset(), TAP_LABELS, { ...PLAIN_DECISION, minConsecutiveWindows: 2 }, { thresholds: [0.1, 0.5] });
    expect(sweep.map((p) => p.events)).toEqual([0, 0]);
    expect(sweep.map((p) => p.recall)).toEqual([0, 0]);
  });

  it("is empty with no thresholds", () => {
    expect(thresholdSweep(dataset(), TAP_LABELS, PLAIN_DECISION, { thresholds: [] })).toEqual([]);
  });
});
