/**
 * The contract between the pose engine (lib/pose) and what reads it (the 3D view,
 * later the interaction detectors). Frames and units are fixed here.
 *
 * Frames (all right-handed, metres, Hamilton quaternions stored w-first):
 * - Device frame: the phone's W3C DeviceMotion axes (x right, y up the screen, z out
 *   of the screen), as on the wire (lib/protocol/sample.ts): the phone page has
 *   already undone platform differences (lib/phone/platform-axes.ts).
 * - Watch frame: x along the forearm toward the hand, y across the wrist toward the
 *   thumb side, z out of the watch face (away from the skin). Right-handed, that holds
 *   on the right arm; on the left arm y = z × x points to the little finger (see
 *   lib/pose/watch-mapping.ts: the side only changes the roll sign).
 * - Body frame (world after calibration): x forward (where the forearm pointed at
 *   calibration, projected on the horizontal), y to the wearer's left, z up.
 */

/** How the phone stands in for the watch. */
export type Placement = "strapped" | "held";
export type Side = "left" | "right";

export interface PoseSettings {
  /** "strapped": on the forearm/wrist, screen up, top edge toward the hand. "held": lying in the palm, screen up, top edge toward the fingers. */
  placement: Placement;
  side: Side;
}

export const POSE_SETTINGS_DEFAULT: PoseSettings = { placement: "strapped", side: "left" };

/** Derived angles of the watch, degrees. */
export interface PoseAngles {
  /** Forearm elevation: angle of the forearm axis above the horizontal (raise to speak goes ~0 -> 60-90). */
  raiseDeg: number;
  /** Wrist roll about the forearm axis: 0 watch face up, +90 face toward the body midline (pronation/supination sign documented in code). */
  rollDeg: number;
  /** Heading of the forearm about the vertical, relative to calibration; drifts without a magnetometer. */
  headingDeg: number;
}

export type CalibrationState = "none" | "collecting" | "done";
