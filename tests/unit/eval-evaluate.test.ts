import { describe, expect, it } from "vitest";
import type { MotionDataset } from "@/lib/data/motion-recording";
import { evaluateDetector, reportText, type EvalReport } from "@/lib/eval/evaluate";
import { heuristicCreate } from "@/lib/models/heuristics";
import { handRecording, meanDetector, pulses, simRecording } from "./eval-support";

const HOUR_MS = 3_600_000;

/**
 * Recording "gestures": three pulses on segments (one labelled "knock", mapped to tap),
 * a pulse on a "lower" segment, a tap segment without a pulse, a "rest" segment mapped
 * to the detector's background. Recording "walking": one pulse, nothing of the class.
 */
function dataset(): MotionDataset {
  const gestures = handRecording("gestures", 10, pulses([[1000, 1400], [3000, 3400], [5000, 5400], [7000, 7400]]), [
    { label: "tap", tStartMs: 1000, tEndMs: 1400 },
    { label: "tap", tStartMs: 3000, tEndMs: 3400 },
    { label: "knock", tStartMs: 5000, tEndMs: 5400 },
    { label: "lower", tStartMs: 7000, tEndMs: 7400 },
    { label: "tap", tStartMs: 8500, tEndMs: 8900 },
    { label: "rest", tStartMs: 9000, tEndMs: 9900 },
  ]);
  const walking = handRecording("walking", 20, pulses([[10_000, 10_400]]), [{ label: "walk", tStartMs: 0, tEndMs: 20_000 }]);
  return { name: "hand-made", recordings: [gestures, walking], licence: "CC0" };
}

const OPTS = { labelMap: { knock: "tap", rest: "idle" }, toleranceMs: 300, evaluatedAt: "2025-01-01T00:00:00.000Z" };

