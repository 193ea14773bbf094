import { quatFromEulerZXY, quatRotateVec, type Quat } from "../math/quat";
import type { Vec3 } from "../math/vec3";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { WanderingOscillator } from "./oscillator";
import { profileMinimumJerk } from "./profiles";
import { SmoothNoise } from "./smooth-noise";

const DEG = Math.PI / 180;
const UPPER_ARM_M = 0.29;

/**
 * Arm swings while standing: the arm hangs from the shoulder and swings like a
 * pendulum at 0.5-0.9 Hz (near its natural rate), ±10-30° about the shoulder, in spells that start and die
 * away over a second or two (waiting, talking with the hands, loosening up), the
 * elbow bent 10-50° and the swing a little diagonal across the body. Walking's swing
 * without its steps, larger and irregular: a negative for gestures that look for big
 * forearm rotations (raise, flick).
 */
export function createSwingMotion(ctx: MotionContext): ArmMotion {
  const rng = ctx.rng("swing");
  const rhythm = new WanderingOscillator(ctx.rng, "swing/rhythm", rng.uniform(0.5, 0.9), 0.6, 0.2, 2.5);
  const spells = new SmoothNoise(ctx.rng("swing/spells"), rng.uniform(1.5, 3));
  const swingRad = rng.uniform(10, 30) * DEG;
  const diagonal = rng.uniform(-0.35, 0.35);
  const elbowFlexRad = rng.uniform(10, 50) * DEG;
  const elbowFlexSwingRad = rng.uniform(0, 15) * DEG;
  const armYawRad = rng.uniform(-10, 10) * DEG;
  const twistRad = (90 - rng.uniform(0, 30)) * DEG;
  const shoulderQuat: Quat = [1, 0, 0, 0];
  const upperArm: Vec3 = [0, 0, -UPPER_ARM_M];
  ctx.emitSegment("swing", 0, ctx.runEndS);

  return {
    armAt(tS, arm) {
      // Noise above ~-0.3 (about 60 % of the time) swings, fading in and out across 0.8 units;
      // the minimum-jerk ramp keeps the envelope C2, so it adds no kinks to the trajectory.
      const envelope = profileMinimumJerk((spells.value(tS) + 0.7) / 0.8);
      const phase = rhythm.phaseAt(tS);
      const swing = swingRad * envelope * rhythm.gainAt(tS) * Math.sin(phase);
      armReset(arm);
      quatFromEulerZXY(armYawRad + diagonal * swing, swing, 0, shoulderQuat);
      quatRotateVec(shoulderQuat, upperArm, arm.elbowM);
      // The forearm lags the upper arm a little, bending more on the forward swing.
      const flex = elbowFlexRad + elbowFlexSwingRad * envelope * Math.sin(phase - 0.4);
      quatFromEulerZXY(armYawRad + diagonal * swing, swing + flex - 90 * DEG, twistRad, arm.forearmQuat);
    },
  };
}
