import type { Quat } from "../math/quat";
import { quatFromUnitVectors } from "../math/quat-arc";
import type { Vec3 } from "../math/vec3";

/**
 * The two jumps the attitude filter makes instead of feeding back (device-to-world q,
 * w first, updated in place; vectors need not be unit). Module-level scratch: these
 * run on the filter's hot path (accelerometer-only tilt) and must not allocate.
 */
const UP: Vec3 = [0, 0, 1];
const from: Vec3 = [0, 0, 0];
const to: Vec3 = [0, 0, 0];
const world: Vec3 = [0, 0, 0];
const arc: Quat = [1, 0, 0, 0];

/**
 * Tilt from a measured up vector (device frame, at `offset`; the accelerometer's direction), heading
 * kept: q ← arc(q·up → world up) ⊗ q. The shortest arc turns about the common
 * perpendicular of the two vectors, a horizontal axis here, so heading is untouched.
 */
export function quatTiltToUp(q: Quat, upDevice: ArrayLike<number>, offset = 0): void {
  unit(upDevice, offset, from);
  rotate(q, from, world);
  quatFromUnitVectors(world, UP, arc);
  const fw = arc[0];
  const fx = arc[1];
  const fy = arc[2];
  const fz = arc[3];
  const w = q[0];
  const x = q[1];
  const y = q[2];
  const z = q[3];
  setNormalized(q, fw * w - fx * x - fy * y - fz * z, fw * x + fx * w + fy * z - fz * y, fw * y - fx * z + fy * w + fz * x, fw * z + fx * y - fy * x + fz * w);
}

/**
 * Turns the estimate so that a device-frame vector it holds for up (`fromDevice`) comes
 * onto `toDevice`: q ← q ⊗ arc(from → to)⁻¹ (a device-frame rotation applied to q
 * moves the up it implies by the inverse).
 */
export function quatTurnUp(q: Quat, fromDevice: ArrayLike<number>, toDevice: ArrayLike<number>): void {
  unit(fromDevice, 0, from);
  unit(toDevice, 0, to);
  quatFromUnitVectors(from, to, arc);
  const fw = arc[0];
  const fx = -arc[1];
  const fy = -arc[2];
  const fz = -arc[3];
  const w = q[0];
  const x = q[1];
  const y = q[2];
  const z = q[3];
  setNormalized(q, w * fw - x * fx - y * fy - z * fz, w * fx + x * fw + y * fz - z * fy, w * fy - x * fz + y * fw + z * fx, w * fz + x * fy - y * fx + z * fw);
}

/** out = q ⊗ v ⊗ q*, written out (lib/math's version destructures, which allocates until optimised). */
function rotate(q: Quat, v: Vec3, out: Vec3): void {
  const w = q[0];
  const ux = q[1];
  const uy = q[2];
  const uz = q[3];
  const tx = 2 * (uy * v[2] - uz * v[1]);
  const ty = 2 * (uz * v[0] - ux * v[2]);
  const tz = 2 * (ux * v[1] - uy * v[0]);
  out[0] = v[0] + w * tx + (uy * tz - uz * ty);
  out[1] = v[1] + w * ty + (uz * tx - ux * tz);
  out[2] = v[2] + w * tz + (ux * ty - uy * tx);
}

function unit(v: ArrayLike<number>, offset: number, out: Vec3): void {
  const x = v[offset]!;
  const y = v[offset + 1]!;
  const z = v[offset + 2]!;
  const n = Math.sqrt(x * x + y * y + z * z);
  out[0] = x / n;
  out[1] = y / n;
  out[2] = z / n;
}

function setNormalized(q: Quat, w: number, x: number, y: number, z: number): void {
  const k = 1 / Math.sqrt(w * w + x * x + y * y + z * z);
  q[0] = w * k;
  q[1] = x * k;
  q[2] = y * k;
  q[3] = z * k;
}
