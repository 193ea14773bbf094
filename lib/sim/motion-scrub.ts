import { quatFromEulerZXY } from "../math/quat";
import { vecScale, type Vec3 } from "../math/vec3";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { WanderingOscillator } from "./oscillator";
import { SmoothNoise } from "./smooth-noise";

const DEG = Math.PI / 180;

/**
 * One way of rubbing the hands, as a pattern per oscillation cycle: how far the elbow
 * travels (m, body frame) and how much the forearm yaws and twists (rad), each with its
 * own phase lag so the path is a loop rather than a line.
 */
interface ScrubMode {
  travelM: Vec3;
  travelLagRad: number;
  yawRad: number;
  twistRad: number;
  rotationLagRad: number;
}

/**
 * Handwashing: both hands together in front of the chest (right forearm yawed inwards,
 * raised a little, twisted so the palm faces the other hand), rubbing at 2.4-3.4 Hz with
 * a few cm of travel and 5-20° of rotation. Irregular like the real thing: the rhythm
 * wanders, the strength breathes, and the weight slides between three strokes (palm on
 * palm along the forearm, backs of the hands with more twist, interlaced fingers side to
 * side) over a couple of seconds. A slight second harmonic (a third of the fundamental
 * in acceleration) makes the strokes non-sinusoidal.
 */
export function createScrubMotion(ctx: MotionContext): ArmMotion {
  const rng = ctx.rng("scrub");
  const baseYawRad = rng.uniform(25, 40) * DEG;
  const basePitchRad = rng.uniform(5, 20) * DEG;
  const baseTwistRad = rng.uniform(55, 80) * DEG;
  const forward: Vec3 = [-Math.sin(baseYawRad), Math.cos(baseYawRad), 0];
  const modes: ScrubMode[] = [
    {
      travelM: vecScale(forward, rng.uniform(0.015, 0.03)),
      travelLagRad: 0,
      yawRad: rng.uniform(2, 5) * DEG,
      twistRad: rng.uniform(3, 8) * DEG,
      rotationLagRad: rng.uniform(0.5, 1.5),
    },
    {
      travelM: [0, 0, rng.uniform(0.01, 0.02)],
      travelLagRad: rng.uniform(-0.5, 0.5),
      yawRad: rng.uniform(1, 3) * DEG,
      twistRad: rng.uniform(12, 20) * DEG,
      rotationLagRad: rng.uniform(0.5, 1.5),
    },
    {
      travelM: [rng.uniform(0.012, 0.025), 0, 0],
      travelLagRad: 0,
      yawRad: rng.uniform(3, 6) * DEG,
      twistRad: rng.uniform(3, 8) * DEG,
      rotationLagRad: rng.uniform(-1.5, -0.5),
    },
  ];
  const rhythm = new WanderingOscillator(ctx.rng, "scrub/rhythm", rng.uniform(2.4, 3.4), 1.2, 0.25, 0.7);
  const modeWeights = modes.map((_, i) => new SmoothNoise(ctx.rng(`scrub/mode${i}`), 1.5));
  const harmonicLagRad = rng.uniform(0, 2 * Math.PI);
  const weights = [0, 0, 0];
  ctx.emitSegment("scrub", 0, ctx.runEndS);

  return {
    armAt(tS, arm) {
      const phase = rhythm.phaseAt(tS);
      const gain = rhythm.gainAt(tS);
      let total = 0;
      for (let i = 0; i < modes.length; i++) {
        weights[i] = Math.exp(1.5 * modeWeights[i]!.value(tS));
        total += weights[i]!;
      }
      armReset(arm);
      let yaw = baseYawRad;
      let twist = baseTwistRad;
      const harmonic = 0.08 * Math.sin(2 * phase + harmonicLagRad);
      for (let i = 0; i < modes.length; i++) {
        const m = modes[i]!;
        const w = (gain * weights[i]!) / total;
        const travel = w * (Math.sin(phase + m.travelLagRad) + harmonic);
        const turn = w * Math.sin(phase + m.rotationLagRad);
        arm.elbowM[0] += m.travelM[0] * travel;
        arm.elbowM[1] += m.travelM[1] * travel;
        arm.elbowM[2] += m.travelM[2] * travel;
        yaw += m.yawRad * turn;
        twist += m.twistRad * turn;
      }
      quatFromEulerZXY(yaw, basePitchRad, twist, arm.forearmQuat);
    },
  };
}
