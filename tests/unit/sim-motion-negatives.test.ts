import { describe, expect, it } from "vitest";
import { GRAVITY_MPS2, motionGenerate, type MotionTrack } from "@/lib/sim/motion-generator";

/** The motions that exist as negatives: ordinary wear that must trigger nothing. */

const SEEDS = [1, 2, 3, 4];
const DEG = Math.PI / 180;

const accelNorm = (t: MotionTrack, i: number) => Math.hypot(t.samples[i]![4]!, t.samples[i]![5]!, t.samples[i]![6]!);
const gyroNorm = (t: MotionTrack, i: number) => {
  const s = t.samples[i]!;
  const b = t.gyroBiasRadPerS;
  return Math.hypot(s[7]! - b[0], s[8]! - b[1], s[9]! - b[2]);
};
/** Elevation of the device's y axis (along the forearm) above the horizontal, degrees. */
const forearmElevationDeg = (t: MotionTrack, i: number) => Math.asin(Math.min(1, Math.max(-1, t.samples[i]![2]! / GRAVITY_MPS2))) / DEG;
const indices = (t: MotionTrack) => t.samples.map((_, i) => i);

/** Mean of f over consecutive windows of `seconds`. */
function windowMeans(t: MotionTrack, rateHz: number, seconds: number, f: (t: MotionTrack, i: number) => number): number[] {
  const n = Math.round(rateHz * seconds);
  const out: number[] = [];
  for (let i0 = 0; i0 + n <= t.samples.length; i0 += n) {
    let sum = 0;
    for (let i = i0; i < i0 + n; i++) sum += f(t, i);
    out.push(sum / n);
  }
  return out;
}

describe("typing", () => {
  it.each(SEEDS)("seed %d: a level forearm, keystroke jolts far softer than a tap, at typing speed", (seed) => {
    const t = motionGenerate({ motion: "typing", seconds: 60, seed, rateHz: 200 });
    for (const i of indices(t)) {
      // Up to 10° of pitch, plus up to 6° of how the phone sits on the strap.
      expect(Math.abs(forearmElevationDeg(t, i))).toBeLessThan(20);
      expect(accelNorm(t, i)).toBeLessThan(2.5);
      expect(gyroNorm(t, i)).toBeLessThan(0.3);
    }
    // Jolts: runs of samples over 0.25 m/s² (5x the noise), at least 40 ms apart.
    let jolts = 0;
    let lastMs = -Infinity;
    for (const i of indices(t)) {
      if (accelNorm(t, i) > 0.25 && t.samples[i]![0] - lastMs > 40) jolts++;
      if (accelNorm(t, i) > 0.25) lastMs = t.samples[i]![0];
    }
    // 60 s of typing with pauses: roughly 1-5 keystrokes per second.
    expect(jolts).toBeGreaterThan(60);
    expect(jolts).toBeLessThan(300);
    expect(t.segments).toEqual([{ label: "typing", startMs: 0, endMs: 60_000 }]);
  });
});

describe("tap", () => {
  it.each(SEEDS)("seed %d: one 10-30 ms transient per segment, as strong as a double tap's, and stillness between", (seed) => {
    const t = motionGenerate({ motion: "tap", seconds: 20, seed, rateHz: 1000 });
    expect(t.segments.length).toBeGreaterThanOrEqual(4);
    // Runs of samples over 0.6 m/s², merged across gaps under 15 ms.
    const runs: { startMs: number; endMs: number }[] = [];
    for (const i of indices(t)) {
      if (accelNorm(t, i) <= 0.6) continue;
      const tMs = t.samples[i]![0];
      const last = runs.at(-1);
      if (last && tMs - last.endMs < 15) last.endMs = tMs;
      else runs.push({ startMs: tMs, endMs: tMs });
    }
    expect(runs).toHaveLength(t.segments.length);
    runs.forEach((run, k) => {
      const s = t.segments[k]!;
      expect(run.startMs).toBeGreaterThanOrEqual(s.startMs - 1);
      expect(run.endMs).toBeLessThanOrEqual(s.endMs + 1);
      expect(run.endMs - run.startMs).toBeGreaterThanOrEqual(10);
      expect(run.endMs - run.startMs).toBeLessThanOrEqual(30);
    });
    const peak = Math.max(...indices(t).map((i) => accelNorm(t, i)));
    expect(peak).toBeGreaterThan(2);
    expect(peak).toBeLessThan(8);
  });
});

describe("swing", () => {
  it.each(SEEDS)("seed %d: the arm hangs and swings in spells, with pauses in between", (seed) => {
    const t = motionGenerate({ motion: "swing", seconds: 60, seed, rateHz: 100 });
    for (const i of indices(t)) expect(forearmElevationDeg(t, i)).toBeLessThan(10);
    const busy = windowMeans(t, 100, 2, gyroNorm);
    // Some 2 s stretches swing hard, others nearly rest.
    expect(Math.max(...busy)).toBeGreaterThan(0.8);
    expect(Math.min(...busy)).toBeLessThan(0.4 * Math.max(...busy));
    // A pendulum's rhythm: the busiest gyro axis has its strongest line at 0.4-1.1 Hz.
    const axis = [7, 8, 9].reduce((a, b) => (variance(t, b) > variance(t, a) ? b : a));
    const hz = strongestHz(t, axis, 0.2, 5);
    expect(hz).toBeGreaterThan(0.4);
    expect(hz).toBeLessThan(1.1);
  });
});

function variance(t: MotionTrack, field: number): number {
  const xs = t.samples.map((s) => s[field]!);
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
}

/** Frequency of the largest DFT magnitude of a field in [loHz, hiHz], at the samples' own times. */
function strongestHz(t: MotionTrack, field: number, loHz: number, hiHz: number): number {
  const xs = t.samples.map((s) => s[field]!);
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  let best = { hz: 0, power: -1 };
  for (let hz = loHz; hz <= hiHz; hz += 0.02) {
    let re = 0;
    let im = 0;
    t.samples.forEach((s, k) => {
      const phase = (2 * Math.PI * hz * s[0]) / 1000;
      re += (xs[k]! - m) * Math.cos(phase);
      im += (xs[k]! - m) * Math.sin(phase);
    });
    if (re * re + im * im > best.power) best = { hz, power: re * re + im * im };
  }
  return best.hz;
}

describe("random", () => {
  it.each(SEEDS)("seed %d: moves on every axis, with activity that comes and goes, at human speeds", (seed) => {
    const t = motionGenerate({ motion: "random", seconds: 60, seed, rateHz: 100 });
    for (const field of [7, 8, 9]) expect(Math.sqrt(variance(t, field))).toBeGreaterThan(0.15);
    const busy = windowMeans(t, 100, 2, gyroNorm);
    expect(Math.max(...busy) / Math.min(...busy)).toBeGreaterThan(1.5);
    for (const i of indices(t)) {
      expect(gyroNorm(t, i)).toBeLessThan(10);
      expect(accelNorm(t, i)).toBeLessThan(15);
    }
  });
});
