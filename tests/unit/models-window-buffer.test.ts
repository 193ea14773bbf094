import { describe, expect, it } from "vitest";
import { WindowBuffer } from "@/lib/models/window-buffer";

interface Emitted {
  frame: number;
  tStartMs: number;
  tEndMs: number;
  window: number[];
}

/** Pushes `count` frames; frame i is at 10*i ms with channel c = 100*c + i. */
function run(buf: WindowBuffer, count: number, from = 0): Emitted[] {
  const out: Emitted[] = [];
  const frame = new Float32Array(buf.channelCount);
  for (let i = from; i < from + count; i++) {
    for (let c = 0; c < buf.channelCount; c++) frame[c] = 100 * c + i;
    if (buf.push(10 * i, frame)) out.push({ frame: i, tStartMs: buf.tStartMs, tEndMs: buf.tEndMs, window: Array.from(buf.window) });
  }
  return out;
}

describe("WindowBuffer", () => {
  it("emits the first window when full, then one every hop", () => {
    const emitted = run(new WindowBuffer(4, 2, 1), 11);
    expect(emitted.map((e) => e.frame)).toEqual([3, 5, 7, 9]);
    expect(emitted.map((e) => e.window)).toEqual([
      [0, 1, 2, 3],
      [2, 3, 4, 5],
      [4, 5, 6, 7],
      [6, 7, 8, 9],
    ]);
  });

  it("gives each window the times of its first and last frame", () => {
    for (const e of run(new WindowBuffer(5, 3, 1), 40)) {
      expect(e.tStartMs).toBe(10 * (e.frame - 4));
      expect(e.tEndMs).toBe(10 * e.frame);
    }
  });

  it("lays windows out time-major, oldest row first, across many ring wraps", () => {
    const buf = new WindowBuffer(3, 1, 2);
    const emitted = run(buf, 50);
    expect(emitted).toHaveLength(48);
    for (const e of emitted) {
      const rows = [e.frame - 2, e.frame - 1, e.frame];
      expect(e.window).toEqual(rows.flatMap((i) => [i, 100 + i]));
    }
  });

  it("supports windows without overlap (hop = window)", () => {
    const emitted = run(new WindowBuffer(3, 3, 1), 12);
    expect(emitted.map((e) => e.window)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
      [9, 10, 11],
    ]);
  });

  it("starts filling again after clear", () => {
    const buf = new WindowBuffer(4, 2, 1);
    run(buf, 6);
    buf.clear();
    expect(buf.length).toBe(0);
    expect(buf.tEndMs).toBeNaN();
    const emitted = run(buf, 6, 100);
    expect(emitted.map((e) => e.window)).toEqual([
      [100, 101, 102, 103],
      [102, 103, 104, 105],
    ]);
  });

  it("rejects sizes that are not positive integers", () => {
    expect(() => new WindowBuffer(0, 1, 1)).toThrow(RangeError);
    expect(() => new WindowBuffer(4, 1.5, 1)).toThrow(RangeError);
    expect(() => new WindowBuffer(4, 1, -1)).toThrow(RangeError);
  });
});
