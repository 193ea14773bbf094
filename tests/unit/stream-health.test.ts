import { describe, expect, it } from "vitest";
import { StreamHealth } from "@/lib/stream/stream-health";
import { prng } from "./seeded-random";

const T0_MS = 1.7e12;
const PERIOD_60HZ_MS = 1000 / 60;

/** Uniform noise of standard deviation `stdMs` (uniform on ±stdMs·√3): bounded, so intervals stay positive. */
function noiseMs(rand: () => number, stdMs: number): number {
  return (rand() * 2 - 1) * stdMs * Math.sqrt(3);
}

/**
 * A sensor firing on a regular grid, each timestamp off by noise of std dev
 * `jitterMs` (late event delivery): the intervals then spread by √2·jitterMs.
 */
function gridTimes(rand: () => number, count: number, periodMs: number, jitterMs: number, startMs = T0_MS): number[] {
  return Array.from({ length: count }, (_, i) => startMs + i * periodMs + noiseMs(rand, jitterMs));
}

/** A sensor whose every interval is the period plus noise of std dev `jitterMs`: the rate itself wanders. */
function walkTimes(rand: () => number, count: number, periodMs: number, jitterMs: number, startMs = T0_MS): number[] {
  const times = [startMs];
  for (let i = 1; i < count; i++) times.push(times[i - 1]! + periodMs + noiseMs(rand, jitterMs));
  return times;
}

function feed(h: StreamHealth, times: readonly number[]): void {
  for (const t of times) h.addSample(t, null);
}

/** Population std dev of the intervals ending inside (end - window, end]. */
function referenceJitterMs(times: readonly number[], windowMs: number): number {
  const endMs = times[times.length - 1]!;
  const intervals: number[] = [];
  for (let i = 1; i < times.length; i++) {
    if (times[i]! > endMs - windowMs) intervals.push(times[i]! - times[i - 1]!);
  }
  const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  return Math.sqrt(intervals.reduce((a, x) => a + (x - mean) ** 2, 0) / intervals.length);
}

/** Type 7 percentile of a plain sorted copy, the way numpy computes it. */
function referencePercentile(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * percent) / 100;
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! * (1 - (rank - lo)) + sorted[hi]! * (rank - lo);
}

