import { describe, expect, it } from "vitest";
import { Resampler, type ResamplerOptions } from "@/lib/models/resampler";
import { prng } from "./seeded-random";

/** Epoch-scale start, so grid arithmetic is tested at the magnitudes the server clock has. */
const T0 = 1_750_000_000_003.7;

interface Frame {
  tMs: number;
  values: number[];
}

function collect(opts: Omit<ResamplerOptions, "onFrame">) {
  const frames: Frame[] = [];
  const gaps: Array<[number, number]> = [];
  const r = new Resampler({
    ...opts,
    onFrame: (tMs, values) => frames.push({ tMs, values: Array.from(values) }),
    onGap: (a, b) => gaps.push([a, b]),
  });
  return { r, frames, gaps };
}

/** Raw times from t0 for durationMs at nominal rateHz, each moved by up to ±jitterMs. */
function rawTimes(t0: number, durationMs: number, rateHz: number, jitterMs: number, seed = 1): number[] {
  const rand = prng(seed);
  const period = 1000 / rateHz;
  const times: number[] = [];
  for (let i = 0; i * period <= durationMs; i++) times.push(t0 + i * period + (rand() * 2 - 1) * jitterMs);
  return times;
}

describe("Resampler", () => {
  for (const antiAlias of [true, false]) {
    it(`reproduces a linear ramp exactly at the ticks from jittered input (antiAlias ${antiAlias})`, () => {
      const ramp = (t: number) => [3 + 0.02 * (t - T0), -1 - 0.005 * (t - T0)];
      const { r, frames } = collect({ rateHz: 100, channelCount: 2, antiAlias });
      for (const t of rawTimes(T0, 2000, 60, 4)) r.push(t, ramp(t));
      expect(frames.length).toBeGreaterThan(190);
      for (const f of frames) {
        const [a, b] = ramp(f.tMs);
        expect(f.values[0]).toBeCloseTo(a!, 4);
        expect(f.values[1]).toBeCloseTo(b!, 4);
      }
    });
  }

  it("puts ticks on whole multiples of the period, whatever the first sample's phase", () => {
    for (const [rateHz, start] of [
      [100, T0],
      [60, T0 + 3.3],
      [50, T0 + 11.1],
    ] as const) {
      const { r, frames } = collect({ rateHz, channelCount: 1 });
      for (const t of rawTimes(start, 1000, 75, 3, rateHz)) r.push(t, [1]);
      const k0 = Math.round((frames[0]!.tMs * rateHz) / 1000);
      frames.forEach((f, i) => expect(f.tMs).toBe(((k0 + i) * 1000) / rateHz));
    }
  });

  it("emits the same frames at the same times in two resamplers that start at different samples", () => {
    const times = rawTimes(T0, 1500, 60, 4, 7);
    const sine = (t: number) => [Math.sin((t - T0) / 90)];
    const whole = collect({ rateHz: 100, channelCount: 1 });
    const late = collect({ rateHz: 100, channelCount: 1 });
    for (const t of times) whole.r.push(t, sine(t));
    for (const t of times.slice(20)) late.r.push(t, sine(t));
    const byTime = new Map(whole.frames.map((f) => [f.tMs, f.values[0]]));
    expect(late.frames.length).toBeGreaterThan(100);
    for (const f of late.frames) expect(byTime.get(f.tMs)).toBe(f.values[0]);
  });

  it("upsamples jittered 60 Hz to 100 Hz, following the signal", () => {
    const signal = (t: number) => Math.sin(2 * Math.PI * 2 * ((t - T0) / 1000));
    const { r, frames } = collect({ rateHz: 100, channelCount: 1 });
    for (const t of rawTimes(T0, 3000, 60, 5, 3)) r.push(t, [signal(t)]);
    expect(Math.abs(frames.length - 300)).toBeLessThanOrEqual(2);
    const worst = Math.max(...frames.map((f) => Math.abs(f.values[0]! - signal(f.tMs))));
    expect(worst).toBeLessThan(0.02);
  });

  it("downsamples 200 Hz to 50 Hz without folding 90 Hz vibration into the band, unless anti-aliasing is off", () => {
    // Raw samples on the output grid, the worst case for point sampling.
    const t0 = 1_750_000_000_000;
    const slow = (t: number) => Math.sin(2 * Math.PI * 2 * ((t - t0) / 1000));
    const raw = (t: number) => slow(t) + 0.5 * Math.sin(2 * Math.PI * 90 * ((t - t0) / 1000) + 1);
    const worstError = (antiAlias: boolean) => {
      const { r, frames } = collect({ rateHz: 50, channelCount: 1, antiAlias });
      for (let i = 0; i <= 600; i++) r.push(t0 + i * 5, [raw(t0 + i * 5)]);
      expect(Math.abs(frames.length - 150)).toBeLessThanOrEqual(2);
      return Math.max(...frames.map((f) => Math.abs(f.values[0]! - slow(f.tMs))));
    };
    // 90 Hz at 50 Hz aliases to 10 Hz: sampled on the ticks it survives almost whole.
    expect(worstError(false)).toBeGreaterThan(0.3);
    expect(worstError(true)).toBeLessThan(0.05);
  });

  it("keeps a short spike's area whatever its phase when downsampling", () => {
    const areas: number[] = [];
    const peaks: number[] = [];
    for (let phase = 0; phase < 4; phase++) {
      for (const antiAlias of [true, false]) {
        const { r, frames } = collect({ rateHz: 50, channelCount: 1, antiAlias });
        // 200 Hz, one sample of 10 at a position that moves by one raw period each run.
        for (let i = 0; i <= 80; i++) r.push(T0 + i * 5, [i === 40 + phase ? 10 : 0]);
        const values = frames.map((f) => f.values[0]!);
        if (antiAlias) areas.push(values.reduce((s, v) => s + v, 0) * 20);
        else peaks.push(Math.max(...values));
      }
    }
    for (const a of areas) expect(a).toBeCloseTo(10 * 5, 4);
    expect(Math.max(...peaks) - Math.min(...peaks)).toBeGreaterThan(5);
  });

  it("does not interpolate across a gap longer than maxGapMs and restarts on the grid after it", () => {
    for (const antiAlias of [true, false]) {
      const ramp = (t: number) => [t - T0];
      const { r, frames, gaps } = collect({ rateHz: 100, channelCount: 1, antiAlias });
      const before = rawTimes(T0, 500, 60, 2, 4);
      const after = rawTimes(T0 + 900, 500, 60, 2, 5);
      for (const t of [...before, ...after]) r.push(t, ramp(t));
      expect(gaps).toEqual([[before.at(-1), after[0]]]);
      const inGap = frames.filter((f) => f.tMs > before.at(-1)! && f.tMs < after[0]!);
      expect(inGap).toEqual([]);
      const resumed = frames.filter((f) => f.tMs >= after[0]!);
      expect(resumed.length).toBeGreaterThan(45);
      for (const f of resumed) {
        expect(f.values[0]).toBeCloseTo(ramp(f.tMs)[0]!, 3);
        expect(Number.isInteger(Math.round(f.tMs * 100) / 1000)).toBe(true);
      }
    }
  });

  it("takes maxGapMs from its options", () => {
    const times = [T0, T0 + 200, T0 + 400];
    const lenient = collect({ rateHz: 100, channelCount: 1 });
    const strict = collect({ rateHz: 100, channelCount: 1, maxGapMs: 150 });
    for (const t of times) {
      lenient.r.push(t, [1]);
      strict.r.push(t, [1]);
    }
    expect(lenient.gaps).toHaveLength(0);
    expect(lenient.frames.length).toBeGreaterThanOrEqual(38);
    expect(strict.gaps).toHaveLength(2);
    expect(strict.frames.length).toBeLessThanOrEqual(1);
  });

  it("ignores duplicate and out-of-order samples", () => {
    const clean = collect({ rateHz: 100, channelCount: 1 });
    const messy = collect({ rateHz: 100, channelCount: 1 });
    const times = rawTimes(T0, 500, 60, 0);
    times.forEach((t, i) => {
      clean.r.push(t, [i]);
      messy.r.push(t, [i]);
      messy.r.push(t, [999]);
      if (i > 0) messy.r.push(times[i - 1]!, [-999]);
    });
    expect(messy.frames).toEqual(clean.frames);
  });

  it("bridges a one-sample dropout of a channel but keeps a missing sensor NaN", () => {
    const { r, frames } = collect({ rateHz: 100, channelCount: 2, antiAlias: false });
    for (let i = 0; i <= 30; i++) r.push(T0 + i * 10, [i === 10 ? NaN : 5, NaN]);
    expect(frames.length).toBeGreaterThan(25);
    for (const f of frames) {
      expect(f.values[0]).toBe(5);
      expect(f.values[1]).toBeNaN();
    }
  });

  it("rejects nonsense settings", () => {
    const onFrame = () => {};
    expect(() => new Resampler({ rateHz: 0, channelCount: 1, onFrame })).toThrow(RangeError);
    expect(() => new Resampler({ rateHz: 50, channelCount: 0, onFrame })).toThrow(RangeError);
    expect(() => new Resampler({ rateHz: 50, channelCount: 1, maxGapMs: 0, onFrame })).toThrow(RangeError);
  });
});
