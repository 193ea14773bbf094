/** Every motion the simulator can produce; also the label set for gesture segments. */
export const MOTION_NAMES = ["idle", "raise", "lower", "double-tap", "flick", "scrub", "walk", "shake"] as const;

export type MotionName = (typeof MOTION_NAMES)[number];

export function isMotionName(value: unknown): value is MotionName {
  return typeof value === "string" && (MOTION_NAMES as readonly string[]).includes(value);
}
