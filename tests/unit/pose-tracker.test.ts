import { describe, expect, it } from "vitest";
import { quatFromAxisAngle, quatFromEulerZXY } from "@/lib/math/quat";
import { attitudePathSamples } from "@/lib/pose/attitude-path";
import { TRAIL_CAPACITY, PoseTracker } from "@/lib/pose/pose-tracker";
import { motionGenerate } from "@/lib/sim/motion-generator";
import type { SampleTuple } from "@/lib/protocol/sample";

const DEG = Math.PI / 180;

describe("PoseTracker", () => {
  it("starts empty: lastTMs NaN, identity pose, empty trail", () => {
    const t = new PoseTracker();
    expect(t.lastTMs).toBeNaN();
    expect(Array.from(t.watchQuat)).toEqual([1, 0, 0, 0]);
    expect(t.trail.length).toBe(0);
    expect(t.atRest).toBe(false);
    expect(t.calibrationState).toBe("none");
    expect(t.settings).toEqual({ placement: "strapped", side: "left" });
  });

  it("keeps ~3 s of wrist positions in the trail, newest equal to wristPosM", () => {
    for (const rateHz of [60, 100, 200]) {
      const t = new PoseTracker();
      const samples = motionGenerate({ motion: "raise", seconds: 8, rateHz, seed: 3 }).samples;
      for (const s of samples) t.push(s);
      expect(t.lastTMs).toBe(samples.at(-1)![0]);
      expect(t.trail.length).toBe(TRAIL_CAPACITY);
      const spanS = (t.trail.latest(0) - t.trail.at(0, 0)) / 1000;
      expect(spanS).toBeGreaterThan(2.5);
      expect(spanS).toBeLessThan(4);
      // Rows are at least 12.5 ms apart: at 60 Hz every sample, so the newest row is the current position.
      expect(t.lastTMs - t.trail.latest(0)).toBeLessThan(12.5);
      if (rateHz === 60) for (let c = 0; c < 3; c++) expect(t.trail.latest(c + 1)).toBe(t.wristPosM[c]);
      expect(Math.hypot(...t.wristPosM)).toBeCloseTo(0.26, 9);
    }
  });

  it("detects rest and estimates the gyro bias on the simulator's idle arm", () => {
    const track = motionGenerate({ motion: "idle", seconds: 40, rateHz: 60, seed: 7 });
    const t = new PoseTracker();
    for (const s of track.samples) t.push(s);
    expect(t.atRest).toBe(true);
    const b = track.gyroBiasRadPerS;
    const e = t.gyroBiasRadPerS;
    expect(Math.hypot(e[0]! - b[0], e[1]! - b[1], e[2]! - b[2])).toBeLessThan(0.2 * Math.hypot(...b));
  });

  it("tilts from the accelerometer alone when the rotation rate is null", () => {
    const raised = quatFromEulerZXY(0, 50 * DEG, 0); // phone's top edge (forearm) 50° up
    const t = new PoseTracker();
    for (const s of attitudePathSamples([{ quat: raised, holdS: 2 }], { rateHz: 60, gyro: false })) t.push(s);
    expect(t.angles.raiseDeg).toBeCloseTo(50, 1);
    expect(t.angles.rollDeg).toBeCloseTo(0, 1);
  });

  it("re-takes tilt from the accelerometer after a gap over 0.5 s, keeping heading", () => {
    const t = new PoseTracker();
    const before = attitudePathSamples([{ quat: quatFromAxisAngle([0, 0, 1], 0), holdS: 1 }], { rateHz: 60 });
    for (const s of before) t.push(s);
    // The phone came back 2 s later lying tilted (no samples while it turned): integrating across would be a guess.
    const after = attitudePathSamples([{ quat: quatFromEulerZXY(0, 30 * DEG, 0), holdS: 0.1 }], { rateHz: 60, startTMs: 3000 });
    t.push(after[0]!);
    expect(t.angles.raiseDeg).toBeCloseTo(30, 3);
    expect(t.angles.headingDeg).toBeCloseTo(0, 3);
    expect(t.lastTMs).toBe(3000);
  });

  it("ignores samples it cannot use (NaN, zero acceleration) and stays finite", () => {
    const t = new PoseTracker();
    const good: SampleTuple = [0, 0, 0, 9.81, null, null, null, 0, 0, 0, null, null, null];
    t.push(good);
    t.push([16, NaN, 0, 9.81, null, null, null, 0, 0, 0, null, null, null]);
    t.push([32, 0, 0, 0, null, null, null, 0, 0, 0, null, null, null]);
    t.push([48, 0, 0, 9.81, null, null, null, NaN, 0, 0, null, null, null]);
    expect(Array.from(t.watchQuat).every(Number.isFinite)).toBe(true);
    expect(t.angles.raiseDeg).toBeCloseTo(0, 6);
  });

  it("reset() forgets the attitude, calibration and trail but keeps the settings", () => {
    const t = new PoseTracker({ side: "right" });
    for (const s of motionGenerate({ motion: "idle", seconds: 3, rateHz: 60, seed: 1 }).samples) t.push(s);
    t.calibrate();
    t.reset();
    expect(t.lastTMs).toBeNaN();
    expect(t.trail.length).toBe(0);
    expect(t.calibrationState).toBe("none");
    expect(Array.from(t.watchQuat)).toEqual([1, 0, 0, 0]);
    expect(Array.from(t.gyroBiasRadPerS)).toEqual([0, 0, 0]);
    expect(t.settings.side).toBe("right");
  });
});