describe("evaluateDetector", () => {
  const report = evaluateDetector(meanDetector(), dataset(), OPTS);

  it("scores events against segments with known answers", () => {
    expect(report.classes).toHaveLength(1);
    expect(report.classes[0]).toMatchObject({ label: "tap", segments: 4, events: 5, tp: 3, fp: 2, doubles: 0, missed: 1, precision: 0.6, recall: 0.75 });
    expect(report.classes[0]!.f1).toBeCloseTo(2 / 3, 12);
    expect(report.classes[0]!.delayMs.count).toBe(3);
    expect(report.counts).toEqual({
      recordings: 2,
      negativeRecordings: 1,
      segments: 4,
      otherSegments: 2,
      events: 5,
      windows: report.counts.windows,
      unscoredRecordings: 0,
      edgeSegments: 0,
    });
    expect(report.counts.windows).toBeGreaterThan(250);
  });

  it("builds the confusion matrix with other labels and background as rows", () => {
    expect(report.confusion).toEqual({
      rows: ["tap", "lower", "walk", "idle"],
      cols: ["tap", "none"],
      counts: [
        [3, 1],
        [1, 0],
        [1, 0],
        [0, 0],
      ],
    });
  });

  it("rates false triggers per hour of negative streams and of background", () => {
    const walkHours = 19_990 / HOUR_MS;
    expect(report.falseTriggers.negativeStreams).toEqual({ events: 1, hours: walkHours, perHour: 1 / walkHours, byLabel: { tap: 1 } });
    const backgroundHours = (9_990 - 4 * 400 + 19_990) / HOUR_MS;
    expect(report.falseTriggers.background.events).toBe(2);
    expect(report.falseTriggers.background.hours).toBeCloseTo(backgroundHours, 12);
    expect(report.durations.negativeHours).toBe(walkHours);
  });

  it("sweeps thresholds with the point at its own threshold equal to the live result", () => {
    expect(report.sweep).toHaveLength(19);
    const own = report.sweep.find((p) => p.thresholdProb === report.decision.thresholdProb)!;
    expect(own).toMatchObject({ events: 5, tp: 3, fp: 2, missed: 1, precision: 0.6, recall: 0.75 });
    expect(own.ftPerHour).toBe(report.falseTriggers.negativeStreams.perHour);
    // The 400 ms pulses fill whole windows: every threshold up to 0.95 still finds them.
    expect(report.sweep.every((p) => p.tp === 3)).toBe(true);
  });

  it("reports the settings it used and survives JSON unchanged", () => {
    expect(report).toMatchObject({
      version: 1,
      detector: { id: "fake:mean", name: "mean", kind: "heuristic", interaction: "double-tap" },
      dataset: { name: "hand-made", licence: "CC0" },
      evaluatedAt: "2025-01-01T00:00:00.000Z",
      matching: { toleranceMs: 300, edgeMs: 0, labelMap: { knock: "tap", rest: "idle" } },
    });
    const tuned = evaluateDetector(meanDetector(), dataset(), { ...OPTS, decision: { thresholdProb: 0.62, refractoryMs: 100 } });
    expect(tuned.decision).toEqual({ thresholdProb: 0.62, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 100 });
    // Off the grid, the decision's own threshold joins the sweep in order.
    expect(tuned.sweep.map((p) => p.thresholdProb).slice(11, 14)).toEqual([0.6, 0.62, 0.65]);
    expect(tuned.sweep[12]).toMatchObject({ events: tuned.overall.events, tp: tuned.overall.tp, f1: tuned.overall.f1 });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("leaves out the class segments at a recording's edges when asked, with their events", () => {
    const trimmed = evaluateDetector(meanDetector(), dataset(), { ...OPTS, edgeMs: 1500 });
    // The tap at 1.0 s and the one ending 1.1 s before the end go; walking's whole-run segment is not a class.
    expect(trimmed.counts.edgeSegments).toBe(2);
    expect(trimmed.overall).toMatchObject({ segments: 2, events: 4, tp: 2, fp: 2, missed: 0 });
    expect(trimmed.counts.negativeRecordings).toBe(1);
    expect(trimmed.matching.edgeMs).toBe(1500);
    expect(reportText(trimmed)).toContain("2 segments within 1500 ms of a recording's edge not judged");
  });

  it("prints a table with the class row, the confusion and the sweep", () => {
    const text = reportText(report);
    const c = report.classes[0]!;
    const delays = [c.delayMs.p50, c.delayMs.p95, c.delayFromStartMs.p50].map((x) => x!.toFixed(0)).join(" +");
    expect(text).toMatch(new RegExp(`^tap +4 +5 +3 +2 +0 +1 +0\\.600 +0\\.750 +0\\.667 +${delays}$`, "m"));
    expect(text).toMatch(/^lower +1 +0$/m);
    expect(text).toMatch(/^\*0\.50 +5 /m);
    expect(text).toContain("negative streams (1 recordings): 1 in 0.00555 h = 180.09 /h");
  });

  it("handles an empty dataset and an empty recording without NaN", () => {
    const empty: EvalReport = evaluateDetector(meanDetector(), { name: "empty", recordings: [handRecording("none", 0, () => 0)] }, OPTS);
    expect(empty.overall).toMatchObject({ segments: 0, events: 0, precision: null, recall: null, f1: null });
    expect(empty.falseTriggers.negativeStreams).toMatchObject({ events: 0, hours: 0, perHour: null });
    expect(empty.sweep.every((p) => p.precision === null && p.recall === null && p.ftPerHour === null)).toBe(true);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
    expect(empty.counts.unscoredRecordings).toBe(1);
    expect(reportText(empty)).toContain("1 recordings are shorter than one window");
    expect(evaluateDetector(meanDetector(), { name: "none", recordings: [] }, OPTS).counts.recordings).toBe(0);
  });

  it("scores a heuristic on simulated motion with the simulator's labels mapped", () => {
    const data: MotionDataset = { name: "sim", recordings: [simRecording("raise", 40, 2), simRecording("walk", 40, 3)] };
    const r = evaluateDetector(heuristicCreate("raise-to-speak"), data, { labelMap: { raise: "raise-to-speak" }, thresholds: [0.5] });
    const raises = data.recordings[0]!.segments.filter((s) => s.label === "raise").length;
    expect(r.classes.map((c) => c.label)).toEqual(["raise-to-speak"]);
    expect(r.counts.segments).toBe(raises);
    expect(r.counts.negativeRecordings).toBe(1);
    expect(r.confusion.rows).toEqual(["raise-to-speak", "lower", "walk", "background"]);
    expect(r.overall.tp + r.overall.missed).toBe(raises);
    expect(r.sweep[0]).toMatchObject({ tp: r.overall.tp, fp: r.overall.fp });
  });
});
