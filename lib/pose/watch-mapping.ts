import type { ReadonlyQuat } from "../math/quat";
import type { Placement, PoseAngles, Side } from "./pose-types";

/**
 * From the phone's axes to the watch frame of pose-types.ts (x along the forearm toward
 * the hand, z out of the watch face), and from a watch attitude to the angles.
 *
 * Handedness: the contract's "y toward the thumb" can only hold, in a right-handed
 * frame, on the right arm (palm down, forearm forward: hand forward, thumb left, face
 * up). On the left arm y = z × x points to the little finger. The frame is kept
 * right-handed (a rotation can describe it; a mirror cannot) and the side enters
 * where anatomy does: the roll sign, and a renderer's thumb placement.
 *
 * Placements, as watch-to-device rotations (where each watch axis lies in phone axes):
 * - strapped (screen up, top edge toward the hand): x = phone y, z = phone z, so
 *   y = −phone x; a quarter turn about z. The same on either arm.
 * - held (lying in the palm, screen up, top edge toward the fingers): the palm faces
 *   the screen's back, so the back of the wrist, where the watch face is, faces the
 *   other way: x = phone y, z = −phone z, y = phone x; a half turn about (x + y)/√2.
 *   Holding the phone screen up thus means palm up: roll ±180 until calibrated.
 */
export const WATCH_TO_DEVICE: Readonly<Record<Placement, ReadonlyQuat>> = {
  strapped: [Math.SQRT1_2, 0, 0, Math.SQRT1_2],
  held: [0, Math.SQRT1_2, Math.SQRT1_2, 0],
};

const RAD_TO_DEG = 180 / Math.PI;
/** cos(raise) below which the forearm counts as vertical (raise beyond ~88.9°) and has no heading. */
const VERTICAL_COS = 0.02;

/**
 * Angles of a watch-to-body quaternion (w first), degrees, into `out`. With R its
 * rotation matrix and R = Rz(heading) · Ry(−raise) · Rx(twist) (yaw, elevation, roll
 * of the forearm, intrinsic):
 * - raiseDeg = asin(R₂₀): elevation of the forearm axis above the horizontal.
 * - headingDeg = atan2(R₁₀, R₀₀): forearm direction about the vertical, positive
 *   toward the wearer's left (counter-clockwise seen from above), 0 = body x.
 * - rollDeg: the twist about the forearm, signed so that on either arm +90 turns the
 *   face toward the body midline (pronation) and −90 away from it (supination: thumb
 *   up, palm toward the midline); palm up reads ±180. Right arm: −twist; left: +twist.
 * Near raise ±90 (forearm vertical) heading and roll share one degree of freedom and
 * become ill-conditioned, as any yaw-pitch-roll split does; raise stays exact.
 */
export function watchAngles(q: ArrayLike<number>, side: Side, out: PoseAngles): PoseAngles {
  const w = q[0]!;
  const x = q[1]!;
  const y = q[2]!;
  const z = q[3]!;
  const r00 = 1 - 2 * (y * y + z * z);
  const r10 = 2 * (x * y + w * z);
  const r20 = 2 * (x * z - w * y);
  const r21 = 2 * (y * z + w * x);
  const r22 = 1 - 2 * (x * x + y * y);
  out.raiseDeg = Math.asin(Math.max(-1, Math.min(1, r20))) * RAD_TO_DEG;
  out.headingDeg = Math.atan2(r10, r00) * RAD_TO_DEG;
  const twistDeg = Math.atan2(r21, r22) * RAD_TO_DEG;
  out.rollDeg = side === "right" ? -twistDeg : twistDeg;
  return out;
}

/**
 * Heading (rad) of a watch-to-world (or watch-to-body) quaternion's forearm axis about
 * the vertical, as `headingDeg` measures it: what calibration and recentring remove.
 * A vertical forearm has no heading; 0 is returned, so recentring then leaves the
 * heading alone rather than turning it by an arbitrary amount.
 */
export function watchHeadingRad(q: ArrayLike<number>): number {
  const w = q[0]!;
  const x = q[1]!;
  const y = q[2]!;
  const z = q[3]!;
  const r00 = 1 - 2 * (y * y + z * z);
  const r10 = 2 * (x * y + w * z);
  return Math.hypot(r00, r10) < VERTICAL_COS ? 0 : Math.atan2(r10, r00);
}
