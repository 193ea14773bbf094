import { quatFromEulerZXY } from "../math/quat";
import { vecNormalize, type Vec3 } from "../math/vec3";
import { armReset, FOREARM_LENGTH_M, type ArmMotion, type MotionContext } from "./arm";
import { WanderingOscillator } from "./oscillator";

const DEG = Math.PI / 180;

/**
 * Vigorous shaking at 4.5-7 Hz with the forearm roughly horizontal, as when shaking a
 * bottle. The wrist travels ±1-2.5 cm: part of it the forearm hinging at the elbow
 * (elevation), part the elbow itself moving (in phase with the hinge, up-down and
 * sideways), giving 10-16 m/s² of translational acceleration; on top, the forearm
 * twists ±6-14° with a phase lag, which at the device's height above the forearm's
 * axis adds several m/s² more and makes the gyro swing at several rad/s.
 */
export function createShakeMotion(ctx: MotionContext): ArmMotion {
  const rng = ctx.rng("shake");
  const rhythm = new WanderingOscillator(ctx.rng, "shake/rhythm", rng.uniform(4.5, 7), 0.6, 0.12, 0.6);
  const radPerS = 2 * Math.PI * rhythm.hz;
  const travelM = rng.uniform(10, 16) / (radPerS * radPerS);
  const hingeShare = rng.uniform(0.4, 0.7);
  const hingeRad = (hingeShare * travelM) / FOREARM_LENGTH_M;
  // Upper half-plane only: an elbow moving against the hinge would cancel the stroke.
  const elbowAngle = rng.uniform(20, 160) * DEG;
  const elbowTravel: Vec3 = vecNormalize([Math.cos(elbowAngle), rng.uniform(-0.3, 0.3), Math.sin(elbowAngle)]);
  const elbowTravelM = (1 - hingeShare) * travelM;
  const twistRad = rng.uniform(6, 14) * DEG;
  const twistLagRad = rng.uniform(0.5, 1.5);
  const basePitchRad = rng.uniform(-5, 15) * DEG;
  const harmonicLagRad = rng.uniform(0, 2 * Math.PI);
  ctx.emitSegment("shake", 0, ctx.runEndS);

  return {
    armAt(tS, arm) {
      const phase = rhythm.phaseAt(tS);
      const gain = rhythm.gainAt(tS);
      // A jerkier stroke than a sine: shaking reverses hard at the ends.
      const stroke = gain * (Math.sin(phase) + 0.04 * Math.sin(3 * phase + harmonicLagRad));
      armReset(arm);
      const e = elbowTravelM * stroke;
      arm.elbowM[0] = elbowTravel[0] * e;
      arm.elbowM[1] = elbowTravel[1] * e;
      arm.elbowM[2] = elbowTravel[2] * e;
      quatFromEulerZXY(0, basePitchRad + hingeRad * stroke, twistRad * gain * Math.sin(phase - twistLagRad), arm.forearmQuat);
    },
  };
}
