import { quatFromEulerZXY, quatRotateVec, type Quat } from "../math/quat";
import type { Vec3 } from "../math/vec3";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { WanderingOscillator } from "./oscillator";
import { BUMP_PEAK_CURVATURE, profileBump } from "./profiles";

const DEG = Math.PI / 180;
const UPPER_ARM_M = 0.29;

/**
 * Walking with the arm hanging and swinging. Body: each step (cadence 1.7-2.1 Hz) lifts
 * and drops the trunk (vertical acceleration 1.2-1.8 m/s² amplitude), surges it forward
 * a little, and sways it sideways once per stride. Arm: hangs from the shoulder with the
 * elbow bent 15-35°, palm to the thigh (screen facing outwards), and swings ±15-25°
 * about the shoulder at half the cadence (~1 Hz), reaching its extremes at heel strike
 * as in normal gait. Each heel strike also sends a short jolt (60-90 ms, 1.5-3 m/s²) up
 * the body: the smooth 2 Hz bounce partly cancels at the wrist against the swing's own
 * 2 Hz term (a pendulum's wrist is highest, decelerating, at its extremes), and it is
 * these jolts that make steps countable from a wrist.
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
  const swingLagRad = Math.PI / 2 + rng.uniform(-0.25, 0.25);
  const joltS = rng.uniform(0.06, 0.09);
  const joltM = (rng.uniform(1.5, 3) * joltS * joltS) / BUMP_PEAK_CURVATURE;
  // The jolt as a share of the step cycle, so that it can ride on the wandering phase.
  const joltCycles = joltS * steps.hz;
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
      // Heel strike at stepPhase ≡ 0, where the bounce accelerates the trunk upwards.
      const cycle = stepPhase / (2 * Math.PI);
      arm.elbowM[2] -= bounceM * Math.cos(stepPhase) + joltM * profileBump((cycle - Math.floor(cycle) + joltCycles / 2) % 1 / joltCycles);
      // The forearm hangs from the elbow: elevation −90° is straight down, the flex brings it forward.
      quatFromEulerZXY(armYawRad, swing + elbowFlexRad - 90 * DEG, twistRad, arm.forearmQuat);
    },
  };
}
