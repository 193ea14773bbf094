/**
 * Every motion the simulator can produce; also the label set for gesture segments.
 * The last four exist as negatives for training and evaluation (ordinary wear, and
 * a single tap, that must not trigger anything).
 */
export const MOTION_NAMES = ["idle", "raise", "lower", "double-tap", "flick", "scrub", "walk", "shake", "typing", "swing", "random", "tap"] as const;

export type MotionName = (typeof MOTION_NAMES)[number];

export function isMotionName(value: unknown): value is MotionName {
  return typeof value === "string" && (MOTION_NAMES as readonly string[]).includes(value);
}
