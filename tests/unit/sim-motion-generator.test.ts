import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/protocol/limits";
import { sampleTupleSchema } from "@/lib/protocol/schemas";
import { MOTION_NAMES, motionGenerate, motionStream, type MotionName } from "@/lib/sim/motion-generator";

const EVENT_MOTIONS = ["raise", "lower", "double-tap", "flick", "tap"] as const;
const CONTINUOUS_MOTIONS = ["idle", "scrub", "walk", "shake", "typing", "swing", "random"] as const;

describe("motion names", () => {
  it("lists the twelve motions once each", () => {
    expect([...MOTION_NAMES].sort()).toEqual(["double-tap", "flick", "idle", "lower", "raise", "random", "scrub", "shake", "swing", "tap", "typing", "walk"]);
  });
});

describe("determinism", () => {
  it.each(MOTION_NAMES)("%s: same options and seed give bit-identical output", (motion) => {
    const a = motionGenerate({ motion, seconds: 6, seed: 11 });
    const b = motionGenerate({ motion, seconds: 6, seed: 11 });
    expect(b.samples).toEqual(a.samples);
    expect(Buffer.from(b.truthQuat.buffer).equals(Buffer.from(a.truthQuat.buffer))).toBe(true);
    expect(b.segments).toEqual(a.segments);
    expect(b.gyroBiasRadPerS).toEqual(a.gyroBiasRadPerS);
    const other = motionGenerate({ motion, seconds: 6, seed: 12 });
    expect(other.samples[10]).not.toEqual(a.samples[10]);
  });

  it("streams exactly what it generates, however the time is sliced", () => {
    for (const motion of ["raise", "shake"] as const) {
      const opts = { motion, seconds: 8, seed: 4, rateHz: 100, startTimeMs: 1_700_000_000_000 };
      const whole = motionGenerate(opts);
      const stream = motionStream(opts);
      const samples = [];
      const segments = [];
      let now = opts.startTimeMs;
      while (!stream.done) {
        now += 3 + ((now * 7) % 41);
        samples.push(...stream.take(now));
        segments.push(...stream.takeSegments());
      }
      expect(samples).toEqual(whole.samples);
      expect(segments).toEqual(whole.segments);
      expect(stream.take(now + 1e6)).toEqual([]);
    }
  });

  it("keeps the motion when only the rate changes", () => {
    for (const motion of EVENT_MOTIONS) {
      const at60 = motionGenerate({ motion, seconds: 20, seed: 9, rateHz: 60 });
      const at200 = motionGenerate({ motion, seconds: 20, seed: 9, rateHz: 200 });
      expect(at200.segments).toEqual(at60.segments);
      expect(at200.gyroBiasRadPerS).toEqual(at60.gyroBiasRadPerS);
    }
  });
});

describe("timing", () => {
  it.each([50, 60, 100, 200])("%d Hz: seconds × rate samples, increasing, jitter bounded", (rateHz) => {
    const startTimeMs = 1_700_000_000_000;
    const { samples } = motionGenerate({ motion: "walk", seconds: 5, rateHz, seed: 2, startTimeMs });
    expect(samples.length).toBe(5 * rateHz);
    const intervalMs = 1000 / rateHz;
    const jitterMs = Math.min(1.5, 0.2 * intervalMs);
    samples.forEach((s, k) => {
      expect(Math.abs(s[0] - (startTimeMs + (k + 1) * intervalMs))).toBeLessThanOrEqual(jitterMs + 1e-3);
      if (k > 0) expect(s[0]).toBeGreaterThan(samples[k - 1]![0]);
    });
    // The jitter is really there, not just allowed.
    const gaps = samples.slice(1).map((s, k) => s[0] - samples[k]![0]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeGreaterThan(jitterMs);
  });

  it("streams in real time: nothing before its time, everything once it is due", () => {
    const stream = motionStream({ motion: "idle", seconds: 2, startTimeMs: 1000 });
    expect(stream.take(1000)).toEqual([]);
    expect(stream.take(1000 + 500).length).toBeGreaterThanOrEqual(29);
    const rest = stream.take(1000 + 2100);
    expect(stream.done).toBe(true);
    expect(rest.at(-1)![0]).toBeLessThanOrEqual(3000 + 1.5);
  });

  it("runs endlessly with seconds = Infinity", () => {
    const stream = motionStream({ motion: "double-tap", seconds: Infinity, seed: 3 });
    let count = 0;
    let taps = 0;
    for (let t = 1000; t <= 120_000; t += 1000) {
      const batch = stream.take(t);
      for (const s of batch) expect(s.every((v) => v !== null && Number.isFinite(v))).toBe(true);
      count += batch.length;
      taps += stream.takeSegments().length;
    }
    expect(stream.done).toBe(false);
    expect(count).toBeGreaterThan(120 * 60 - 2);
    expect(taps).toBeGreaterThan(120 / 6);
  });
});

describe("sample values", () => {
  it.each(MOTION_NAMES)("%s: every value is finite and passes the wire schema", (motion) => {
    const { samples, truthQuat } = motionGenerate({ motion, seconds: 10, seed: 5 });
    for (const s of samples) {
      expect(s.length).toBe(13);
      s.forEach((v, i) => {
        expect(Number.isFinite(v)).toBe(true);
        if (i > 0) expect(Math.abs(v!)).toBeLessThan(LIMITS.maxAbsValue);
      });
    }
    expect(() => samples.forEach((s) => sampleTupleSchema.parse(s))).not.toThrow();
    expect(truthQuat.length).toBe(4 * samples.length);
    for (let i = 0; i < samples.length; i++) {
      const norm = Math.hypot(truthQuat[4 * i]!, truthQuat[4 * i + 1]!, truthQuat[4 * i + 2]!, truthQuat[4 * i + 3]!);
      expect(Math.abs(norm - 1)).toBeLessThan(1e-12);
    }
  });

  it("draws per-run sensor imperfections in realistic ranges", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { gyroBiasRadPerS, noise } = motionGenerate({ motion: "idle", seconds: 0, seed });
      for (const b of gyroBiasRadPerS) {
        expect(Math.abs(b)).toBeGreaterThanOrEqual(0.002);
        expect(Math.abs(b)).toBeLessThanOrEqual(0.01);
      }
      expect(noise.accelMps2).toBeGreaterThanOrEqual(0.02);
      expect(noise.accelMps2).toBeLessThanOrEqual(0.05);
      expect(noise.gyroRadPerS).toBeGreaterThanOrEqual(0.004);
      expect(noise.gyroRadPerS).toBeLessThanOrEqual(0.006);
    }
  });
});

