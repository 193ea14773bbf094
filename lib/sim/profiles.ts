/**
 * Time profiles for gestures on a normalised time u in [0, 1]. Both are C2 (position,
 * velocity and acceleration continuous), because the simulator differentiates poses
 * twice: a kink in a profile would show up as a spike in the accelerometer.
 */

/** 0 → 1 with zero velocity and acceleration at both ends (Flash & Hogan 1985, minimum jerk). */
export function profileMinimumJerk(u: number): number {
  if (u <= 0) return 0;
  if (u >= 1) return 1;
  return u * u * u * (10 + u * (-15 + 6 * u));
}

/** Out and back: 0 → 1 (at u = 0.5) → 0, zero outside [0, 1]. 64·u³(1 − u)³. */
export function profileBump(u: number): number {
  if (u <= 0 || u >= 1) return 0;
  const s = u * (1 - u);
  return 64 * s * s * s;
}

/** max |d profileBump / du|, reached at u = (5 ± √5)/10: peak rate = amplitude · this / duration. */
export const BUMP_PEAK_SLOPE = 3.4346;

/** max |d² profileBump / du²| (at u = 0.5): peak acceleration = amplitude · this / duration². */
export const BUMP_PEAK_CURVATURE = 24;
