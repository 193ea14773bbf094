import { describe, expect, it } from "vitest";
import { AttitudeFilter } from "@/lib/pose/attitude-filter";
import { angleDiffRad, headingOffsetRad, orientationErrorRad, tiltErrorRad } from "@/lib/pose/attitude-error";
import { motionGenerate, type MotionName } from "@/lib/sim/motion-generator";
import type { SampleTuple } from "@/lib/protocol/sample";

/**
 * The fusion against the simulator's truth (its sensor noise, ±1.5 ms jitter, constant
 * gyro bias, arm sway and mounting offset included). Error definitions, in
 * lib/pose/attitude-error.ts:
 * - tilt error: angle between estimated and true gravity direction in the device frame;
 * - orientation error: rotation angle between estimated and true device-to-world after
 *   turning the estimate about the vertical by the heading offset measured at the FIRST
 *   sample (so heading drift since then counts in full);
 * - heading drift: the heading offset's change (unwrapped) from the first to the last
 *   sample, per minute.
 */
const RAD_TO_DEG = 180 / Math.PI;

interface RunStats {
  tiltMaxDeg: number;
  orientationRmsDeg: number;
  headingDriftDegPerMin: number;
  biasRelError: number;
  restShare: number;
  maxUnitError: number;
}

function evaluate(motion: MotionName, seconds: number, seed: number, opts: { settleS?: number; thin?: (i: number) => boolean } = {}): RunStats {
  const { settleS = 2, thin } = opts;
  const track = motionGenerate({ motion, seconds, rateHz: 60, seed });
  const filter = new AttitudeFilter();
  const t0 = track.samples[0]![0];
  let offset0 = NaN;
  let heading = 0;
  let lastOffset = 0;
  let tiltMax = 0;
  let sumSq = 0;
  let n = 0;
  let rest = 0;
  let used = 0;
  let maxUnitError = 0;
  for (let i = 0; i < track.samples.length; i++) {
    if (thin && !thin(i)) continue;
    const s: SampleTuple = track.samples[i]!;
    filter.update(s[0], s[1], s[2], s[3], s[7], s[8], s[9]);
    const q = filter.quat;
    const truth = track.truthQuat.subarray(4 * i, 4 * i + 4);
    const offset = headingOffsetRad(q, truth);
    if (Number.isNaN(offset0)) offset0 = lastOffset = offset;
    heading += angleDiffRad(offset, lastOffset);
    lastOffset = offset;
    used++;
    if (filter.atRest) rest++;
    maxUnitError = Math.max(maxUnitError, Math.abs(Math.hypot(q[0], q[1], q[2], q[3]) - 1));
    if (s[0] - t0 < settleS * 1000) continue;
    tiltMax = Math.max(tiltMax, tiltErrorRad(q, truth) * RAD_TO_DEG);
    const e = orientationErrorRad(q, truth, offset0) * RAD_TO_DEG;
    sumSq += e * e;
    n++;
  }
  const b = filter.gyroBiasRadPerS;
  const tb = track.gyroBiasRadPerS;
  return {
    tiltMaxDeg: tiltMax,
    orientationRmsDeg: Math.sqrt(sumSq / n),
    headingDriftDegPerMin: (heading * RAD_TO_DEG * 60) / seconds,
    biasRelError: Math.hypot(b[0]! - tb[0], b[1]! - tb[1], b[2]! - tb[2]) / Math.hypot(...tb),
    restShare: rest / used,
    maxUnitError,
  };
}

const SEEDS = [1, 2, 3, 4, 5];
const fmt = (v: number) => v.toFixed(2).padStart(7);

describe("attitude filter vs simulator truth", () => {
  it("idle: static tilt error under 1° once converged (after 2 s)", () => {
    const rows: string[] = [];
    for (const seed of SEEDS) {
      const r = evaluate("idle", 30, seed);
      rows.push(`seed ${seed}: tilt max ${fmt(r.tiltMaxDeg)}°`);
      expect(r.tiltMaxDeg).toBeLessThan(1);
      expect(r.maxUnitError).toBeLessThan(1e-6);
    }
    console.log(`idle, 30 s runs at 60 Hz:\n  ${rows.join("\n  ")}`);
  });

  it("raise: RMS orientation error under 3° (heading aligned once at the start)", () => {
    const rows: string[] = [];
    for (const seed of SEEDS) {
      const r = evaluate("raise", 20, seed, { settleS: 0 });
      rows.push(`seed ${seed}: RMS ${fmt(r.orientationRmsDeg)}°  tilt max ${fmt(r.tiltMaxDeg)}°`);
      expect(r.orientationRmsDeg).toBeLessThan(3);
      expect(r.tiltMaxDeg).toBeLessThan(4);
    }
    console.log(`raise, 20 s runs at 60 Hz:\n  ${rows.join("\n  ")}`);
  });

  it("raise with irregular sample intervals (random 40% dropped: 17-80 ms steps) stays under 3° RMS", () => {
    let x = 12345;
    const keep = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648 > 0.4);
    for (const seed of SEEDS.slice(0, 3)) {
      expect(evaluate("raise", 20, seed, { settleS: 0, thin: keep }).orientationRmsDeg).toBeLessThan(3);
    }
  });

  it("bias estimate converges to the generator's bias at rest within 20%", () => {
    for (const seed of SEEDS) {
      expect(evaluate("idle", 60, seed).biasRelError).toBeLessThan(0.2);
    }
  });

  it("heading drift per minute (reported; no magnetometer)", () => {
    const rows: string[] = [];
    const drifts: Record<string, number[]> = {};
    for (const motion of ["idle", "raise", "double-tap", "flick"] as const) {
      drifts[motion] = [];
      for (const seed of SEEDS) {
        const r = evaluate(motion, 120, seed);
        drifts[motion].push(r.headingDriftDegPerMin);
        rows.push(`${motion.padEnd(10)} seed ${seed}: ${fmt(r.headingDriftDegPerMin)} °/min  (at rest ${(100 * r.restShare).toFixed(0)}%, bias error ${(100 * r.biasRelError).toFixed(0)}%)`);
      }
    }
    console.log(`heading drift over 120 s runs:\n  ${rows.join("\n  ")}`);
    for (const d of drifts.idle!) expect(Math.abs(d)).toBeLessThan(5);
    for (const motion of ["raise", "double-tap", "flick"]) for (const d of drifts[motion]!) expect(Math.abs(d)).toBeLessThan(20);
  });
});
