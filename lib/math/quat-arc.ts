import { quatSet, type Quat } from "./quat";
import type { ReadonlyVec3 } from "./vec3";

/** Below this 1 + cos(angle) the two vectors count as opposite and the arc's axis is chosen. */
const OPPOSITE_EPSILON = 1e-12;

/**
 * The shortest-arc rotation taking unit vector `from` onto unit vector `to`: about
 * from × to, by the angle between them. Built as the half-way quaternion
 * normalise(1 + from·to, from × to), which stays accurate for small angles where
 * acos would not. For opposite vectors any perpendicular axis is valid; one
 * perpendicular to `from` is picked so the result is still a rotation by π.
 */
export function quatFromUnitVectors(from: ReadonlyVec3, to: ReadonlyVec3, out: Quat = [1, 0, 0, 0]): Quat {
  // Indexed reads rather than destructuring: this runs per sample in accelerometer-only
  // tilt, and destructuring goes through the iterator protocol (allocates) until optimised.
  const fx = from[0];
  const fy = from[1];
  const fz = from[2];
  const tx = to[0];
  const ty = to[1];
  const tz = to[2];
  const w = 1 + fx * tx + fy * ty + fz * tz;
  if (w < OPPOSITE_EPSILON) {
    // Cross with the coordinate axis least aligned with `from` for a well-conditioned perpendicular.
    const ax = Math.abs(fx) < 0.9 ? 1 : 0;
    const ay = 1 - ax;
    const px = ay * fz;
    const py = -ax * fz;
    const pz = ax * fy - ay * fx;
    const n = Math.sqrt(px * px + py * py + pz * pz);
    return quatSet(out, 0, px / n, py / n, pz / n);
  }
  const x = fy * tz - fz * ty;
  const y = fz * tx - fx * tz;
  const z = fx * ty - fy * tx;
  const n = Math.sqrt(w * w + x * x + y * y + z * z);
  return quatSet(out, w / n, x / n, y / n, z / n);
}
