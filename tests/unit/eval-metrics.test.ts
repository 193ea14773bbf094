import { describe, expect, it } from "vitest";
import type { LabelledSegment } from "@/lib/data/motion-recording";
import { eventsMatch } from "@/lib/eval/event-match";
import { classMetrics, confusionMatrix, falseTriggers, percentiles, type ScoredRecording } from "@/lib/eval/metrics";

const HOUR_MS = 3_600_000;
const seg = (label: string, tStartMs: number, tEndMs: number): LabelledSegment => ({ label, tStartMs, tEndMs });
const ev = (label: string, tStartMs: number, tEndMs: number) => ({ label, tStartMs, tEndMs });

function scored(durationMs: number, events: ReturnType<typeof ev>[], segments: LabelledSegment[], tStartMs = 0): ScoredRecording {
  return { tStartMs, durationMs, events, segments, match: eventsMatch(events, segments, { toleranceMs: 0 }) };
}

describe("classMetrics", () => {
  it("counts true positives, false positives, doubles and misses per class and overall", () => {
    const recs = [
      scored(
        60_000,
        [ev("tap", 900, 1500), ev("tap", 1600, 1900), ev("tap", 30_000, 30_200), ev("flick", 5500, 6100), ev("tap", 10_100, 10_300)],
        [seg("tap", 1000, 2000), seg("tap", 10_000, 11_000), seg("tap", 20_000, 21_000), seg("flick", 5000, 6000)],
      ),
    ];
    const { perClass, overall } = classMetrics(["tap", "flick"], recs);
    const tap = perClass[0]!;
    expect(tap).toMatchObject({ label: "tap", segments: 3, events: 4, tp: 2, fp: 2, doubles: 1, missed: 1 });
    expect(tap.precision).toBe(2 / 4);
    expect(tap.recall).toBe(2 / 3);
    expect(tap.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 12);
    expect(tap.delayMs.count).toBe(2);
    expect(perClass[1]).toMatchObject({ label: "flick", segments: 1, events: 1, tp: 1, fp: 0, missed: 0, precision: 1, recall: 1, f1: 1 });
    expect(overall).toMatchObject({ label: "all", segments: 4, events: 5, tp: 3, fp: 2, doubles: 1, missed: 1 });
    expect(overall.precision).toBe(3 / 5);
    expect(overall.recall).toBe(3 / 4);
  });

  it("gives null, not NaN, for ratios with nothing to divide by in an empty stream", () => {
    const { perClass, overall } = classMetrics(["tap"], [scored(0, [], [])]);
    for (const m of [perClass[0]!, overall]) {
      expect(m).toMatchObject({ segments: 0, events: 0, tp: 0, fp: 0, missed: 0, precision: null, recall: null, f1: null });
      expect(m.delayMs).toEqual({ count: 0, p50: null, p95: null });
      expect(m.delayFromStartMs).toEqual({ count: 0, p50: null, p95: null });
    }
    expect(JSON.parse(JSON.stringify(overall))).toEqual(overall);
  });

  it("gives F1 0 when there are segments but no events, and when there are events but no segments", () => {
    expect(classMetrics(["tap"], [scored(10_000, [], [seg("tap", 0, 1000)])]).overall).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(classMetrics(["tap"], [scored(10_000, [ev("tap", 0, 100)], [])]).overall).toMatchObject({ precision: 0, recall: null, f1: 0 });
  });

  it("refuses an event whose label is not a class", () => {
    expect(() => classMetrics(["tap"], [scored(10_000, [ev("shake", 0, 100)], [])])).toThrow(/shake/);
  });
});

describe("percentiles", () => {
  it("interpolates between ranks", () => {
    expect(percentiles([400, 100, 300, 200])).toEqual({ count: 4, p50: 250, p95: 300 + 0.85 * 100 });
    expect(percentiles([-40])).toEqual({ count: 1, p50: -40, p95: -40 });
  });

  it("reports the delays of true positives only", () => {
    const rec = scored(60_000, [ev("tap", 900, 2300), ev("tap", 10_500, 11_100), ev("tap", 2100, 2400)], [seg("tap", 1000, 2000), seg("tap", 10_000, 11_000)]);
    const { delayMs, delayFromStartMs } = classMetrics(["tap"], [rec]).overall;
    expect(delayMs).toEqual({ count: 2, p50: (300 + 100) / 2, p95: 100 + 0.95 * 200 });
    expect(delayFromStartMs).toEqual({ count: 2, p50: (1300 + 1100) / 2, p95: 1100 + 0.95 * 200 });
  });
});

