import { describe, expect, it } from "vitest";
import { RingBuffer } from "@/lib/stream/ring-buffer";
import { prng } from "./seeded-random";

describe("RingBuffer", () => {
  it("holds rows in push order before it is full", () => {
    const r = new RingBuffer(4, 2);
    r.push([1, 10]);
    r.push([2, 20]);
    expect(r.length).toBe(2);
    expect(r.capacity).toBe(4);
    expect(r.total).toBe(2);
    expect(r.at(0, 0)).toBe(1);
    expect(r.at(1, 1)).toBe(20);
    expect(r.latest(0)).toBe(2);
    const out = new Float64Array(4);
    expect(r.copyChannel(1, out)).toBe(2);
    expect(Array.from(out)).toEqual([10, 20, 0, 0]);
  });

  it("overwrites the oldest rows once full and copies oldest first across the seam", () => {
    const r = new RingBuffer(4, 2);
    for (let i = 0; i < 10; i++) r.push([i, -i]);
    expect(r.length).toBe(4);
    expect(r.total).toBe(10);
    const out = new Float64Array(4);
    r.copyChannel(0, out);
    expect(Array.from(out)).toEqual([6, 7, 8, 9]);
    r.copyChannel(1, out);
    expect(Array.from(out)).toEqual([-6, -7, -8, -9]);
    expect([0, 1, 2, 3].map((i) => r.at(i, 0))).toEqual([6, 7, 8, 9]);
    expect(r.latest(1)).toBe(-9);
  });

  it("copies only the newest n rows, into a plain array too", () => {
    const r = new RingBuffer(5, 1);
    for (let i = 0; i < 7; i++) r.push([i]);
    const out: number[] = [];
    expect(r.copyChannel(0, out, 3)).toBe(3);
    expect(out).toEqual([4, 5, 6]);
    expect(r.copyChannel(0, out, 0)).toBe(0);
  });

  it("stores null as NaN", () => {
    const r = new RingBuffer(2, 3);
    r.push([1, null, 3]);
    expect(r.at(0, 0)).toBe(1);
    expect(r.at(0, 1)).toBeNaN();
    expect(r.latest(2)).toBe(3);
  });

  it("empties on clear but keeps counting rows ever pushed", () => {
    const r = new RingBuffer(3, 1);
    for (let i = 0; i < 5; i++) r.push([i]);
    r.clear();
    expect(r.length).toBe(0);
    expect(r.total).toBe(5);
    expect(r.latest(0)).toBeNaN();
    r.push([42]);
    expect(r.at(0, 0)).toBe(42);
    expect(r.total).toBe(6);
  });

  it("rejects out-of-range rows, channels, counts and shapes", () => {
    const r = new RingBuffer(3, 2);
    r.push([1, 2]);
    expect(() => r.at(1, 0)).toThrow(RangeError);
    expect(() => r.at(-1, 0)).toThrow(RangeError);
    expect(() => r.at(0, 2)).toThrow(RangeError);
    expect(() => r.latest(-1)).toThrow(RangeError);
    expect(() => r.copyChannel(0, new Float64Array(3), 2)).toThrow(RangeError);
    expect(() => r.copyChannel(0, new Float64Array(0), 1)).toThrow(RangeError);
    expect(() => r.push([1])).toThrow(RangeError);
    expect(() => new RingBuffer(0, 1)).toThrow(RangeError);
    expect(() => new RingBuffer(2, 1.5)).toThrow(RangeError);
  });

  it("matches the tail of an unbounded array for any capacity and push count", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(seed);
      const capacity = 1 + Math.floor(rand() * 16);
      const channels = 1 + Math.floor(rand() * 3);
      const r = new RingBuffer(capacity, channels);
      const rows: number[][] = [];
      const pushes = Math.floor(rand() * 60);
      for (let i = 0; i < pushes; i++) {
        const row = Array.from({ length: channels }, () => Math.round(rand() * 1000));
        rows.push(row);
        r.push(row);
      }
      const held = rows.slice(-capacity);
      expect(r.length).toBe(held.length);
      expect(r.total).toBe(pushes);
      const n = Math.floor(rand() * (held.length + 1));
      for (let c = 0; c < channels; c++) {
        const out = new Float64Array(n);
        r.copyChannel(c, out, n);
        expect(Array.from(out)).toEqual(held.slice(held.length - n).map((row) => row[c]));
        if (held.length > 0) expect(r.latest(c)).toBe(held[held.length - 1]![c]);
        for (let i = 0; i < held.length; i++) expect(r.at(i, c)).toBe(held[i]![c]);
      }
    }
  });
});
