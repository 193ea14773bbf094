import { quatConjugate, quatMultiply, quatRotateVecInverse, quatSlerp, quatToRotationVector, type Quat, type ReadonlyQuat } from "../math/quat";
import type { SampleTuple } from "../protocol/sample";

/**
 * Noise-free samples for a scripted sequence of device attitudes: hold a pose, turn
 * smoothly to the next, hold it... For tests and benches that need a known pose rather
 * than the simulator's arm (lib/sim), e.g. "phone strapped, forearm raised 80°".
 * The turn follows a slerp with smoothstep timing; the rotation rate is its exact
 * body-frame rate (central difference), the acceleration gravity alone (no linear
 * acceleration: the device turns in place). Units and frames as in lib/protocol/sample.ts.
 */
export interface AttitudeKeyframe {
  /** Device-to-world, w first. */
  quat: ReadonlyQuat;
  /** Time to turn here from the previous keyframe, s (ignored for the first). */
  moveS?: number;
  /** Time to stay, s. */
  holdS: number;
}

export interface AttitudePathOptions {
  rateHz: number;
  startTMs?: number;
  /** false: no gyroscope (null rotation rate). */
  gyro?: boolean;
}

const GRAVITY_MPS2 = 9.80665;
const PROBE_S = 1e-4;

/** Device-to-world attitude at tS along the keyframes. */
export function attitudePathAt(keyframes: readonly AttitudeKeyframe[], tS: number, out: Quat = [1, 0, 0, 0]): Quat {
  let t = tS;
  let prev = keyframes[0];
  if (!prev) throw new RangeError("attitudePathAt needs at least one keyframe");
  for (let i = 0; i < keyframes.length; i++) {
    const k = keyframes[i]!;
    const moveS = i === 0 ? 0 : (k.moveS ?? 0);
    if (t < moveS) {
      const u = t / moveS;
      return quatSlerp(prev.quat, k.quat, u * u * (3 - 2 * u), out);
    }
    t -= moveS;
    if (t < k.holdS || i === keyframes.length - 1) return quatMultiply(k.quat, [1, 0, 0, 0], out);
    t -= k.holdS;
    prev = k;
  }
  return quatMultiply(prev.quat, [1, 0, 0, 0], out);
}

/** Total length of the path, s. */
export function attitudePathDurationS(keyframes: readonly AttitudeKeyframe[]): number {
  return keyframes.reduce((s, k, i) => s + k.holdS + (i === 0 ? 0 : (k.moveS ?? 0)), 0);
}

/** One sample per 1/rateHz s along the path, the first at startTMs. */
export function attitudePathSamples(keyframes: readonly AttitudeKeyframe[], opts: AttitudePathOptions): SampleTuple[] {
  const { rateHz, startTMs = 0, gyro = true } = opts;
  const n = Math.floor(attitudePathDurationS(keyframes) * rateHz);
  const out: SampleTuple[] = [];
  const q: Quat = [1, 0, 0, 0];
  const before: Quat = [1, 0, 0, 0];
  const after: Quat = [1, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const tS = i / rateHz;
    attitudePathAt(keyframes, tS, q);
    attitudePathAt(keyframes, Math.max(0, tS - PROBE_S), before);
    attitudePathAt(keyframes, tS + PROBE_S, after);
    const rate = quatToRotationVector(quatMultiply(quatConjugate(before), after));
    const span = tS + PROBE_S - Math.max(0, tS - PROBE_S);
    const g = quatRotateVecInverse(q, [0, 0, GRAVITY_MPS2]);
    out.push([
      startTMs + tS * 1000,
      g[0],
      g[1],
      g[2],
      0,
      0,
      0,
      gyro ? rate[0] / span : null,
      gyro ? rate[1] / span : null,
      gyro ? rate[2] / span : null,
      null,
      null,
      null,
    ]);
  }
  return out;
}