describe("confusionMatrix", () => {
  it("puts each event in one cell and each segment without any event in the none column", () => {
    const rec = scored(
      60_000,
      [ev("tap", 1200, 1500), ev("flick", 1600, 1800), ev("tap", 5200, 5400), ev("tap", 40_000, 40_100), ev("flick", 50_000, 50_100)],
      [seg("tap", 1000, 2000), seg("flick", 5000, 6000), seg("flick", 7000, 8000), seg("walk", 20_000, 30_000), seg("tap", 45_000, 46_000)],
    );
    const c = confusionMatrix(["tap", "flick"], [rec], "idle");
    expect(c.rows).toEqual(["tap", "flick", "walk", "idle"]);
    expect(c.cols).toEqual(["tap", "flick", "none"]);
    expect(c.counts).toEqual([
      [1, 1, 1],
      [1, 0, 1],
      [0, 0, 1],
      [1, 1, 0],
    ]);
  });

  it("has only zeros for an empty stream", () => {
    expect(confusionMatrix(["tap"], [scored(0, [], [])], "idle")).toEqual({ rows: ["tap", "idle"], cols: ["tap", "none"], counts: [[0, 0], [0, 0]] });
  });
});

describe("falseTriggers", () => {
  it("counts every event of a recording without class segments, per hour of those recordings", () => {
    const recs = [
      scored(HOUR_MS / 2, [ev("tap", 10, 20), ev("tap", 1000, 1100), ev("flick", 5000, 5100)], [seg("walk", 0, HOUR_MS / 2)]),
      scored(HOUR_MS / 4, [ev("tap", 10, 20)], []),
      // Has a tap segment: not a negative stream, its event not counted there.
      scored(HOUR_MS, [ev("tap", 100, 200)], [seg("tap", 0, 1000)]),
    ];
    const { negativeStreams } = falseTriggers(["tap", "flick"], recs);
    expect(negativeStreams).toEqual({ events: 4, hours: 0.75, perHour: 4 / 0.75, byLabel: { tap: 3, flick: 1 } });
  });

  it("counts off-class events per hour of time outside class segments, segments merged and clipped to the recording", () => {
    const start = 1_000_000;
    const rec = scored(
      HOUR_MS,
      [
        ev("tap", start + 1000, start + 1200),
        ev("tap", start + 500_000, start + 500_100),
        ev("flick", start + 100_000, start + 100_100),
        ev("tap", start + 900_000, start + 900_100),
        ev("flick", start + 2_000_000, start + 2_000_100),
      ],
      [
        // 6 and 6 min overlapping by 3: 9 min.
        seg("tap", start, start + 360_000),
        seg("tap", start + 180_000, start + 540_000),
        // Reaches 2 min past the end: 1 min counts.
        seg("flick", start + HOUR_MS - 60_000, start + HOUR_MS + 120_000),
        seg("walk", start + 800_000, start + 1_000_000),
      ],
      start,
    );
    const { background, negativeStreams } = falseTriggers(["tap", "flick"], [rec]);
    expect(background.hours).toBeCloseTo(50 / 60, 12);
    // Two true positives and a flick on a tap segment are not background; the tap on walk and the flick on nothing are.
    expect(background.events).toBe(2);
    expect(background.byLabel).toEqual({ tap: 1, flick: 1 });
    expect(background.perHour).toBeCloseTo(2 / (50 / 60), 12);
    expect(negativeStreams).toEqual({ events: 0, hours: 0, perHour: null, byLabel: { tap: 0, flick: 0 } });
  });

  it("gives 0 per hour, not null, for a quiet hour", () => {
    expect(falseTriggers(["tap"], [scored(HOUR_MS, [], [])]).negativeStreams.perHour).toBe(0);
  });
});
