import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AttitudeFilter } from "@/lib/pose/attitude-filter";
import { PoseTracker } from "@/lib/pose/pose-tracker";
import { replayCsvParse } from "@/lib/sim/replay-csv";

/**
 * Real smartwatch recordings (tests/fixtures/SOURCE.txt: sp-sw-har dataset, subject s01,
 * a wrist-worn Android watch at ~104 Hz: sit, stand up, walk, turn, walk, turn, sit
 * down, sit). No ground truth, so two checks:
 * - sanity over every sample: never NaN, the quaternion always unit;
 * - at rest, the estimated gravity direction agrees with the low-passed accelerometer
 *   (EMA, τ = 0.5 s, causal). "At rest" = inside a SEATED interval of the dataset's
 *   labels (tests/fixtures/smartwatch-har-s01-seated.json, taken from its label
 *   column), at least 0.5 s after it starts (labels mark activities, and the arm is
 *   still settling after sitting down), with |rotation rate| < 0.15 rad/s over the last
 *   0.5 s. At rest the low-passed accelerometer is gravity; the filter's estimate must
 *   have come back to it after ~10 s of walking and turning with an unknown gyro bias.
 */
const FIXTURES = new URL("../fixtures/", import.meta.url);
const seated = JSON.parse(readFileSync(new URL("smartwatch-har-s01-seated.json", FIXTURES), "utf8")) as Record<string, [number, number][]>;
const RAD_TO_DEG = 180 / Math.PI;
const LOWPASS_S = 0.5;
const STILL_WINDOW_MS = 500;
const STILL_RATE_RAD_PER_S = 0.15;

function load(name: string) {
  return replayCsvParse(readFileSync(new URL(name, FIXTURES), "utf8"), name);
}

describe("fusion on real wrist data", () => {
  for (const name of Object.keys(seated)) {
    it(`${name}: gravity within 5° of the low-passed accelerometer at rest`, () => {
      const samples = load(name);
      const filter = new AttitudeFilter();
      const lp = [samples[0]![1], samples[0]![2], samples[0]![3]];
      let prevT = samples[0]![0];
      let lastMovingTMs = -Infinity;
      let restSamples = 0;
      let maxErrDeg = 0;
      for (const s of samples) {
        filter.update(s[0], s[1], s[2], s[3], s[7], s[8], s[9]);
        const alpha = 1 - Math.exp(-(s[0] - prevT) / 1000 / LOWPASS_S);
        prevT = s[0];
        for (let k = 0; k < 3; k++) lp[k] = lp[k]! + alpha * (s[1 + k]! - lp[k]!);
        if (Math.hypot(s[7]!, s[8]!, s[9]!) >= STILL_RATE_RAD_PER_S) lastMovingTMs = s[0];
        const inSeated = seated[name]!.some(([a, b]) => s[0] >= a + 500 && s[0] <= b);
        if (!inSeated || s[0] - lastMovingTMs < STILL_WINDOW_MS) continue;
        const q = filter.quat;
        // Estimated up in the device frame vs the low-passed specific force.
        const up = [2 * (q[1] * q[3] - q[0] * q[2]), 2 * (q[2] * q[3] + q[0] * q[1]), 1 - 2 * (q[1] * q[1] + q[2] * q[2])];
        const cos = (up[0]! * lp[0]! + up[1]! * lp[1]! + up[2]! * lp[2]!) / Math.hypot(lp[0]!, lp[1]!, lp[2]!);
        maxErrDeg = Math.max(maxErrDeg, Math.acos(Math.min(1, cos)) * RAD_TO_DEG);
        restSamples++;
      }
      console.log(`${name}: ${restSamples} rest samples, max gravity error ${maxErrDeg.toFixed(2)}°`);
      expect(restSamples).toBeGreaterThan(20);
      expect(maxErrDeg).toBeLessThan(5);
    });

    it(`${name}: PoseTracker never NaN, quaternion always unit`, () => {
      const tracker = new PoseTracker({ placement: "strapped", side: "left" });
      let maxUnitError = 0;
      let finite = true;
      for (const s of load(name)) {
        tracker.push(s);
        const q = tracker.watchQuat;
        maxUnitError = Math.max(maxUnitError, Math.abs(Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!) - 1));
        const a = tracker.angles;
        finite &&= [...q, a.raiseDeg, a.rollDeg, a.headingDeg, ...tracker.wristPosM, ...tracker.gyroBiasRadPerS].every(Number.isFinite);
      }
      expect(finite).toBe(true);
      expect(maxUnitError).toBeLessThan(1e-6);
    });
  }
});
