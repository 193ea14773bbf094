import { describe, expect, it } from "vitest";
import { quatFromDeviceOrientation } from "@/lib/math/device-orientation";
import {
  quatAngleBetween,
  quatConjugate,
  quatFromRotationVector,
  quatMultiply,
  quatRotateVec,
  quatRotateVecInverse,
  quatToRotationVector,
  type Quat,
} from "@/lib/math/quat";
import { vecAngle, type Vec3 } from "@/lib/math/vec3";
import { GRAVITY_MPS2, MOTION_NAMES, motionGenerate, type MotionTrack } from "@/lib/sim/motion-generator";

const DEG = Math.PI / 180;
const SEEDS = [1, 2, 3, 4, 5];

const truthAt = (t: MotionTrack, i: number): Quat => [t.truthQuat[4 * i]!, t.truthQuat[4 * i + 1]!, t.truthQuat[4 * i + 2]!, t.truthQuat[4 * i + 3]!];
const accelG = (t: MotionTrack, i: number): Vec3 => {
  const s = t.samples[i]!;
  return [s[1], s[2], s[3]];
};
const accel = (t: MotionTrack, i: number): Vec3 => {
  const s = t.samples[i]!;
  return [s[4]!, s[5]!, s[6]!];
};
/** Gyro reading with the run's known bias removed. */
const gyro = (t: MotionTrack, i: number): Vec3 => {
  const s = t.samples[i]!;
  const b = t.gyroBiasRadPerS;
  return [s[7]! - b[0], s[8]! - b[1], s[9]! - b[2]];
};
const norm = (v: readonly number[]) => Math.hypot(...v);
const indexAt = (t: MotionTrack, ms: number) => t.samples.findIndex((s) => s[0] >= ms);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;

/** Strapdown integration of the bias-free gyro from the truth at i0 to sample i1 (trapezoidal rate). */
function integrateGyro(t: MotionTrack, i0: number, i1: number): Quat {
  let q = truthAt(t, i0);
  for (let i = i0; i < i1; i++) {
    const dtS = (t.samples[i + 1]![0] - t.samples[i]![0]) / 1000;
    const a = gyro(t, i);
    const b = gyro(t, i + 1);
    q = quatMultiply(q, quatFromRotationVector([((a[0] + b[0]) / 2) * dtS, ((a[1] + b[1]) / 2) * dtS, ((a[2] + b[2]) / 2) * dtS]));
  }
  return q;
}

/** Frequency of the strongest spectral line in [loHz, hiHz] (a DFT at the real, jittered sample times). */
function dominantHz(t: MotionTrack, series: number[], loHz = 0.3, hiHz = 15): number {
  const m = mean(series);
  let best = 0;
  let bestPower = -1;
  for (let f = loHz; f <= hiHz; f += 0.02) {
    let re = 0;
    let im = 0;
    for (let k = 0; k < series.length; k++) {
      const phase = (2 * Math.PI * f * t.samples[k]![0]) / 1000;
      re += (series[k]! - m) * Math.cos(phase);
      im += (series[k]! - m) * Math.sin(phase);
    }
    if (re * re + im * im > bestPower) {
      bestPower = re * re + im * im;
      best = f;
    }
  }
  return best;
}

/** The component (0, 1, 2) of a per-sample vector that varies most. */
function busiestAxis(t: MotionTrack, read: (t: MotionTrack, i: number) => Vec3): number[] {
  const columns = [0, 1, 2].map((axis) => t.samples.map((_, i) => read(t, i)[axis]!));
  return columns.reduce((a, b) => (sd(b) > sd(a) ? b : a));
}

describe("consistency of every motion with its own ground truth", () => {
  it.each(MOTION_NAMES)("%s: gravity, orientation angles and gyro all follow the truth quaternion", (motion) => {
    const t = motionGenerate({ motion, seconds: 12, seed: 8, rateHz: 200 });
    for (let i = 0; i < t.samples.length; i++) {
      const q = truthAt(t, i);
      // accelG − accel is exactly gravity, rotated into the device frame.
      const expected = quatRotateVecInverse(q, [0, 0, GRAVITY_MPS2]);
      const g = accelG(t, i);
      const a = accel(t, i);
      for (let k = 0; k < 3; k++) expect(Math.abs(g[k]! - a[k]! - expected[k]!)).toBeLessThan(1e-9);
      const s = t.samples[i]!;
      expect(quatAngleBetween(quatFromDeviceOrientation(s[10]!, s[11]!, s[12]!), q)).toBeLessThan(1e-7);
    }
    // Integrating the gyro over 2 s windows reproduces the truth rotation.
    for (let i0 = 0; i0 + 400 < t.samples.length; i0 += 400) {
      expect(quatAngleBetween(integrateGyro(t, i0, i0 + 400), truthAt(t, i0 + 400)) / DEG).toBeLessThan(2);
    }
  });
});

