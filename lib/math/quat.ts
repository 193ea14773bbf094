import type { ReadonlyVec3, Vec3 } from "./vec3";

/**
 * Unit quaternions for rotations. Conventions, shared by the simulator and the fusion
 * filters so that their truths and estimates compare directly:
 * - Hamilton algebra (i² = j² = k² = ijk = −1), stored **w first**: `[w, x, y, z]`.
 * - Active rotations: `quatRotateVec(q, v)` is q ⊗ v ⊗ q*. A quaternion that maps
 *   device-frame vectors to world-frame vectors is called device-to-world.
 * - Composition reads right to left as in matrices: `quatMultiply(a, b)` applies b
 *   first, then a. With q device-to-world and a body-frame angular velocity ω,
 *   q(t + dt) = q(t) ⊗ exp(ω dt) (see {@link quatFromRotationVector}).
 *
 * Functions returning a quaternion or vector take an optional `out`, which may alias
 * any input; leave it out to allocate.
 */
export type Quat = [w: number, x: number, y: number, z: number];
export type ReadonlyQuat = readonly [w: number, x: number, y: number, z: number];

/** Below this rotation angle (rad) series expansions replace sin(x)/x to stay exact. */
const SMALL_ANGLE_RAD = 1e-6;

export function quatSet(out: Quat, w: number, x: number, y: number, z: number): Quat {
  out[0] = w;
  out[1] = x;
  out[2] = y;
  out[3] = z;
  return out;
}

export function quatIdentity(out: Quat = [1, 0, 0, 0]): Quat {
  return quatSet(out, 1, 0, 0, 0);
}

/** Rotation by `angleRad` (right-hand rule) about `axis`, which must be a unit vector. */
export function quatFromAxisAngle(axis: ReadonlyVec3, angleRad: number, out: Quat = [1, 0, 0, 0]): Quat {
  const half = angleRad / 2;
  const s = Math.sin(half);
  return quatSet(out, Math.cos(half), axis[0] * s, axis[1] * s, axis[2] * s);
}

/**
 * Rz(z) · Rx(x) · Ry(y): intrinsic Z-X'-Y'' angles in radians, first about z, then about
 * the rotated x, then about the twice-rotated y. This is the W3C DeviceOrientation order
 * (alpha, beta, gamma) and also yaw, elevation, twist for a limb along y.
 */
export function quatFromEulerZXY(zRad: number, xRad: number, yRad: number, out: Quat = [1, 0, 0, 0]): Quat {
  const cz = Math.cos(zRad / 2);
  const sz = Math.sin(zRad / 2);
  const cx = Math.cos(xRad / 2);
  const sx = Math.sin(xRad / 2);
  const cy = Math.cos(yRad / 2);
  const sy = Math.sin(yRad / 2);
  // (qz ⊗ qx) expanded, then ⊗ qy expanded.
  const a = cz * cx;
  const b = cz * sx;
  const c = sz * sx;
  const d = sz * cx;
  return quatSet(out, a * cy - c * sy, b * cy - d * sy, a * sy + c * cy, b * sy + d * cy);
}

/**
 * The exponential map: rotation about `v`'s direction by |v| radians. With `v` = ω·dt
 * (body-frame rate times step) this is one gyro integration step.
 */
export function quatFromRotationVector(v: ReadonlyVec3, out: Quat = [1, 0, 0, 0]): Quat {
  const angle = Math.hypot(v[0], v[1], v[2]);
  const half = angle / 2;
  // sin(θ/2)/θ, with its Taylor series where the division would lose precision.
  const k = angle < SMALL_ANGLE_RAD ? 0.5 - (angle * angle) / 48 : Math.sin(half) / angle;
  return quatSet(out, Math.cos(half), v[0] * k, v[1] * k, v[2] * k);
}

/**
 * The logarithmic map, inverse of {@link quatFromRotationVector}: axis times angle in
 * radians, taking the short way round (|result| ≤ π) whatever the sign of `q`.
 */
export function quatToRotationVector(q: ReadonlyQuat, out: Vec3 = [0, 0, 0]): Vec3 {
  const sign = q[0] < 0 ? -1 : 1;
  const w = q[0] * sign;
  const s = Math.hypot(q[1], q[2], q[3]);
  const angle = 2 * Math.atan2(s, w);
  const k = (angle < SMALL_ANGLE_RAD ? 2 / w : angle / s) * sign;
  out[0] = q[1] * k;
  out[1] = q[2] * k;
  out[2] = q[3] * k;
  return out;
}

