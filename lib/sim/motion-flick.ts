import { quatFromEulerZXY } from "../math/quat";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { GestureSchedule, type ScheduledGesture } from "./gesture-schedule";
import { BUMP_PEAK_SLOPE, profileBump } from "./profiles";

const DEG = Math.PI / 180;

interface Flick extends ScheduledGesture {
  /** Peak twist about the forearm, signed: positive supinates first. */
  twistRad: number;
  /** The forearm rarely twists cleanly: a little elevation rides along. */
  elevationRad: number;
}

/**
 * A quick twist of the forearm (pronation/supination; a watch does not see wrist
 * flexion) of 40-70° out and back as one `profileBump`. The peak rate 6-12 rad/s sets
 * the duration, clamped to 150-300 ms.
 */
export function createFlickMotion(ctx: MotionContext): ArmMotion {
  const schedule = new GestureSchedule<Flick>(
    ctx.rng("flick/schedule"),
    ctx.runEndS,
    (rng, startS) => {
      const amplitudeRad = rng.uniform(40, 70) * DEG;
      const peakRateRadPerS = rng.uniform(6, 12);
      const durationS = Math.min(0.3, Math.max(0.15, (amplitudeRad * BUMP_PEAK_SLOPE) / peakRateRadPerS));
      return {
        startS,
        endS: startS + durationS,
        twistRad: rng.sign() * amplitudeRad,
        elevationRad: rng.uniform(-0.05, 0.05) * amplitudeRad,
      };
    },
    (g) => ctx.emitSegment("flick", g.startS, g.endS),
  );

  return {
    armAt(tS, arm) {
      armReset(arm);
      const g = schedule.latest(tS);
      if (!g) return;
      const b = profileBump((tS - g.startS) / (g.endS - g.startS));
      quatFromEulerZXY(0, g.elevationRad * b, g.twistRad * b, arm.forearmQuat);
    },
  };
}