describe("idle", () => {
  it.each([...SEEDS, 6, 7, 8, 9, 10])("seed %d: |accelIncludingGravity| ≈ 9.81, gyro ≈ bias, noise as drawn", (seed) => {
    const t = motionGenerate({ motion: "idle", seconds: 10, seed });
    const magnitudes = t.samples.map((_, i) => norm(accelG(t, i)));
    expect(Math.abs(mean(magnitudes) - GRAVITY_MPS2)).toBeLessThan(0.02);
    for (const m of magnitudes) expect(Math.abs(m - GRAVITY_MPS2)).toBeLessThan(0.3);
    for (let i = 0; i < t.samples.length; i++) expect(norm(gyro(t, i))).toBeLessThan(0.08);
    // Sample-to-sample differences see only the white noise: sd(diff) = √2 σ.
    const diffSd = (read: (t: MotionTrack, i: number) => Vec3, axis: number) =>
      sd(t.samples.slice(1).map((_, i) => read(t, i + 1)[axis]! - read(t, i)[axis]!)) / Math.SQRT2;
    for (const axis of [0, 1, 2]) {
      // Physiological tremor (8-12 Hz, ~0.02 m/s²) rides on the accelerometer's noise.
      expect(diffSd(accelG, axis) / t.noise.accelMps2).toBeGreaterThan(0.85);
      expect(diffSd(accelG, axis) / t.noise.accelMps2).toBeLessThan(1.7);
      expect(diffSd(gyro, axis) / t.noise.gyroRadPerS).toBeGreaterThan(0.85);
      expect(diffSd(gyro, axis) / t.noise.gyroRadPerS).toBeLessThan(1.2);
    }
    // The bias is constant: gyro minus the truth's own rate averages to it.
    const residual = [0, 0, 0];
    for (let i = 0; i + 1 < t.samples.length; i++) {
      const dtS = (t.samples[i + 1]![0] - t.samples[i]![0]) / 1000;
      const truthRate = quatToRotationVector(quatMultiply(quatConjugate(truthAt(t, i)), truthAt(t, i + 1)));
      const s0 = t.samples[i]!;
      const s1 = t.samples[i + 1]!;
      for (let k = 0; k < 3; k++) residual[k]! += ((s0[7 + k]! + s1[7 + k]!) / 2 - truthRate[k]! / dtS) / (t.samples.length - 1);
    }
    residual.forEach((r, k) => expect(Math.abs(r - t.gyroBiasRadPerS[k]!)).toBeLessThan(0.001));
  });

  it("drifts slowly: the screen normal wanders by at most a few degrees", () => {
    const t = motionGenerate({ motion: "idle", seconds: 30, seed: 2 });
    const up0 = quatRotateVecInverse(truthAt(t, 0), [0, 0, 1]);
    let maxDeg = 0;
    for (let i = 0; i < t.samples.length; i++) maxDeg = Math.max(maxDeg, vecAngle(up0, quatRotateVecInverse(truthAt(t, i), [0, 0, 1])) / DEG);
    expect(maxDeg).toBeGreaterThan(0.2);
    expect(maxDeg).toBeLessThan(6);
  });
});

