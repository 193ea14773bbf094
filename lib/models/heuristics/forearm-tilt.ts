import { quatRotateVec, quatRotateVecInverse } from "../../math/quat";
import type { Vec3 } from "../../math/vec3";
import { WATCH_TO_DEVICE } from "../../pose/watch-mapping";

/**
 * Forearm angles from gravity alone, for a phone strapped like a watch (screen up, top
 * edge toward the hand; lib/pose/watch-mapping.ts). Heuristics look at short, still
 * stretches where the accelerometer's mean is gravity, so they need no attitude filter
 * and their angles are exactly the ones a designer can check with a spirit level.
 */

const RAD_TO_DEG = 180 / Math.PI;
const PLACEMENT = WATCH_TO_DEVICE.strapped;

/** The forearm (watch x, toward the hand) in device axes: the phone's y for the strapped placement. */
export const FOREARM_AXIS_DEVICE: Readonly<Vec3> = quatRotateVec(PLACEMENT, [1, 0, 0]);

/** Each angle is how far one watch axis points above the horizontal, −90..90, as a spirit level would read it. */
export interface ForearmTilt {
  /** The forearm (watch x, toward the hand): `raiseDeg` of lib/pose. */
  elevationDeg: number;
  /**
   * The axis across the wrist (watch y): how far the face leans sideways about the
   * forearm. On the right arm positive is the thumb side up; the sign flips on the left.
   */
  sideTiltDeg: number;
  /** The watch face's normal (watch z): 90 face up, 0 face vertical, negative face toward the floor. */
  faceUpDeg: number;
}

const up: Vec3 = [0, 0, 0];
const upWatch: Vec3 = [0, 0, 0];

function elevationOf(component: number, norm: number): number {
  return norm > 0 ? Math.asin(Math.max(-1, Math.min(1, component / norm))) * RAD_TO_DEG : NaN;
}

/** Angles from the accelerometer's reading of gravity (m/s², device frame: it points up). */
export function forearmTilt(gx: number, gy: number, gz: number, out: ForearmTilt): ForearmTilt {
  up[0] = gx;
  up[1] = gy;
  up[2] = gz;
  quatRotateVecInverse(PLACEMENT, up, upWatch);
  const [x, y, z] = upWatch;
  const norm = Math.hypot(x, y, z);
  out.elevationDeg = elevationOf(x, norm);
  out.sideTiltDeg = elevationOf(y, norm);
  out.faceUpDeg = elevationOf(z, norm);
  return out;
}
