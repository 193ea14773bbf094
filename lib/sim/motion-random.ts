import { quatFromEulerZXY } from "../math/quat";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { SmoothNoise } from "./smooth-noise";

const DEG = Math.PI / 180;

/**
 * Aimless arm movement (fidgeting, reaching, gesturing, adjusting clothes): the elbow
 * wanders ±5-12 cm and the forearm yaws, lifts and twists by tens of degrees, all as
 * smooth noise, so there is no rhythm or repeated shape to latch on to. How busy the
 * arm is breathes over several seconds, from nearly still to brisk (peak rotation
 * rates of a few rad/s): the catch-all negative for "anything else".
 */
export function createRandomMotion(ctx: MotionContext): ArmMotion {
  const rng = ctx.rng("random");
  const knotSpacingS = rng.uniform(0.35, 0.8);
  const noise = (name: string) => new SmoothNoise(ctx.rng(`random/${name}`), knotSpacingS);
  const elbow = [noise("elbow-x"), noise("elbow-y"), noise("elbow-z")];
  const yaw = noise("yaw");
  const pitch = noise("pitch");
  const twist = noise("twist");
  const activity = new SmoothNoise(ctx.rng("random/activity"), rng.uniform(2, 4));
  const elbowM = rng.uniform(0.05, 0.12);
  const yawRad = rng.uniform(15, 35) * DEG;
  const basePitchRad = rng.uniform(-10, 20) * DEG;
  const pitchRad = rng.uniform(10, 20) * DEG;
  const twistRad = rng.uniform(20, 50) * DEG;
  ctx.emitSegment("random", 0, ctx.runEndS);

  return {
    armAt(tS, arm) {
      // A log-normal gain around 0.6: mostly moderate, sometimes nearly still, sometimes brisk.
      const gain = 0.6 * Math.exp(0.4 * activity.value(tS));
      armReset(arm);
      arm.elbowM[0] = elbowM * gain * elbow[0]!.value(tS);
      arm.elbowM[1] = elbowM * gain * elbow[1]!.value(tS);
      arm.elbowM[2] = elbowM * gain * elbow[2]!.value(tS);
      quatFromEulerZXY(yawRad * gain * yaw.value(tS), basePitchRad + pitchRad * gain * pitch.value(tS), twistRad * gain * twist.value(tS), arm.forearmQuat);
    },
  };
}
