import { quatFromEulerZXY } from "../math/quat";
import { vecScale, type Vec3 } from "../math/vec3";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { GestureSchedule, type ScheduledGesture } from "./gesture-schedule";
import { profileMinimumJerk } from "./profiles";
import type { Rng } from "./prng";

const DEG = Math.PI / 180;

/**
 * Where the wrist ends up at the mouth (raise-to-speak). Elevation and twist are
 * drawn so that the screen normal turns by acos(cos pitch · cos roll) = 72-83° relative
 * to gravity; the yaw (hand towards the midline) does not change it.
 */
interface RaisedPose {
  yawRad: number;
  pitchRad: number;
  /** Negative: pronation, the screen turning towards the face. */
  rollRad: number;
  /** The shoulder flexes a little too: the elbow comes forward and up. */
  elbowM: Vec3;
}

interface RaiseGesture extends ScheduledGesture {
  fromLevel: number;
  toLevel: number;
  pose: RaisedPose;
}

function drawRaisedPose(rng: Rng): RaisedPose {
  return {
    yawRad: rng.uniform(10, 25) * DEG,
    pitchRad: rng.uniform(72, 82) * DEG,
    rollRad: -rng.uniform(10, 25) * DEG,
    elbowM: [rng.uniform(-0.03, 0), rng.uniform(0.02, 0.06), rng.uniform(0.02, 0.06)],
  };
}

/**
 * `raise` and `lower` share one model: the arm alternates between resting (forearm
 * horizontal) and raised to the mouth, with a minimum-jerk transition of 0.45-0.75 s
 * and a 1.8-3.5 s hold in between. `raise` starts down, so its first gesture is a raise;
 * `lower` starts raised. Each transition is labelled with its own direction, so a raise
 * run carries both labels, alternating.
 */
export function createRaiseLowerMotion(ctx: MotionContext, startRaised: boolean): ArmMotion {
  const initialPose = drawRaisedPose(ctx.rng("raise/initial-pose"));
  let raised = startRaised;
  let pose = initialPose;
  const schedule = new GestureSchedule<RaiseGesture>(
    ctx.rng("raise/schedule"),
    ctx.runEndS,
    (rng, startS) => {
      if (!raised) pose = drawRaisedPose(rng);
      const gesture = { startS, endS: startS + rng.uniform(0.45, 0.75), fromLevel: raised ? 1 : 0, toLevel: raised ? 0 : 1, pose };
      raised = !raised;
      return gesture;
    },
    (g) => ctx.emitSegment(g.toLevel === 1 ? "raise" : "lower", g.startS, g.endS),
  );

  return {
    armAt(tS, arm) {
      const g = schedule.latest(tS);
      let level = startRaised ? 1 : 0;
      let p = initialPose;
      if (g) {
        const progress = profileMinimumJerk((tS - g.startS) / (g.endS - g.startS));
        level = g.fromLevel + (g.toLevel - g.fromLevel) * progress;
        p = g.pose;
      }
      armReset(arm);
      quatFromEulerZXY(level * p.yawRad, level * p.pitchRad, level * p.rollRad, arm.forearmQuat);
      vecScale(p.elbowM, level, arm.elbowM);
    },
  };
}
