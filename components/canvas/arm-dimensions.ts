import { FOREARM_LENGTH_M } from "@/lib/pose/pose-tracker";

/**
 * Sizes of the drawn arm, metres, in the watch frame (x from the elbow toward the
 * hand, y across the wrist, z out of the watch face): an adult forearm, so the trail
 * the pose engine reports (also metres, elbow at the origin) lines up with the wrist.
 */
export const ARM = {
  /** Elbow to wrist joint: the pose engine's, so its wrist trail ends at the drawn wrist. */
  forearmLengthM: FOREARM_LENGTH_M,
  elbowRadiusM: 0.043,
  wristRadiusM: 0.03,
  /** A forearm is wider (across y) than it is thick (along z). */
  widthScale: 1.15,
  thicknessScale: 0.8,
  /** Watch centre along the forearm: just short of the wrist bone, where a watch sits. */
  watchAtM: 0.232,
  palmLengthM: 0.09,
  palmWidthM: 0.078,
  palmThicknessM: 0.03,
  fingerRadiusM: 0.0088,
} as const;

/** Forearm radius at `xM` from the elbow, before the width/thickness scales (a straight taper). */
export function forearmRadiusAt(xM: number): number {
  const t = Math.min(1, Math.max(0, xM / ARM.forearmLengthM));
  return ARM.elbowRadiusM + (ARM.wristRadiusM - ARM.elbowRadiusM) * t;
}