describe("StreamHealth", () => {
  it("reports nothing before the first sample", () => {
    expect(new StreamHealth().snapshot()).toEqual({
      samples: 0,
      rateHz: 0,
      jitterMs: 0,
      gaps: 0,
      dropped: 0,
      duplicates: 0,
      latencyMsP50: null,
      latencyMsP95: null,
    });
    expect(new StreamHealth().snapshot(T0_MS).rateHz).toBe(0);
  });

  it("measures a steady 60 Hz stream exactly", () => {
    const h = new StreamHealth();
    feed(h, Array.from({ length: 600 }, (_, i) => T0_MS + i * PERIOD_60HZ_MS));
    const s = h.snapshot();
    expect(s.samples).toBe(600);
    expect(s.rateHz).toBeCloseTo(60, 6);
    // Epoch milliseconds as doubles resolve ~0.0002 ms: that is the floor.
    expect(s.jitterMs).toBeLessThan(1e-3);
    expect(s.gaps).toBe(0);
  });

  it("measures a stream younger than the window over its own span", () => {
    const h = new StreamHealth();
    feed(h, Array.from({ length: 31 }, (_, i) => T0_MS + i * PERIOD_60HZ_MS));
    expect(h.snapshot().rateHz).toBeCloseTo(60, 6);
  });

  it("finds 60 Hz within 1 Hz on a jittered 60 Hz stream", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(seed);
      const jitterMs = 0.5 + rand() * 3;
      const times = gridTimes(rand, 300 + Math.floor(rand() * 600), PERIOD_60HZ_MS, jitterMs);
      const h = new StreamHealth();
      feed(h, times);
      const s = h.snapshot();
      expect(Math.abs(s.rateHz - 60)).toBeLessThan(1);
      expect(s.jitterMs).toBeCloseTo(referenceJitterMs(times, 2000), 9);
      // ~120 intervals: the sample std dev is within a few standard errors (~6%) of the truth.
      expect(Math.abs(s.jitterMs - Math.SQRT2 * jitterMs) / (Math.SQRT2 * jitterMs)).toBeLessThan(0.25);
      expect(s.gaps).toBe(0);
    }
  });

  it("reports the std dev of the intervals as jitter and follows a wandering rate", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(seed);
      const jitterMs = 0.5 + rand() * 3;
      const times = walkTimes(rand, 300 + Math.floor(rand() * 600), PERIOD_60HZ_MS, jitterMs);
      const h = new StreamHealth();
      feed(h, times);
      const s = h.snapshot();
      expect(s.jitterMs).toBeCloseTo(referenceJitterMs(times, 2000), 9);
      expect(Math.abs(s.jitterMs - jitterMs) / jitterMs).toBeLessThan(0.25);
      // The samples really did come at 1000 / (mean interval) Hz over the window.
      const lastMs = times[times.length - 1]!;
      const inWindow = times.filter((t) => t > lastMs - 2000);
      const firstInWindow = times.indexOf(inWindow[0]!);
      const realizedHz = (inWindow.length * 1000) / (lastMs - times[firstInWindow - 1]!);
      expect(Math.abs(s.rateHz - realizedHz)).toBeLessThan(0.5);
    }
  });

  it("counts a 500 ms pause as exactly one gap", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(seed);
      const before = walkTimes(rand, 20 + Math.floor(rand() * 300), PERIOD_60HZ_MS, 3);
      const after = walkTimes(rand, 20 + Math.floor(rand() * 300), PERIOD_60HZ_MS, 3, before[before.length - 1]! + 500);
      const h = new StreamHealth();
      feed(h, before);
      feed(h, after);
      expect(h.snapshot().gaps).toBe(1);
    }
  });

  it("scales the gap threshold with a slow stream's interval", () => {
    const h = new StreamHealth();
    let t = T0_MS;
    const step = (ms: number) => h.addSample((t += ms), null);
    h.addSample(t, null);
    for (let i = 0; i < 20; i++) step(100);
    step(300);
    // 10 Hz: a pause must exceed 4 × 100 ms.
    expect(h.snapshot().gaps).toBe(0);
    for (let i = 0; i < 20; i++) step(100);
    step(500);
    expect(h.snapshot().gaps).toBe(1);
  });

  it("does not count the first interval of a slow stream as a gap", () => {
    const h = new StreamHealth();
    feed(h, Array.from({ length: 20 }, (_, i) => T0_MS + i * 200));
    const s = h.snapshot();
    expect(s.gaps).toBe(0);
    expect(s.rateHz).toBeCloseTo(5, 6);
  });

  it("lets the rate of a stream that stopped decay to 0 Hz", () => {
    const h = new StreamHealth();
    const times = Array.from({ length: 300 }, (_, i) => T0_MS + i * PERIOD_60HZ_MS);
    feed(h, times);
    const lastMs = times[times.length - 1]!;
    expect(h.snapshot(lastMs).rateHz).toBeCloseTo(60, 6);
    expect(Math.abs(h.snapshot(lastMs + 1000).rateHz - 30)).toBeLessThan(1);
    expect(h.snapshot(lastMs + 2000).rateHz).toBe(0);
    let previousHz = Infinity;
    for (let dt = 0; dt <= 2500; dt += 50) {
      const hz = h.snapshot(lastMs + dt).rateHz;
      expect(hz).toBeLessThanOrEqual(previousHz);
      previousHz = hz;
    }
    // A "now" behind the newest sample (a clock estimate slightly off) changes nothing.
    expect(h.snapshot(lastMs - 100)).toEqual(h.snapshot());
  });

  it("starts the window over when the phone's clock goes back", () => {
    const h = new StreamHealth();
    feed(h, Array.from({ length: 120 }, (_, i) => T0_MS + i * 10));
    feed(h, Array.from({ length: 61 }, (_, i) => T0_MS - 60_000 + i * PERIOD_60HZ_MS));
    const s = h.snapshot();
    expect(s.samples).toBe(181);
    expect(s.rateHz).toBeCloseTo(60, 6);
    expect(s.gaps).toBe(0);
  });

  it("matches sorted-array percentiles over the last latencyWindow latencies", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = prng(seed);
      const latencyWindow = 1 + Math.floor(rand() * 100);
      const h = new StreamHealth({ latencyWindow });
      const known: number[] = [];
      const count = 1 + Math.floor(rand() * 300);
      for (let i = 0; i < count; i++) {
        const latencyMs = rand() < 0.2 ? null : Math.round(rand() * 2000) / 10 - 5;
        if (latencyMs !== null) known.push(latencyMs);
        h.addSample(T0_MS + i * 5, latencyMs);
      }
      const s = h.snapshot();
      if (known.length === 0) {
        expect(s.latencyMsP50).toBeNull();
        continue;
      }
      const last = known.slice(-latencyWindow);
      expect(s.latencyMsP50).toBeCloseTo(referencePercentile(last, 50), 9);
      expect(s.latencyMsP95).toBeCloseTo(referencePercentile(last, 95), 9);
    }
  });

  it("adds up dropped and duplicate counts", () => {
    const h = new StreamHealth();
    h.addDropped(3);
    h.addDropped(0);
    h.addDuplicates(5);
    h.addDuplicates(2);
    expect(h.snapshot()).toMatchObject({ samples: 0, dropped: 3, duplicates: 7 });
    expect(() => h.addDropped(-1)).toThrow(RangeError);
    expect(() => h.addDuplicates(0.5)).toThrow(RangeError);
  });

  it("rejects options and a now that make no sense", () => {
    expect(() => new StreamHealth({ rateWindowMs: 0 })).toThrow(RangeError);
    expect(() => new StreamHealth({ latencyWindow: 0 })).toThrow(RangeError);
    expect(() => new StreamHealth().snapshot(Number.NaN)).toThrow(RangeError);
  });
});
