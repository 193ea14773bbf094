import type { Vector3 } from "three";
import type { ArmFraming } from "./arm-layout";
import { bodyToThree } from "./body-frame";
import type { CameraPreset } from "./camera-preset-names";

/**
 * Eye and target, body frame (m), for one arm at the origin; x along the forearm at rest.
 * Each frames the arm's whole reach in height, from hanging straight down (walking,
 * fingertips ~0.43 m below the elbow) to raised to the mouth (~0.44 m above): the
 * vertical field of view is fixed, so this holds for any canvas size.
 */
const PRESETS: Record<CameraPreset, { eye: readonly [number, number, number]; target: readonly [number, number, number] }> = {
  // Front-right and above: raise, roll and the watch face all visible at once.
  overview: { eye: [1.02, -0.86, 0.58], target: [0.12, 0, 0.1] },
  // From the wearer's right: elevation shows as a true angle.
  side: { eye: [0.17, -1.05, 0.14], target: [0.17, 0, 0.06] },
  // From above, forward up on the screen: heading and sideways sweeps.
  top: { eye: [0.06, 0, 1.12], target: [0.2, 0, 0] },
  // Behind and above the shoulder, looking down the forearm as the wearer does.
  wearer: { eye: [-0.52, 0, 0.6], target: [0.26, 0, 0.04] },
};

/** Farther back per metre of spread between arms, so two arms fit as one does. */
const DISTANCE_PER_SPAN = 1.0;

/** Writes a preset's camera position and look-at point, in three's world coordinates. */
export function cameraPresetPose(preset: CameraPreset, framing: ArmFraming, outEye: Vector3, outTarget: Vector3): void {
  const p = PRESETS[preset];
  const scale = 1 + framing.halfSpanYM * 2 * DISTANCE_PER_SPAN;
  const eyeY = preset === "wearer" ? framing.eyeYM : framing.centerYM;
  const [ex, ey, ez] = p.eye;
  const [tx, ty, tz] = p.target;
  bodyToThree(tx + (ex - tx) * scale, eyeY + ey * scale, tz + (ez - tz) * scale, outEye);
  bodyToThree(tx, framing.centerYM + ty, tz, outTarget);
}