describe("raise and lower", () => {
  it.each(SEEDS)("seed %d: gravity turns 70-90° within 0.4-0.8 s, then holds; the gyro integrates to the truth", (seed) => {
    for (const motion of ["raise", "lower"] as const) {
      const t = motionGenerate({ motion, seconds: 20, seed });
      expect(t.segments.length).toBeGreaterThanOrEqual(4);
      for (const seg of t.segments) {
        const durationMs = seg.endMs - seg.startMs;
        expect(durationMs).toBeGreaterThanOrEqual(400);
        expect(durationMs).toBeLessThanOrEqual(800);
        const i0 = indexAt(t, seg.startMs);
        const i1 = indexAt(t, seg.endMs);
        // Gravity direction from the accelerometer, averaged over still stretches just before and after.
        const meanDir = (from: number, to: number): Vec3 => {
          const sum: Vec3 = [0, 0, 0];
          for (let i = from; i < to; i++) for (let k = 0; k < 3; k++) sum[k]! += accelG(t, i)[k]!;
          return sum;
        };
        const before = meanDir(i0 - 15, i0);
        const after = meanDir(i1, Math.min(t.samples.length, i1 + 15));
        const turnDeg = vecAngle(before, after) / DEG;
        expect(turnDeg).toBeGreaterThanOrEqual(70);
        expect(turnDeg).toBeLessThanOrEqual(90);
        // Still before the segment and still after it (up to posture drift): the turn happens inside it.
        for (let i = Math.max(0, i0 - 30); i < i0 - 2; i++) expect(vecAngle(accelG(t, i), before) / DEG).toBeLessThan(3);
        for (let i = i1 + 2; i < Math.min(t.samples.length, i1 + 60); i++) expect(vecAngle(accelG(t, i), after) / DEG).toBeLessThan(4);
        // The forearm itself turns by about as much.
        const rotationDeg = quatAngleBetween(truthAt(t, i0), truthAt(t, i1)) / DEG;
        expect(rotationDeg).toBeGreaterThanOrEqual(70);
        expect(rotationDeg).toBeLessThanOrEqual(95);
        const peakRate = Math.max(...t.samples.slice(i0, i1).map((_, k) => norm(gyro(t, i0 + k))));
        expect(peakRate).toBeGreaterThan(2);
        const i2 = Math.min(t.samples.length - 1, i1 + 6);
        expect(quatAngleBetween(integrateGyro(t, i0 - 6, i2), truthAt(t, i2)) / DEG).toBeLessThan(3);
      }
    }
  });
});

describe("double-tap", () => {
  /** Runs of samples where the z acceleration departs from its resting value by over `thresholdMps2`. */
  function transients(t: MotionTrack, fromMs: number, toMs: number, thresholdMps2: number) {
    const rest = mean(t.samples.filter((s) => s[0] >= fromMs - 300 && s[0] < fromMs - 50).map((s) => s[6]!));
    const hits = t.samples.filter((s) => s[0] >= fromMs - 50 && s[0] <= toMs + 50 && Math.abs(s[6]! - rest) > thresholdMps2);
    const runs: { startMs: number; endMs: number }[] = [];
    for (const s of hits) {
      const last = runs.at(-1);
      if (last && s[0] - last.endMs < 15) last.endMs = s[0];
      else runs.push({ startMs: s[0], endMs: s[0] });
    }
    return runs;
  }

  it.each(SEEDS)("seed %d: two 10-30 ms transients, 100-400 ms apart, mostly along z, with a small gyro kick", (seed) => {
    const t = motionGenerate({ motion: "double-tap", seconds: 15, seed, rateHz: 1000 });
    expect(t.segments.length).toBeGreaterThanOrEqual(3);
    for (const seg of t.segments) {
      const runs = transients(t, seg.startMs, seg.endMs, 0.6);
      expect(runs).toHaveLength(2);
      const [first, second] = runs as [(typeof runs)[0], (typeof runs)[0]];
      for (const run of runs) {
        expect(run.endMs - run.startMs).toBeGreaterThanOrEqual(10);
        expect(run.endMs - run.startMs).toBeLessThanOrEqual(30);
      }
      expect(second.startMs - first.startMs).toBeGreaterThanOrEqual(100);
      expect(second.startMs - first.startMs).toBeLessThanOrEqual(400);
      const inTap = t.samples.map((_, i) => i).filter((i) => t.samples[i]![0] >= seg.startMs && t.samples[i]![0] <= seg.endMs);
      const peak = (axis: number) => Math.max(...inTap.map((i) => Math.abs(accel(t, i)[axis]!)));
      expect(peak(2)).toBeGreaterThan(2);
      expect(peak(2)).toBeLessThan(8);
      expect(peak(2)).toBeGreaterThan(2 * Math.max(peak(0), peak(1)));
      const kick = Math.max(...inTap.map((i) => norm(gyro(t, i))));
      expect(kick).toBeGreaterThan(0.1);
      expect(kick).toBeLessThan(0.6);
    }
    // In between, the wrist is still.
    const between = t.samples.map((_, i) => i).filter((i) => !t.segments.some((s) => t.samples[i]![0] > s.startMs - 20 && t.samples[i]![0] < s.endMs + 20));
    expect(between.length).toBeGreaterThan(t.samples.length / 2);
    expect(Math.max(...between.map((i) => norm(accel(t, i))))).toBeLessThan(0.3);
  });

  it("is visible at 200 Hz: each tap leaves a sample over 0.5 m/s² (10× the noise)", () => {
    // Point sampling with jitter can land both of a tap's samples near its zero crossings,
    // as it can on a phone; at 200 Hz the larger of them still clears this.
    for (const seed of SEEDS) {
      const t = motionGenerate({ motion: "double-tap", seconds: 15, seed, rateHz: 200 });
      for (const seg of t.segments) expect(transients(t, seg.startMs, seg.endMs, 0.5)).toHaveLength(2);
    }
  });
});

