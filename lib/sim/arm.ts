import { quatIdentity, quatMultiply, quatRotateVec, type Quat, type ReadonlyQuat } from "../math/quat";
import { vecSet, type Vec3 } from "../math/vec3";
import type { MotionName } from "./motion-names";
import type { RngFactory } from "./prng";

/**
 * The wearing model. The phone is strapped like a watch to the distal right forearm,
 * screen on the back of the wrist. Body frame (x right, y forward, z up): with the
 * forearm horizontal and pointing forward, palm down, the device frame coincides with
 * the body frame (screen up, top edge towards the hand). Motions move the elbow and
 * rotate the forearm; the device follows rigidly, so linear acceleration and rotation
 * come from one trajectory. The wrist joint itself is not modelled: a watch does not
 * see hand flexion, only forearm rotation (pronation/supination, elbow, shoulder).
 */

/** Elbow to the watch position along the forearm (adult, ~26 cm). */
export const FOREARM_LENGTH_M = 0.26;
/** Device centre above the forearm's long axis (wrist half-thickness + strap), so pronation moves it. */
export const DEVICE_HEIGHT_M = 0.025;

/** Arm configuration at one instant; every field is written by each motion. */
export interface ArmState {
  /** Elbow position in the body frame, m, relative to its neutral place. */
  elbowM: Vec3;
  /**
   * Forearm frame to body frame. Forearm frame: x to the right when palm down, y along
   * the forearm towards the hand, z out of the back of the wrist. Motions build it with
   * `quatFromEulerZXY(yaw, elevation, twist)`: yaw about the vertical (hand to the left
   * positive), elevation about the forearm's x (hand up positive), twist about the
   * forearm (supination of the right arm positive).
   */
  forearmQuat: Quat;
  /** Device rocking on the strap, relative to the forearm (e.g. a tap's kick). */
  strapQuat: Quat;
  /** Device pushed into the wrist's soft tissue, forearm frame, m. */
  strapOffsetM: Vec3;
}

export function armCreate(): ArmState {
  return { elbowM: [0, 0, 0], forearmQuat: [1, 0, 0, 0], strapQuat: [1, 0, 0, 0], strapOffsetM: [0, 0, 0] };
}

/** Neutral pose: forearm horizontal, forward, palm down; elbow in its neutral place. */
export function armReset(arm: ArmState): ArmState {
  vecSet(arm.elbowM, 0, 0, 0);
  quatIdentity(arm.forearmQuat);
  quatIdentity(arm.strapQuat);
  vecSet(arm.strapOffsetM, 0, 0, 0);
  return arm;
}

const scratchLocal: Vec3 = [0, 0, 0];

/**
 * Device pose in the body frame: orientation (device to body) and position, m.
 * `mountQuat` is how the phone sits on the forearm (never perfectly aligned).
 */
export function armDevicePose(arm: ArmState, mountQuat: ReadonlyQuat, outQuat: Quat, outPosM: Vec3): void {
  quatMultiply(arm.forearmQuat, arm.strapQuat, outQuat);
  quatMultiply(outQuat, mountQuat, outQuat);
  const o = arm.strapOffsetM;
  vecSet(scratchLocal, o[0], FOREARM_LENGTH_M + o[1], DEVICE_HEIGHT_M + o[2]);
  quatRotateVec(arm.forearmQuat, scratchLocal, outPosM);
  outPosM[0] += arm.elbowM[0];
  outPosM[1] += arm.elbowM[1];
  outPosM[2] += arm.elbowM[2];
}

/** One motion's arm trajectory. */
export interface ArmMotion {
  /**
   * Writes the arm configuration at tS seconds after the run started. Queries come in
   * increasing time order, except that they may step back by a few ms (derivative probes).
   */
  armAt(tS: number, arm: ArmState): void;
}

/** What a motion gets from the simulator. */
export interface MotionContext {
  /**
   * An independent random stream per name. Every lazily sampled process needs its own:
   * sharing one would make the draw order, and so the motion, depend on the sample times.
   */
  rng: RngFactory;
  /** End of the run, s (Infinity for endless streams): gestures that would not finish are not started. */
  runEndS: number;
  /** Records a labelled segment (s since the run started). */
  emitSegment(label: MotionName, startS: number, endS: number): void;
}
