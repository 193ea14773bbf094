import { quatFromRotationVector } from "../math/quat";
import { vecNormalize, vecSet, type Vec3 } from "../math/vec3";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { GestureSchedule, type ScheduledGesture } from "./gesture-schedule";
import { BUMP_PEAK_CURVATURE, BUMP_PEAK_SLOPE, profileBump } from "./profiles";
import type { Rng } from "./prng";

/**
 * One finger tap on the watch: the device is pushed into the wrist's soft tissue and
 * springs back (a `profileBump` of depth `depthM` over `widthS`), rocking slightly on
 * the strap. The accelerometer sees the second derivative: a sharp positive peak of
 * `BUMP_PEAK_CURVATURE · depth / width²` flanked by two negative lobes of ~80 % of it.
 */
export interface Tap {
  startS: number;
  widthS: number;
  depthM: number;
  /** Push direction in the forearm frame: into the wrist (−z), slightly off-axis. */
  directionUnit: Vec3;
  /** Rotation vector of the rock at full depth, rad. */
  kickRad: Vec3;
}

interface DoubleTap extends ScheduledGesture {
  taps: [Tap, Tap];
}

export function drawTap(rng: Rng, startS: number): Tap {
  const widthS = rng.uniform(0.015, 0.027);
  const peakAccelMps2 = rng.uniform(3.5, 6);
  const peakGyroRadPerS = rng.uniform(0.15, 0.4);
  const kickAngleRad = (peakGyroRadPerS * widthS) / BUMP_PEAK_SLOPE;
  // Rocks mostly about the forearm's x (the tap lands off the strap's line), either way.
  const axisTilt = rng.uniform(-0.5, 0.5);
  const kickSign = rng.sign();
  return {
    startS,
    widthS,
    depthM: (peakAccelMps2 * widthS * widthS) / BUMP_PEAK_CURVATURE,
    directionUnit: vecNormalize([rng.uniform(-0.2, 0.2), rng.uniform(-0.2, 0.2), -1]),
    kickRad: [kickSign * kickAngleRad * Math.cos(axisTilt), kickSign * kickAngleRad * Math.sin(axisTilt), 0],
  };
}

/** Two taps 150-350 ms apart (onset to onset), every few seconds on a resting arm. */
export function createDoubleTapMotion(ctx: MotionContext): ArmMotion {
  const schedule = new GestureSchedule<DoubleTap>(
    ctx.rng("double-tap/schedule"),
    ctx.runEndS,
    (rng, startS) => {
      const first = drawTap(rng, startS);
      const second = drawTap(rng, startS + rng.uniform(0.15, 0.35));
      return { startS, endS: second.startS + second.widthS, taps: [first, second] };
    },
    (g) => ctx.emitSegment("double-tap", g.startS, g.endS),
  );
  const rock: Vec3 = [0, 0, 0];

  return {
    armAt(tS, arm) {
      armReset(arm);
      const g = schedule.latest(tS);
      if (!g || tS > g.endS) return;
      for (const tap of g.taps) {
        const b = profileBump((tS - tap.startS) / tap.widthS);
        if (b === 0) continue;
        const d = tap.depthM * b;
        vecSet(arm.strapOffsetM, tap.directionUnit[0] * d, tap.directionUnit[1] * d, tap.directionUnit[2] * d);
        vecSet(rock, tap.kickRad[0] * b, tap.kickRad[1] * b, tap.kickRad[2] * b);
        quatFromRotationVector(rock, arm.strapQuat);
      }
    },
  };
}
