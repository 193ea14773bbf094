import { describe, expect, it } from "vitest";
import { quatFromEulerZXY, quatRotateVec, type Quat } from "@/lib/math/quat";
import { quatFromUnitVectors } from "@/lib/math/quat-arc";
import { vecNormalize, type Vec3 } from "@/lib/math/vec3";
import { AttitudeFilter } from "@/lib/pose/attitude-filter";
import { tiltErrorRad } from "@/lib/pose/attitude-error";
import { attitudePathSamples } from "@/lib/pose/attitude-path";
import { GyroBiasEstimator } from "@/lib/pose/gyro-bias-estimator";
import { F_DT_S, F_GX, F_GY, F_GZ, F_UP_X, F_UP_Y, F_UP_Z, motionFrameCreate, F_AX, F_AY, F_AZ } from "@/lib/pose/motion-frame";
import { RestDetector } from "@/lib/pose/rest-detector";
import { prng } from "./seeded-random";

const DEG = Math.PI / 180;

function frame(dtS: number, a: Vec3, g: Vec3 | null, up: Vec3 = [0, 0, 1]): Float64Array {
  const f = motionFrameCreate();
  f[F_DT_S] = dtS;
  [f[F_AX], f[F_AY], f[F_AZ]] = a;
  [f[F_GX], f[F_GY], f[F_GZ]] = g ?? [NaN, NaN, NaN];
  [f[F_UP_X], f[F_UP_Y], f[F_UP_Z]] = up;
  return f;
}

describe("quatFromUnitVectors", () => {
  it("turns `from` onto `to`, also for (nearly) opposite vectors", () => {
    const rand = prng(5);
    const r = () => vecNormalize([rand() - 0.5, rand() - 0.5, rand() - 0.5]);
    const cases: [Vec3, Vec3][] = Array.from({ length: 50 }, () => [r(), r()]);
    const v = r();
    cases.push([v, [-v[0], -v[1], -v[2]]], [[1, 0, 0], [-1, 0, 0]], [[0, 0, 1], [0, 0, -1]]);
    for (const [from, to] of cases) {
      const q = quatFromUnitVectors(from, to);
      expect(Math.hypot(...q)).toBeCloseTo(1, 12);
      const got = quatRotateVec(q, from);
      for (let i = 0; i < 3; i++) expect(got[i]).toBeCloseTo(to[i]!, 9);
    }
  });
});

describe("RestDetector", () => {
  const still = (i: number): Vec3 => [0.02 * Math.sin(i), 0.02 * Math.cos(i), 9.81];
  it("declares rest after minStillS of quiet samples, and a jolt ends it", () => {
    const r = new RestDetector();
    const bias = new Float64Array(3);
    let restAt = NaN;
    for (let i = 0; i < 60; i++) if (r.update(frame(0.01, still(i), [0.003, -0.002, 0.001]), bias) && Number.isNaN(restAt)) restAt = i;
    expect(restAt * 0.01).toBeGreaterThanOrEqual(0.39);
    expect(restAt * 0.01).toBeLessThan(0.45);
    expect(r.update(frame(0.01, [3, 0, 9.81], [0, 0, 0]), bias)).toBe(false);
  });

  it("does not take a slow steady turn for rest, and judges accelerometer-only devices on acceleration", () => {
    const r = new RestDetector();
    const bias = new Float64Array(3);
    for (let i = 0; i < 200; i++) r.update(frame(0.01, still(i), [0.2, 0, 0]), bias);
    expect(r.atRest).toBe(false);
    const a = new RestDetector();
    for (let i = 0; i < 100; i++) a.update(frame(0.01, still(i), null), bias);
    expect(a.atRest).toBe(true);
  });
});

describe("GyroBiasEstimator", () => {
  it("returns the mean rate over rest windows", () => {
    const b = new GyroBiasEstimator();
    const bias: Vec3 = [0.004, -0.007, 0.002];
    for (let i = 0; i < 1500; i++) b.update(frame(0.01, [0, 0, 9.81], bias), true);
    for (let k = 0; k < 3; k++) expect(b.biasRadPerS[k]).toBeCloseTo(bias[k]!, 6);
    expect(b.supportS).toBeGreaterThan(10);
  });

  it("subtracts the tilt the up vector shows was really made (a resting arm's sway)", () => {
    const b = new GyroBiasEstimator();
    const bias: Vec3 = [0.004, -0.007, 0.002];
    // A real slow rotation about the device x axis, 0.02 rad/s, seen by the gyro and in the up vector.
    const rate = 0.02;
    for (let i = 0; i < 1500; i++) {
      const angle = rate * i * 0.01;
      const up: Vec3 = [0, Math.sin(angle), Math.cos(angle)];
      b.update(frame(0.01, [0, 0, 9.81], [bias[0] + rate, bias[1], bias[2]], up), true);
    }
    for (let k = 0; k < 3; k++) expect(b.biasRadPerS[k]).toBeCloseTo(bias[k]!, 4);
  });

  it("drops windows shorter than minWindowS", () => {
    const b = new GyroBiasEstimator();
    for (let i = 0; i < 30; i++) b.update(frame(0.01, [0, 0, 9.81], [0.01, 0, 0]), true);
    b.update(frame(0.01, [0, 0, 9.81], [0.01, 0, 0]), false);
    expect(b.supportS).toBe(0);
    expect(Array.from(b.biasRadPerS)).toEqual([0, 0, 0]);
  });
});

describe("AttitudeFilter behaviour", () => {
  const tilted: Quat = quatFromEulerZXY(0.3, 20 * DEG, -10 * DEG);

  it("initialises tilt from the first accelerometer sample", () => {
    const f = new AttitudeFilter();
    const [s] = attitudePathSamples([{ quat: tilted, holdS: 0.1 }], { rateHz: 60 });
    f.updateSample(s!);
    expect(tiltErrorRad(f.quat, tilted)).toBeLessThan(1e-9);
  });

  it("distrusts the accelerometer when |a| is far from g: a 0.3 s sideways shove barely tilts the estimate", () => {
    const run = (trustWidthG: number) => {
      const f = new AttitudeFilter({ accelTrustWidthG: trustWidthG, slowGainRadPerS: 0 });
      let worst = 0;
      for (const s of attitudePathSamples([{ quat: tilted, holdS: 3 }], { rateHz: 100 })) {
        const t = s[0] / 1000;
        // 6 m/s² along device x for 0.3 s, from t = 2 s: no rotation, so the gyro says still.
        if (t >= 2 && t < 2.3) s[1] += 6;
        f.updateSample(s);
        worst = Math.max(worst, tiltErrorRad(f.quat, tilted));
      }
      return worst / DEG;
    };
    const trusting = run(100);
    const distrusting = run(0.15);
    expect(trusting).toBeGreaterThan(10);
    expect(distrusting).toBeLessThan(0.5);
  });

  it("restarts on a clock that goes back and ignores a repeated timestamp", () => {
    const f = new AttitudeFilter();
    const samples = attitudePathSamples([{ quat: tilted, holdS: 1 }], { rateHz: 60, startTMs: 10_000 });
    for (const s of samples) f.updateSample(s);
    const last = samples.at(-1)!;
    f.updateSample(last);
    expect(f.lastSampleTMs).toBe(last[0]);
    const back = attitudePathSamples([{ quat: quatFromEulerZXY(0, 0, 0), holdS: 0.1 }], { rateHz: 60, startTMs: 0 });
    f.updateSample(back[0]!);
    expect(f.lastSampleTMs).toBe(0);
    expect(tiltErrorRad(f.quat, [1, 0, 0, 0])).toBeLessThan(1e-9);
  });
});
