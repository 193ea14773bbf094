import { describe, expect, it } from "vitest";
import { ScoreTraces } from "@/lib/client/score-traces";
import { RingBuffer } from "@/lib/stream/ring-buffer";

/** A score ring as the desktop keeps it: rows of `[tEndMs, score]`. */
function ring(points: ReadonlyArray<readonly [number, number]>): RingBuffer {
  const r = new RingBuffer(100, 2);
  for (const p of points) r.push(p);
  return r;
}

const xOf = (tMs: number, nowMs: number) => (tMs - nowMs) / 1000;

describe("ScoreTraces", () => {
  it("merges both slots' times into one x axis, with null where a slot did not score", () => {
    const traces = new ScoreTraces(["A", "B"], 10_000);
    const nowMs = 2000;
    traces.fill({ A: ring([[1000, 0.1], [1200, 0.2], [1400, 0.3]]), B: ring([[1100, 0.5], [1200, 0.6], [1300, 0.7]]) }, nowMs);
    const [x, a, b] = traces.data;
    expect(x).toEqual([1000, 1100, 1200, 1300, 1400].map((t) => xOf(t, nowMs)));
    expect(a).toEqual([0.1, null, 0.2, null, 0.3]);
    expect(b).toEqual([null, 0.5, 0.6, 0.7, null]);
  });

  it("shows one slot alone, and nothing when neither has scored", () => {
    const traces = new ScoreTraces(["A", "B"], 10_000);
    traces.fill({ A: new RingBuffer(10, 2), B: ring([[500, 0.4], [700, 0.9]]) }, 1000);
    expect(traces.data).toEqual([[xOf(500, 1000), xOf(700, 1000)], [null, null], [0.4, 0.9]]);
    traces.fill({ A: new RingBuffer(10, 2), B: new RingBuffer(10, 2) }, 1000);
    expect(traces.data).toEqual([[], [], []]);
  });

  it("keeps the window plus one older point per slot, so each line runs into the left edge", () => {
    const traces = new ScoreTraces(["A", "B"], 3000);
    const nowMs = 10_000;
    const a = ring(Array.from({ length: 11 }, (_, i) => [i * 1000, i / 10] as const));
    traces.fill({ A: a, B: new RingBuffer(10, 2) }, nowMs);
    const [x, ya] = traces.data;
    expect(x).toEqual([6000, 7000, 8000, 9000, 10_000].map((t) => xOf(t, nowMs)));
    expect(ya).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
  });

  it("reuses its arrays from frame to frame and forgets a slot whose ring was cleared", () => {
    const traces = new ScoreTraces(["A", "B"], 10_000);
    const [x0, a0, b0] = traces.data;
    const a = ring([[100, 0.3], [300, 0.5]]);
    const b = ring([[200, 0.8]]);
    traces.fill({ A: a, B: b }, 400);
    expect(traces.data[0]).toHaveLength(3);
    a.clear();
    traces.fill({ A: a, B: b }, 400);
    expect(traces.data[0]).toBe(x0);
    expect(traces.data[1]).toBe(a0);
    expect(traces.data[2]).toBe(b0);
    expect(traces.data).toEqual([[xOf(200, 400)], [null], [0.8]]);
  });
});
