import { quatAngleBetween, type ReadonlyQuat } from "../math/quat";

/**
 * How far an estimated device-to-world attitude is from the truth, for tests, benches
 * and tuning. Without a magnetometer the heading is unobservable (the estimate's world
 * starts at an arbitrary heading and drifts), so errors are split the way that matters:
 * - tilt error: angle between the estimated and true "up" seen from the device, i.e.
 *   the error in gravity direction; heading plays no part;
 * - heading offset: the turn about world vertical that best explains the difference
 *   (the twist of est ⊗ truth⁻¹ about z);
 * - orientation error: the full rotation angle between the two after the estimate has
 *   been turned by a heading offset fixed once (typically at the start), so that it
 *   includes heading drift since then, but not the arbitrary initial heading.
 * All take w-first quaternions (arrays or typed arrays) and return radians.
 */
type QuatLike = ArrayLike<number>;

/** Angle between the estimated and the true up vector in the device frame, rad. */
export function tiltErrorRad(est: QuatLike, truth: QuatLike): number {
  // Up in the device frame is the third row of the device-to-world matrix.
  const ex = 2 * (est[1]! * est[3]! - est[0]! * est[2]!);
  const ey = 2 * (est[2]! * est[3]! + est[0]! * est[1]!);
  const ez = 1 - 2 * (est[1]! * est[1]! + est[2]! * est[2]!);
  const tx = 2 * (truth[1]! * truth[3]! - truth[0]! * truth[2]!);
  const ty = 2 * (truth[2]! * truth[3]! + truth[0]! * truth[1]!);
  const tz = 1 - 2 * (truth[1]! * truth[1]! + truth[2]! * truth[2]!);
  const cx = ey * tz - ez * ty;
  const cy = ez * tx - ex * tz;
  const cz = ex * ty - ey * tx;
  return Math.atan2(Math.hypot(cx, cy, cz), ex * tx + ey * ty + ez * tz);
}

/** Heading of the estimate relative to the truth: twist of est ⊗ truth⁻¹ about world z, rad in (−π, π]. */
export function headingOffsetRad(est: QuatLike, truth: QuatLike): number {
  const aw = est[0]!;
  const ax = est[1]!;
  const ay = est[2]!;
  const az = est[3]!;
  const bw = truth[0]!;
  const bx = -truth[1]!;
  const by = -truth[2]!;
  const bz = -truth[3]!;
  const w = aw * bw - ax * bx - ay * by - az * bz;
  const z = aw * bz + ax * by - ay * bx + az * bw;
  let yaw = 2 * Math.atan2(z, w);
  if (yaw > Math.PI) yaw -= 2 * Math.PI;
  if (yaw <= -Math.PI) yaw += 2 * Math.PI;
  return yaw;
}

/** Rotation angle between the estimate turned by −offsetRad about world z and the truth, rad. */
export function orientationErrorRad(est: QuatLike, truth: QuatLike, offsetRad: number): number {
  const c = Math.cos(-offsetRad / 2);
  const s = Math.sin(-offsetRad / 2);
  // Rz(−offset) ⊗ est.
  const w = c * est[0]! - s * est[3]!;
  const x = c * est[1]! - s * est[2]!;
  const y = c * est[2]! + s * est[1]!;
  const z = c * est[3]! + s * est[0]!;
  const t: ReadonlyQuat = [truth[0]!, truth[1]!, truth[2]!, truth[3]!];
  return quatAngleBetween([w, x, y, z], t);
}

/** Smallest signed difference a − b of two angles, rad in (−π, π]: for unwrapping a heading series. */
export function angleDiffRad(a: number, b: number): number {
  let d = a - b;
  d -= 2 * Math.PI * Math.round(d / (2 * Math.PI));
  return d;
}