describe("flick", () => {
  it.each(SEEDS)("seed %d: 40-70° out and back within 150-300 ms, peak rate over 3 rad/s", (seed) => {
    const t = motionGenerate({ motion: "flick", seconds: 15, seed, rateHz: 200 });
    expect(t.segments.length).toBeGreaterThanOrEqual(3);
    for (const seg of t.segments) {
      expect(seg.endMs - seg.startMs).toBeGreaterThanOrEqual(150);
      expect(seg.endMs - seg.startMs).toBeLessThanOrEqual(300 + 1e-6);
      const i0 = indexAt(t, seg.startMs);
      const i1 = indexAt(t, seg.endMs);
      const start = truthAt(t, i0);
      let maxDeg = 0;
      let peakRate = 0;
      for (let i = i0; i <= i1; i++) {
        maxDeg = Math.max(maxDeg, quatAngleBetween(start, truthAt(t, i)) / DEG);
        peakRate = Math.max(peakRate, norm(gyro(t, i)));
      }
      expect(maxDeg).toBeGreaterThanOrEqual(38);
      expect(maxDeg).toBeLessThanOrEqual(72);
      expect(peakRate).toBeGreaterThan(3);
      expect(quatAngleBetween(start, truthAt(t, i1)) / DEG).toBeLessThan(3);
    }
  });
});

describe("rhythmic motions", () => {
  it.each(SEEDS)("seed %d walk: arm swing ~1 Hz, steps at twice that", (seed) => {
    const seconds = 12;
    const t = motionGenerate({ motion: "walk", seconds, seed });
    const swingHz = dominantHz(t, busiestAxis(t, gyro));
    expect(swingHz).toBeGreaterThanOrEqual(0.75);
    expect(swingHz).toBeLessThanOrEqual(1.25);
    // Vertical acceleration in the world frame (the truth rotates the accelerometer back).
    const vertical = t.samples.map((_, i) => quatRotateVec(truthAt(t, i), accelG(t, i))[2] - GRAVITY_MPS2);
    expect(Math.abs(dominantHz(t, vertical, 1.5, 2.5) - 2 * swingHz)).toBeLessThan(0.3);
    // Count steps the way a wrist pedometer does: jolts standing out of a 0.2 s moving average.
    const halfWindow = 6;
    const jolts = vertical.map((v, i) => {
      const window = vertical.slice(Math.max(0, i - halfWindow), i + halfWindow + 1);
      return v - mean(window);
    });
    let steps = 0;
    let lastStepMs = -Infinity;
    for (let i = 1; i + 1 < jolts.length; i++) {
      const isPeak = jolts[i]! > 0.8 && jolts[i]! > jolts[i - 1]! && jolts[i]! >= jolts[i + 1]!;
      if (isPeak && t.samples[i]![0] - lastStepMs > 300) {
        steps++;
        lastStepMs = t.samples[i]![0];
      }
    }
    expect(Math.abs(steps / (2 * swingHz * seconds) - 1)).toBeLessThan(0.2);
  });

  it.each(SEEDS)("seed %d scrub: 2-4 Hz back and forth with rotation", (seed) => {
    const t = motionGenerate({ motion: "scrub", seconds: 10, seed });
    const hz = dominantHz(t, busiestAxis(t, accel));
    expect(hz).toBeGreaterThanOrEqual(2);
    expect(hz).toBeLessThanOrEqual(4);
    expect(sd(busiestAxis(t, gyro))).toBeGreaterThan(0.5);
    const magnitudes = t.samples.map((_, i) => norm(accel(t, i)));
    expect(percentile(magnitudes, 0.9)).toBeGreaterThan(2);
    expect(percentile(magnitudes, 0.9)).toBeLessThan(20);
  });

  it.each(SEEDS)("seed %d shake: 4-8 Hz with 10-30 m/s² accelerations", (seed) => {
    const t = motionGenerate({ motion: "shake", seconds: 10, seed });
    const hz = dominantHz(t, busiestAxis(t, accel));
    expect(hz).toBeGreaterThanOrEqual(4);
    expect(hz).toBeLessThanOrEqual(8);
    const magnitudes = t.samples.map((_, i) => norm(accel(t, i)));
    expect(percentile(magnitudes, 0.9)).toBeGreaterThan(8);
    expect(percentile(magnitudes, 0.9)).toBeLessThan(30);
    expect(Math.max(...magnitudes)).toBeGreaterThan(12);
    expect(Math.max(...magnitudes)).toBeLessThan(40);
  });
});
