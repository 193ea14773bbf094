import { describe, expect, it } from "vitest";
import { scoreBreakMs, scoreDecimate, scoreTraceOrdered } from "@/lib/review/score-decimate";
import type { TimeWindow } from "@/lib/review/timeline-view";

/** A 50 Hz trace from `startMs`, `n` scores long, score(i) given. */
function trace(n: number, startMs: number, f: (i: number) => number) {
  const tMs = Array.from({ length: n }, (_, i) => startMs + i * 20);
  return { tMs, score: tMs.map((_, i) => f(i)) };
}

const vertices = (runs: { xPx: number[] }[]) => runs.reduce((sum, r) => sum + r.xPx.length, 0);

describe("review score decimation", () => {
  it("keeps at most four vertices per pixel column for tens of thousands of scores", () => {
    const { tMs, score } = trace(60_000, 1000, (i) => (Math.sin(i / 7) + 1) / 2);
    const view: TimeWindow = { startMs: 1000, endMs: 1000 + 60_000 * 20 };
    const runs = scoreDecimate(tMs, score, view, 800, scoreBreakMs(tMs));
    expect(runs).toHaveLength(1);
    expect(vertices(runs)).toBeLessThanOrEqual(4 * 800 + 2);
    expect(vertices(runs)).toBeGreaterThan(800);
  });

  it("keeps each column's lowest and highest score, so a one-sample peak still shows", () => {
    const { tMs, score } = trace(10_000, 0, (i) => (i === 4321 ? 0.97 : i === 7000 ? 0.01 : 0.5));
    const view: TimeWindow = { startMs: 0, endMs: 200_000 };
    const [run] = scoreDecimate(tMs, score, view, 100, scoreBreakMs(tMs));
    expect(Math.max(...run!.score)).toBe(0.97);
    expect(Math.min(...run!.score)).toBe(0.01);
    // The peak is drawn in the column its time falls in.
    const peak = run!.score.indexOf(0.97);
    expect(Math.floor(run!.xPx[peak]!)).toBe(Math.floor(((4321 * 20) / 200_000) * 100));
  });

  it("draws the vertices of a column in time order: first, the extremes as they came, last", () => {
    const tMs = [0, 1, 2, 3, 4];
    const score = [0.5, 0.9, 0.6, 0.1, 0.4];
    const [run] = scoreDecimate(tMs, score, { startMs: 0, endMs: 100 }, 1, 1000);
    expect(run!.score).toEqual([0.5, 0.9, 0.1, 0.4]);
    expect(run!.xPx).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it("zoomed in, keeps every score at its exact x plus one either side of the window", () => {
    const { tMs, score } = trace(1000, 0, (i) => i / 1000);
    const view: TimeWindow = { startMs: 2000, endMs: 2200 };
    const [run] = scoreDecimate(tMs, score, view, 1000, 1000);
    // 2000..2200 ms holds scores 100..110; 99 and 111 lead the line off the edges.
    expect(run!.score).toEqual(Array.from({ length: 13 }, (_, k) => (99 + k) / 1000));
    expect(run!.xPx[0]).toBeCloseTo(-100, 9);
    expect(run!.xPx[1]).toBeCloseTo(0, 9);
    expect(run!.xPx[12]).toBeCloseTo(1100, 9);
  });

  it("breaks the line where the detector paused, and not at its normal hops", () => {
    const a = trace(100, 0, () => 0.2);
    const b = trace(100, 10_000, () => 0.8);
    const tMs = [...a.tMs, ...b.tMs];
    const score = [...a.score, ...b.score];
    const breakMs = scoreBreakMs(tMs);
    expect(breakMs).toBe(1000);
    const runs = scoreDecimate(tMs, score, { startMs: 0, endMs: 12_000 }, 600, breakMs);
    expect(runs).toHaveLength(2);
    expect(runs[0]!.score.every((s) => s === 0.2)).toBe(true);
    expect(runs[1]!.score.every((s) => s === 0.8)).toBe(true);
  });

  it("scales the break to a slow detector's hop", () => {
    const tMs = Array.from({ length: 50 }, (_, i) => i * 500);
    expect(scoreBreakMs(tMs)).toBe(2500);
    expect(scoreDecimate(tMs, tMs.map(() => 0.5), { startMs: 0, endMs: 25_000 }, 100, scoreBreakMs(tMs))).toHaveLength(1);
  });

  it("draws nothing for an empty trace, a window before or after it only the edge lead-in", () => {
    expect(scoreDecimate([], [], { startMs: 0, endMs: 1000 }, 100, 1000)).toEqual([]);
    const runs = scoreDecimate([5000, 5020], [0.3, 0.4], { startMs: 0, endMs: 1000 }, 100, 1000);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.score).toEqual([0.3]);
    expect(runs[0]!.xPx[0]).toBeGreaterThan(100);
  });

  it("orders an unordered trace, and leaves an ordered one as it is", () => {
    const tMs = [10, 30, 20];
    const score = [0.1, 0.3, 0.2];
    expect(scoreTraceOrdered(tMs, score)).toEqual({ tMs: [10, 20, 30], score: [0.1, 0.2, 0.3] });
    const ordered = { tMs: [1, 2], score: [0.5, 0.6] };
    const same = scoreTraceOrdered(ordered.tMs, ordered.score);
    expect(same.tMs).toBe(ordered.tMs);
    expect(same.score).toBe(ordered.score);
  });
});