/** Hamilton product a ⊗ b: the rotation b followed by a. `out` may alias either input. */
export function quatMultiply<T extends { [i: number]: number } = Quat>(a: ArrayLike<number>, b: ArrayLike<number>, out: T = [1, 0, 0, 0] as unknown as T): T {
  // Indexed reads, not destructuring: destructuring goes through the iterator
  // protocol, which allocates until the optimiser has seen enough calls, and the pose
  // engine runs this per sample (on typed arrays too).
  const aw = a[0]!;
  const ax = a[1]!;
  const ay = a[2]!;
  const az = a[3]!;
  const bw = b[0]!;
  const bx = b[1]!;
  const by = b[2]!;
  const bz = b[3]!;
  out[0] = aw * bw - ax * bx - ay * by - az * bz;
  out[1] = aw * bx + ax * bw + ay * bz - az * by;
  out[2] = aw * by - ax * bz + ay * bw + az * bx;
  out[3] = aw * bz + ax * by - ay * bx + az * bw;
  return out;
}

/** The inverse rotation, for unit quaternions. */
export function quatConjugate(q: ReadonlyQuat, out: Quat = [1, 0, 0, 0]): Quat {
  return quatSet(out, q[0], -q[1], -q[2], -q[3]);
}

export function quatDot(a: ReadonlyQuat, b: ReadonlyQuat): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
}

/**
 * Rescales to unit length, undoing the drift that repeated products accumulate. A zero
 * quaternion becomes the identity rather than NaN, so a filter cannot poison itself.
 */
export function quatNormalize(q: ReadonlyQuat, out: Quat = [1, 0, 0, 0]): Quat {
  const n = Math.hypot(q[0], q[1], q[2], q[3]);
  if (n === 0) return quatIdentity(out);
  return quatSet(out, q[0] / n, q[1] / n, q[2] / n, q[3] / n);
}

/** Rotates `v` by `q` (q ⊗ v ⊗ q*): a device-frame vector to the world frame for device-to-world q. */
export function quatRotateVec(q: ReadonlyQuat, v: ReadonlyVec3, out: Vec3 = [0, 0, 0]): Vec3 {
  return rotate(q[0], q[1], q[2], q[3], v, out);
}

/** Rotates `v` by the inverse of `q`: a world-frame vector into the device frame for device-to-world q. */
export function quatRotateVecInverse(q: ReadonlyQuat, v: ReadonlyVec3, out: Vec3 = [0, 0, 0]): Vec3 {
  return rotate(q[0], -q[1], -q[2], -q[3], v, out);
}

// v' = v + w·t + u × t with t = 2 u × v (u the vector part): 15 multiplies instead of two products.
function rotate(w: number, ux: number, uy: number, uz: number, v: ReadonlyVec3, out: Vec3): Vec3 {
  const [vx, vy, vz] = v;
  const tx = 2 * (uy * vz - uz * vy);
  const ty = 2 * (uz * vx - ux * vz);
  const tz = 2 * (ux * vy - uy * vx);
  out[0] = vx + w * tx + (uy * tz - uz * ty);
  out[1] = vy + w * ty + (uz * tx - ux * tz);
  out[2] = vz + w * tz + (ux * ty - uy * tx);
  return out;
}

/**
 * Spherical linear interpolation from `a` (t = 0) to `b` (t = 1) along the shorter arc,
 * at constant angular speed. Nearly equal inputs fall back to a normalised lerp, where
 * slerp's 1/sin(θ) would amplify rounding.
 */
export function quatSlerp(a: ReadonlyQuat, b: ReadonlyQuat, t: number, out: Quat = [1, 0, 0, 0]): Quat {
  let cos = quatDot(a, b);
  const sign = cos < 0 ? -1 : 1;
  cos *= sign;
  let ka: number;
  let kb: number;
  if (cos > 1 - 1e-9) {
    ka = 1 - t;
    kb = t * sign;
  } else {
    const theta = Math.acos(cos);
    const sin = Math.sin(theta);
    ka = Math.sin((1 - t) * theta) / sin;
    kb = (Math.sin(t * theta) / sin) * sign;
  }
  quatSet(out, ka * a[0] + kb * b[0], ka * a[1] + kb * b[1], ka * a[2] + kb * b[2], ka * a[3] + kb * b[3]);
  return quatNormalize(out, out);
}

/** Angle of the rotation that takes `a` to `b`, radians in [0, π]; q and −q count as equal. */
export function quatAngleBetween(a: ReadonlyQuat, b: ReadonlyQuat): number {
  // Vector part and scalar of a* ⊗ b, computed inline to stay allocation-free.
  const w = quatDot(a, b);
  const x = a[0] * b[1] - a[1] * b[0] - a[2] * b[3] + a[3] * b[2];
  const y = a[0] * b[2] + a[1] * b[3] - a[2] * b[0] - a[3] * b[1];
  const z = a[0] * b[3] - a[1] * b[2] + a[2] * b[1] - a[3] * b[0];
  return 2 * Math.atan2(Math.hypot(x, y, z), Math.abs(w));
}