describe("segments", () => {
  it.each(CONTINUOUS_MOTIONS)("%s: one segment for the whole run", (motion) => {
    const { segments } = motionGenerate({ motion, seconds: 7, startTimeMs: 5000 });
    expect(segments).toEqual([{ label: motion, startMs: 5000, endMs: 12_000 }]);
  });

  it.each(EVENT_MOTIONS)("%s: the first gesture starts within 1 s and repeats every few seconds", (motion) => {
    for (let seed = 1; seed <= 10; seed++) {
      const { samples, segments } = motionGenerate({ motion, seconds: 30, seed, startTimeMs: 1000 });
      expect(segments[0]!.startMs - 1000).toBeLessThan(1000);
      expect(motionGenerate({ motion, seconds: 5, seed }).segments.length).toBeGreaterThanOrEqual(1);
      expect(segments.length).toBeGreaterThanOrEqual(5);
      expect(segments.length).toBeLessThanOrEqual(14);
      for (let i = 0; i < segments.length; i++) {
        const s = segments[i]!;
        expect(s.endMs).toBeGreaterThan(s.startMs);
        expect(s.endMs).toBeLessThanOrEqual(samples.at(-1)![0] + 2);
        if (i > 0) expect(s.startMs - segments[i - 1]!.endMs).toBeGreaterThanOrEqual(1800);
      }
    }
  });

  it("alternates raise and lower, starting from the motion's name", () => {
    const labels = (motion: MotionName) => motionGenerate({ motion, seconds: 30, seed: 1 }).segments.map((s) => s.label);
    const raise = labels("raise");
    raise.forEach((l, i) => expect(l).toBe(i % 2 === 0 ? "raise" : "lower"));
    const lower = labels("lower");
    lower.forEach((l, i) => expect(l).toBe(i % 2 === 0 ? "lower" : "raise"));
    expect(labels("flick").every((l) => l === "flick")).toBe(true);
  });
});

describe("options", () => {
  it("rejects what it cannot honour", () => {
    expect(() => motionGenerate({ motion: "jump" as MotionName, seconds: 1 })).toThrow(RangeError);
    expect(() => motionGenerate({ motion: "idle", seconds: -1 })).toThrow(RangeError);
    expect(() => motionGenerate({ motion: "idle", seconds: Infinity })).toThrow(RangeError);
    expect(() => motionGenerate({ motion: "idle", seconds: 1, rateHz: 0 })).toThrow(RangeError);
    expect(() => motionGenerate({ motion: "idle", seconds: 1, rateHz: NaN })).toThrow(RangeError);
    expect(() => motionGenerate({ motion: "idle", seconds: 1, seed: 1.5 })).toThrow(RangeError);
    expect(motionGenerate({ motion: "idle", seconds: 1 }).samples.length).toBe(60);
  });
});
