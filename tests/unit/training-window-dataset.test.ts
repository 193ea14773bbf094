import { describe, expect, it } from "vitest";
import type { LabelledSegment, MotionRecording } from "@/lib/data/motion-recording";
import type { DetectorInput } from "@/lib/models/detector";
import { SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { groupSplit } from "@/lib/training/group-split";
import { MIN_STD, standardizeApply, standardizeFit } from "@/lib/training/normalisation-fit";
import { classCounts, windowSetBuild } from "@/lib/training/window-dataset";
import { IGNORE, windowClass } from "@/lib/training/window-labels";

const seg = (label: string, tStartMs: number, tEndMs: number): LabelledSegment => ({ label, tStartMs, tEndMs });

describe("windowClass", () => {
  const span = { fromMs: 1000, toMs: 3000 };
  const events = ["flick", "tap"];

  it("is the event when the window holds the whole gesture, anywhere in it", () => {
    expect(windowClass(span, [seg("flick", 1000, 1300)], events)).toBe(1);
    expect(windowClass(span, [seg("flick", 2700, 3000)], events)).toBe(1);
    expect(windowClass(span, [seg("tap", 1900, 2100)], events)).toBe(2);
  });

  it("ignores a gesture cut by either edge, unless a lower coverage is asked for", () => {
    expect(windowClass(span, [seg("flick", 2690, 3010)], events)).toBe(IGNORE);
    expect(windowClass(span, [seg("flick", 990, 1300)], events)).toBe(IGNORE);
    expect(windowClass(span, [seg("flick", 2990, 3390)], events)).toBe(IGNORE);
    // 400 ms gesture: 320 ms inside is exactly 80 %.
    expect(windowClass(span, [seg("flick", 2680, 3080)], events, 0.8)).toBe(1);
    expect(windowClass(span, [seg("flick", 2690, 3090)], events, 0.8)).toBe(IGNORE);
  });

  it("is background without any event segment in view, whatever else is labelled", () => {
    expect(windowClass(span, [], events)).toBe(0);
    expect(windowClass(span, [seg("flick", 3000, 3300), seg("flick", 500, 1000)], events)).toBe(0);
    expect(windowClass(span, [seg("walk", 0, 10_000), seg("lower", 1500, 2000)], events)).toBe(0);
  });

  it("measures a segment longer than the window by how much of the window it fills", () => {
    expect(windowClass(span, [seg("tap", 0, 60_000)], events)).toBe(2);
    expect(windowClass(span, [seg("tap", 1000, 3000)], events)).toBe(2);
    expect(windowClass(span, [seg("tap", 1500, 60_000)], events)).toBe(IGNORE);
    expect(windowClass(span, [seg("tap", 1500, 60_000)], events, 0.75)).toBe(2);
  });

  it("prefers the better covered event when two are in view, and a whole one over a half-seen one", () => {
    expect(windowClass(span, [seg("tap", 900, 1200), seg("flick", 2000, 2300)], events)).toBe(1);
    expect(windowClass(span, [seg("flick", 2000, 2300), seg("tap", 2950, 3300)], events)).toBe(1);
    expect(windowClass(span, [seg("flick", 900, 1200), seg("tap", 2000, 2300)], events, 0.5)).toBe(2);
  });
});

/**
 * A 100 Hz recording whose accelGX is the time in seconds (a straight line, which the
 * resampler's cell mean reproduces exactly), gyroZ a constant, the rest zero.
 */
function rampRecording(id: string, group: string, seconds: number, segments: LabelledSegment[], t0Ms = 10_000): MotionRecording {
  const length = seconds * 100;
  const samples = new Float64Array(length * SAMPLE_WIDTH);
  for (let i = 0; i < length; i++) {
    const tMs = t0Ms + i * 10;
    samples[i * SAMPLE_WIDTH] = tMs;
    samples[i * SAMPLE_WIDTH + 1] = tMs / 1000;
    samples[i * SAMPLE_WIDTH + 9] = 0.5;
  }
  return { id, group, source: "test", samples, length, segments };
}

const INPUT: DetectorInput = { rateHz: 50, windowSamples: 50, hopSamples: 5, channels: ["accelGX", "gyroZ"] };

describe("windowSetBuild", () => {
  it("cuts windows as the runtime does: 50 Hz frames on the grid, one window per hop, the channels asked for", () => {
    const rec = rampRecording("r", "g", 10, []);
    const set = windowSetBuild([rec], { input: INPUT, eventLabels: ["flick"] });
    // 10 s at 50 Hz is ~500 frames: the first window at frame 50, then one per 5 frames.
    expect(set.count).toBeGreaterThanOrEqual(88);
    expect(set.count).toBeLessThanOrEqual(91);
    expect(set.x.length).toBe(set.count * 50 * 2);
    for (let w = 0; w < set.count; w++) {
      const tEnd = set.tEndMs[w]!;
      // Frame times are whole multiples of 20 ms, a hop (100 ms) apart.
      expect(tEnd % 20).toBe(0);
      if (w > 0) expect(tEnd - set.tEndMs[w - 1]!).toBe(100);
      for (let row = 0; row < 50; row++) {
        const tMs = tEnd - (49 - row) * 20;
        expect(set.x[(w * 50 + row) * 2]).toBeCloseTo(tMs / 1000, 4);
        expect(set.x[(w * 50 + row) * 2 + 1]).toBeCloseTo(0.5, 6);
      }
    }
    expect(set.classNames).toEqual(["background", "flick"]);
    expect(set.groups).toEqual(["g"]);
  });

  it("labels each window by its own span, through the label map", () => {
    const rec = rampRecording("r", "g", 10, [seg("raise", 14_000, 14_500), seg("lower", 17_000, 17_500)]);
    const set = windowSetBuild([rec], { input: INPUT, eventLabels: ["raise-to-speak"], labelMap: { raise: "raise-to-speak" } });
    const spanOf = (w: number) => ({ fromMs: set.tEndMs[w]! - 49 * 20 - 10, toMs: set.tEndMs[w]! + 10 });
    let positives = 0;
    for (let w = 0; w < set.count; w++) {
      const { fromMs, toMs } = spanOf(w);
      const label = set.labels[w];
      if (fromMs <= 14_000 && toMs >= 14_500) expect(label).toBe(1);
      else if (toMs <= 14_000 || fromMs >= 14_500) expect(label).toBe(0);
      else expect(label).toBe(IGNORE);
      if (label === 1) positives++;
    }
    // A 1 s window holds a 0.5 s gesture whole for 0.5 s: 5 or 6 hops of 100 ms.
    expect(positives).toBeGreaterThanOrEqual(5);
    expect(positives).toBeLessThanOrEqual(6);
    expect(classCounts(set)[1]).toBe(positives);
  });

  it("restarts after a gap in the stream, as the runtime does: no window spans it", () => {
    const rec = rampRecording("gappy", "g", 10, []);
    // Drop 14.0-15.0 s: one second without samples, far over the runtime's 250 ms limit.
    const keep = Array.from({ length: rec.length }, (_, i) => i).filter((i) => {
      const t = rec.samples[i * SAMPLE_WIDTH]!;
      return t < 14_000 || t >= 15_000;
    });
    const samples = new Float64Array(keep.length * SAMPLE_WIDTH);
    keep.forEach((i, k) => samples.set(rec.samples.subarray(i * SAMPLE_WIDTH, (i + 1) * SAMPLE_WIDTH), k * SAMPLE_WIDTH));
    const set = windowSetBuild([{ ...rec, samples, length: keep.length }], { input: INPUT, eventLabels: ["flick"] });
    const starts = Array.from(set.tEndMs, (t) => t - 49 * 20);
    expect(starts.some((s) => s >= 15_000)).toBe(true);
    for (let w = 0; w < set.count; w++) expect(starts[w]! >= 15_000 || set.tEndMs[w]! < 14_000).toBe(true);
  });

  it("thins background windows only, and reports recordings too short for a window", () => {
    const rec = rampRecording("long", "g", 10, [seg("flick", 14_000, 14_300)]);
    const short = rampRecording("short", "h", 0.5, [], 50_000);
    const all = windowSetBuild([rec, short], { input: INPUT, eventLabels: ["flick"] });
    const thin = windowSetBuild([rec, short], { input: INPUT, eventLabels: ["flick"], backgroundEveryMs: 500 });
    expect(thin.emptyRecordings).toEqual(["short"]);
    expect(thin.groups).toEqual(["g", "h"]);
    expect(classCounts(thin)[1]).toBe(classCounts(all)[1]);
    expect(classCounts(thin)[0]).toBeLessThan(classCounts(all)[0]! / 4);
    const bgTimes = Array.from(thin.tEndMs).filter((_, w) => thin.labels[w] === 0);
    for (let i = 1; i < bgTimes.length; i++) expect(bgTimes[i]! - bgTimes[i - 1]!).toBeGreaterThanOrEqual(500);
  });
});

describe("groupSplit", () => {
  /** Eight clips per class, each its own group, as the punch-flex importer makes them. */
  function clips() {
    const recs = Array.from({ length: 16 }, (_, i) => {
      const t0Ms = 10_000 + i * 100_000;
      return rampRecording(`clip${i}`, `clip${i}`, 2, [seg(i % 2 ? "punch" : "flex", t0Ms, t0Ms + 2000)], t0Ms);
    });
    return windowSetBuild(recs, { input: INPUT, eventLabels: ["punch", "flex"] });
  }

  it("never puts windows of one group on both sides, and keeps every class on both sides", () => {
    const set = clips();
    const split = groupSplit(set, 0.25, 1);
    expect(split.train.filter((g) => split.val.includes(g))).toEqual([]);
    expect([...split.train, ...split.val].sort()).toEqual([...set.groups].sort());
    const groupsOf = (indices: Int32Array) => new Set(Array.from(indices, (i) => set.groups[set.groupIndex[i]!]));
    for (const g of groupsOf(split.valIndices)) expect(split.val).toContain(g);
    for (const g of groupsOf(split.trainIndices)) expect(split.train).toContain(g);
    expect(classCounts(set, split.valIndices).slice(1).every((n) => n > 0)).toBe(true);
    expect(classCounts(set, split.trainIndices).slice(1).every((n) => n > 0)).toBe(true);
    expect(split.val).toHaveLength(4);
  });

  it("is the same for the same seed and differs for another", () => {
    const set = clips();
    expect(groupSplit(set, 0.25, 3).val).toEqual(groupSplit(set, 0.25, 3).val);
    const vals = new Set([1, 2, 3, 4, 5].map((seed) => groupSplit(set, 0.25, seed).val.join()));
    expect(vals.size).toBeGreaterThan(1);
  });

  it("refuses data from a single group", () => {
    const set = windowSetBuild([rampRecording("r", "only", 5, [])], { input: INPUT, eventLabels: ["flick"] });
    expect(() => groupSplit(set, 0.25, 1)).toThrow(/one recording group/);
  });
});

describe("standardisation", () => {
  it("is fitted on the windows it is given only, skips missing values, and floors the std", () => {
    const a = rampRecording("a", "a", 4, []);
    const b = rampRecording("b", "b", 4, [], 500_000);
    // b's gyroZ is missing: NaN in its windows.
    for (let i = 0; i < b.length; i++) b.samples[i * SAMPLE_WIDTH + 9] = NaN;
    const set = windowSetBuild([a, b], { input: INPUT, eventLabels: ["flick"] });
    const ofA = Int32Array.from({ length: set.count }, (_, i) => i).filter((i) => set.groupIndex[i] === 0);
    const norm = standardizeFit(set, ofA);
    // a's ramp runs over ~11-14 s: its mean lies there, far from b's 500 s.
    expect(norm.mean[0]).toBeGreaterThan(11);
    expect(norm.mean[0]).toBeLessThan(14);
    expect(norm.mean[1]).toBeCloseTo(0.5, 6);
    expect(norm.std[1]).toBe(MIN_STD);
    const all = Int32Array.from({ length: set.count }, (_, i) => i);
    const x = standardizeApply(set, all, norm);
    expect(x.every(Number.isFinite)).toBe(true);
    const ofB = all.findIndex((i) => set.groupIndex[i] === 1);
    // A missing value becomes the training mean, 0 after standardising, as the live detector does.
    expect(x[ofB * 100 + 1]).toBe(0);
  });

  it("names the channel the data lacks", () => {
    const rec = rampRecording("a", "a", 3, []);
    for (let i = 0; i < rec.length; i++) rec.samples[i * SAMPLE_WIDTH + 9] = NaN;
    const set = windowSetBuild([rec], { input: INPUT, eventLabels: ["flick"] });
    expect(() => standardizeFit(set, Int32Array.from({ length: set.count }, (_, i) => i))).toThrow(/gyroZ/);
  });
});
