import { quatFromEulerZXY, quatRotateVec, type Quat } from "../math/quat";
import type { Vec3 } from "../math/vec3";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { WanderingOscillator } from "./oscillator";

const DEG = Math.PI / 180;
const UPPER_ARM_M = 0.29;

/**
 * Walking with the arm hanging and swinging. Body: each step (cadence 1.7-2.1 Hz) lifts
 * and drops the trunk (vertical acceleration 1.2-1.8 m/s² amplitude), surges it forward
 * a little, and sways it sideways once per stride. Arm: hangs from the shoulder with the
 * elbow bent 15-35°, palm to the thigh (screen facing outwards), and swings ±15-25°
 * about the shoulder at half the cadence (~1 Hz), phase-locked to the steps.
 */
export function createWalkMotion(ctx: MotionContext): ArmMotion {
  const rng = ctx.rng("walk");
  const steps = new WanderingOscillator(ctx.rng, "walk/steps", rng.uniform(1.7, 2.1), 0.5, 0.15, 1.5);
  const stepRadPerS = 2 * Math.PI * steps.hz;
  const strideRadPerS = stepRadPerS / 2;
  const bounceM = rng.uniform(1.2, 1.8) / (stepRadPerS * stepRadPerS);
  const surgeM = rng.uniform(0.4, 0.8) / (stepRadPerS * stepRadPerS);
  const swayM = rng.uniform(0.3, 0.6) / (strideRadPerS * strideRadPerS);
  const swingRad = rng.uniform(15, 25) * DEG;
  const swingLagRad = rng.uniform(0, 2 * Math.PI);
  const elbowFlexRad = rng.uniform(15, 35) * DEG;
  const armYawRad = rng.uniform(-10, 5) * DEG;
  // Palm to the thigh is a quarter turn of supination from palm down; some keep the palm a bit backwards.
  const twistRad = (90 - rng.uniform(0, 20)) * DEG;
  const shoulderQuat: Quat = [1, 0, 0, 0];
  const upperArm: Vec3 = [0, 0, -UPPER_ARM_M];
  ctx.emitSegment("walk", 0, ctx.runEndS);

  return {
    armAt(tS, arm) {
      const stepPhase = steps.phaseAt(tS);
      const swing = swingRad * steps.gainAt(tS) * Math.sin(stepPhase / 2 + swingLagRad);
      armReset(arm);
      quatFromEulerZXY(armYawRad, swing, 0, shoulderQuat);
      quatRotateVec(shoulderQuat, upperArm, arm.elbowM);
      arm.elbowM[0] += swayM * Math.sin(stepPhase / 2);
      arm.elbowM[1] += surgeM * Math.sin(stepPhase + 0.5);
      arm.elbowM[2] -= bounceM * Math.cos(stepPhase);
      // The forearm hangs from the elbow: elevation −90° is straight down, the flex brings it forward.
      quatFromEulerZXY(armYawRad, swing + elbowFlexRad - 90 * DEG, twistRad, arm.forearmQuat);
    },
  };
}
