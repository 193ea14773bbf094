import { describe, expect, it } from "vitest";
import { quatConjugate, quatFromAxisAngle, quatMultiply, type Quat } from "@/lib/math/quat";
import { attitudePathSamples, type AttitudeKeyframe } from "@/lib/pose/attitude-path";
import { PoseTracker } from "@/lib/pose/pose-tracker";
import type { Placement, Side } from "@/lib/pose/pose-types";
import { WATCH_TO_DEVICE } from "@/lib/pose/watch-mapping";

const DEG = Math.PI / 180;
const X: [number, number, number] = [1, 0, 0];
const Y: [number, number, number] = [0, 1, 0];
const Z: [number, number, number] = [0, 0, 1];

/**
 * Watch-to-body for a forearm pose in anatomical terms: heading (left positive), raise
 * (hand up positive), and pronation (face toward the midline positive) on `side`.
 */
function watchPose(side: Side, raiseDeg: number, pronationDeg: number, headingDeg = 0): Quat {
  // Twist about the forearm: on the right arm the midline is +y, reached by a negative twist.
  const twist = (side === "right" ? -pronationDeg : pronationDeg) * DEG;
  const q = quatMultiply(quatFromAxisAngle(Z, headingDeg * DEG), quatFromAxisAngle(Y, -raiseDeg * DEG));
  return quatMultiply(q, quatFromAxisAngle(X, twist));
}

/** The phone's device-to-world for that watch pose, the wearer facing `worldHeadingDeg`. */
function phoneQuat(placement: Placement, watchToBody: Quat, worldHeadingDeg: number): Quat {
  const bodyToWorld = quatFromAxisAngle(Z, worldHeadingDeg * DEG);
  const watchToWorld = quatMultiply(bodyToWorld, watchToBody);
  return quatMultiply(watchToWorld, quatConjugate([...WATCH_TO_DEVICE[placement]] as Quat));
}

function track(placement: Placement, side: Side, keyframes: AttitudeKeyframe[]) {
  const tracker = new PoseTracker({ placement, side });
  const samples = attitudePathSamples(keyframes, { rateHz: 60 });
  for (const s of samples) tracker.push(s);
  return tracker;
}

describe("phone-as-watch mapping", () => {
  const cases: [Placement, Side][] = [
    ["strapped", "right"],
    ["strapped", "left"],
    ["held", "right"],
    ["held", "left"],
  ];

  for (const [placement, side] of cases) {
    describe(`${placement}, ${side} arm`, () => {
      const neutral = (raise = 0, pronation = 0) => phoneQuat(placement, watchPose(side, raise, pronation), 37);

      it("forearm horizontal, forward, face up: raise 0, roll 0, heading 0", () => {
        const t = track(placement, side, [{ quat: neutral(), holdS: 1 }]);
        expect(t.angles.raiseDeg).toBeCloseTo(0, 3);
        expect(t.angles.rollDeg).toBeCloseTo(0, 3);
        expect(t.angles.headingDeg).toBeCloseTo(0, 3);
        expect(t.wristPosM[0]).toBeCloseTo(0.26, 4);
        expect(t.wristPosM[1]).toBeCloseTo(0, 4);
        expect(t.wristPosM[2]).toBeCloseTo(0, 4);
      });

      it("forearm raised 80°: raise ≈ 80, roll and heading stay 0", () => {
        const t = track(placement, side, [
          { quat: neutral(), holdS: 1 },
          { quat: neutral(80), moveS: 0.6, holdS: 1.5 },
        ]);
        expect(t.angles.raiseDeg).toBeCloseTo(80, 0);
        expect(Math.abs(t.angles.rollDeg)).toBeLessThan(1);
        expect(Math.abs(t.angles.headingDeg)).toBeLessThan(1);
        expect(t.wristPosM[2]).toBeCloseTo(0.26 * Math.sin(80 * DEG), 2);
      });

      it("supinated 90° (thumb up) reads roll −90; pronated 45° reads +45", () => {
        const sup = track(placement, side, [
          { quat: neutral(), holdS: 1 },
          { quat: neutral(0, -90), moveS: 0.6, holdS: 1.5 },
        ]);
        expect(sup.angles.rollDeg).toBeCloseTo(-90, 0);
        expect(Math.abs(sup.angles.raiseDeg)).toBeLessThan(1);
        const pro = track(placement, side, [
          { quat: neutral(), holdS: 1 },
          { quat: neutral(0, 45), moveS: 0.4, holdS: 1.5 },
        ]);
        expect(pro.angles.rollDeg).toBeCloseTo(45, 0);
      });

      it("turning the forearm 30° toward the wearer's left reads heading +30", () => {
        const t = track(placement, side, [
          { quat: neutral(), holdS: 1 },
          { quat: phoneQuat(placement, watchPose(side, 0, 0, 30), 37), moveS: 0.5, holdS: 0.5 },
        ]);
        expect(t.angles.headingDeg).toBeCloseTo(30, 0);
        expect(t.wristPosM[1]).toBeCloseTo(0.26 * Math.sin(30 * DEG), 2);
      });
    });
  }

  it("held in the palm, screen up, means palm up: roll ±180 on either arm", () => {
    for (const side of ["left", "right"] as const) {
      // Phone flat, screen up, top edge forward: device frame = (right, forward, up).
      const phoneFlat = quatFromAxisAngle(Z, 0);
      const t = track("held", side, [{ quat: phoneFlat, holdS: 1 }]);
      expect(Math.abs(t.angles.rollDeg)).toBeCloseTo(180, 3);
      expect(t.angles.raiseDeg).toBeCloseTo(0, 3);
    }
  });
});
