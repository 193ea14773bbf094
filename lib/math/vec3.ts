/**
 * Small 3-vector helpers on plain tuples. Every function that returns a vector takes an
 * optional `out` (which may alias an input), so per-sample code can run without
 * allocating; leaving it out allocates a fresh tuple.
 */

export type Vec3 = [x: number, y: number, z: number];
export type ReadonlyVec3 = readonly [x: number, y: number, z: number];

export function vecSet(out: Vec3, x: number, y: number, z: number): Vec3 {
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export function vecScale(a: ReadonlyVec3, s: number, out: Vec3 = [0, 0, 0]): Vec3 {
  return vecSet(out, a[0] * s, a[1] * s, a[2] * s);
}

export function vecDot(a: ReadonlyVec3, b: ReadonlyVec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function vecCross(a: ReadonlyVec3, b: ReadonlyVec3, out: Vec3 = [0, 0, 0]): Vec3 {
  return vecSet(out, a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]);
}

export function vecNorm(a: ReadonlyVec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** Unit vector along `a`; the zero vector stays zero rather than turning into NaN. */
export function vecNormalize(a: ReadonlyVec3, out: Vec3 = [0, 0, 0]): Vec3 {
  const n = vecNorm(a);
  return n > 0 ? vecScale(a, 1 / n, out) : vecSet(out, 0, 0, 0);
}

/** Angle between two non-zero vectors, radians in [0, π]; atan2 keeps it accurate near 0 and π. */
export function vecAngle(a: ReadonlyVec3, b: ReadonlyVec3): number {
  const cx = a[1] * b[2] - a[2] * b[1];
  const cy = a[2] * b[0] - a[0] * b[2];
  const cz = a[0] * b[1] - a[1] * b[0];
  return Math.atan2(Math.hypot(cx, cy, cz), vecDot(a, b));
}
