/**
 * Hamilton product a ⊗ b into `out` (may alias either input), w first, like
 * `quatMultiply` in quat.ts but for any array-like (typed arrays too) and with indexed
 * reads: destructuring goes through the iterator protocol, which allocates until the
 * optimiser has seen enough calls, and this runs per sample in the pose engine.
 */
export function quatMultiplyInto<T extends { [i: number]: number }>(a: ArrayLike<number>, b: ArrayLike<number>, out: T): T {
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
