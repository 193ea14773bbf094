import { quatFromRotationVector } from "../math/quat";
import { vecSet, type Vec3 } from "../math/vec3";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { drawTap, type Tap } from "./motion-double-tap";
import { GestureSchedule, type ScheduledGesture } from "./gesture-schedule";
import { profileBump } from "./profiles";

interface SingleTap extends ScheduledGesture {
  tap: Tap;
}

/**
 * One finger tap on the watch, every few seconds on a resting arm: the same tap as
 * each half of a double tap, alone. People tap a watch once to wake it or dismiss
 * something, so this is the negative a double-tap detector most needs to see.
 */
export function createTapMotion(ctx: MotionContext): ArmMotion {
  const schedule = new GestureSchedule<SingleTap>(
    ctx.rng("tap/schedule"),
    ctx.runEndS,
    (rng, startS) => {
      const tap = drawTap(rng, startS);
      return { startS, endS: startS + tap.widthS, tap };
    },
    (g) => ctx.emitSegment("tap", g.startS, g.endS),
  );
  const rock: Vec3 = [0, 0, 0];

  return {
    armAt(tS, arm) {
      armReset(arm);
      const g = schedule.latest(tS);
      if (!g) return;
      const b = profileBump((tS - g.startS) / g.tap.widthS);
      if (b === 0) return;
      const { depthM, directionUnit, kickRad } = g.tap;
      vecSet(arm.strapOffsetM, directionUnit[0] * depthM * b, directionUnit[1] * depthM * b, directionUnit[2] * depthM * b);
      vecSet(rock, kickRad[0] * b, kickRad[1] * b, kickRad[2] * b);
      quatFromRotationVector(rock, arm.strapQuat);
    },
  };
}
