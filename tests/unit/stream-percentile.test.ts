import { describe, expect, it } from "vitest";
import { percentileOfSorted, SlidingMedian } from "@/lib/stream/percentile";
import { prng } from "./seeded-random";

describe("percentileOfSorted", () => {
  it("interpolates between the nearest ranks", () => {
    const xs = [1, 2, 3, 4];
    expect(percentileOfSorted(xs, 0)).toBe(1);
    expect(percentileOfSorted(xs, 50)).toBe(2.5);
    expect(percentileOfSorted(xs, 95)).toBeCloseTo(3.85, 12);
    expect(percentileOfSorted(xs, 100)).toBe(4);
    expect(percentileOfSorted([7], 95)).toBe(7);
  });

  it("reads only the first n values", () => {
    expect(percentileOfSorted(Float64Array.of(1, 3, 5, 99, 99), 50, 3)).toBe(3);
    expect(percentileOfSorted([], 50)).toBeNaN();
  });

  it("rejects percents outside 0-100", () => {
    expect(() => percentileOfSorted([1], 101)).toThrow(RangeError);
    expect(() => percentileOfSorted([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("SlidingMedian", () => {
  it("is NaN while empty and the upper middle value of an even count", () => {
    const m = new SlidingMedian(5);
    expect(m.value).toBeNaN();
    m.push(3);
    expect(m.value).toBe(3);
    m.push(1);
    expect(m.value).toBe(3);
    m.push(2);
    expect(m.value).toBe(2);
  });

  it("is not moved by a minority of outliers", () => {
    const m = new SlidingMedian(15);
    for (let i = 0; i < 15; i++) m.push(16.7);
    for (let i = 0; i < 7; i++) m.push(500);
    expect(m.value).toBe(16.7);
    m.push(500);
    expect(m.value).toBe(500);
  });

  it("matches a sorted copy of the last values, repeats included", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rand = prng(seed);
      const size = 1 + Math.floor(rand() * 20);
      const m = new SlidingMedian(size);
      const all: number[] = [];
      for (let i = 0; i < 200; i++) {
        // Few distinct values, so that evicting one of several equal values is exercised.
        const x = Math.floor(rand() * 6);
        all.push(x);
        m.push(x);
        const window = all.slice(-size).sort((a, b) => a - b);
        expect(m.length).toBe(window.length);
        expect(m.value).toBe(window[window.length >> 1]);
      }
      m.clear();
      expect(m.value).toBeNaN();
    }
  });
});
