import { quatFromEulerZXY, type Quat, type ReadonlyQuat } from "./quat";

/**
 * W3C DeviceOrientation angles (https://www.w3.org/TR/orientation-event/): the
 * device-to-earth rotation is R = Rz(alpha) · Rx(beta) · Ry(gamma), i.e. intrinsic
 * Z-X'-Y'' Tait-Bryan angles, in an earth frame with x east, y north, z up. Ranges:
 * alpha [0, 360), beta [-180, 180), gamma [-90, 90). Chromium decomposes the same way
 * (`services/device/generic_sensor/orientation_util.cc`).
 */
export interface DeviceOrientationDeg {
  alpha: number;
  beta: number;
  gamma: number;
}

const RAD_TO_DEG = 180 / Math.PI;
const DEG_TO_RAD = Math.PI / 180;
/** |cos(beta)| below which the device is treated as standing upright (gimbal lock). */
const GIMBAL_EPSILON = 1e-9;

/** The device-to-earth quaternion for W3C alpha, beta, gamma in degrees. */
export function quatFromDeviceOrientation(alphaDeg: number, betaDeg: number, gammaDeg: number, out: Quat = [1, 0, 0, 0]): Quat {
  return quatFromEulerZXY(alphaDeg * DEG_TO_RAD, betaDeg * DEG_TO_RAD, gammaDeg * DEG_TO_RAD, out);
}

/**
 * W3C alpha, beta, gamma in degrees for a device-to-earth quaternion. When the device
 * stands exactly upright (beta = ±90) alpha and gamma share one degree of freedom; as
 * the spec leaves that open, gamma is reported as 0 and alpha carries the rotation.
 */
export function quatToDeviceOrientation(q: ReadonlyQuat, out: DeviceOrientationDeg = { alpha: 0, beta: 0, gamma: 0 }): DeviceOrientationDeg {
  const [w, x, y, z] = q;
  // The rotation matrix entries the decomposition needs (row, column).
  const r00 = 1 - 2 * (y * y + z * z);
  const r01 = 2 * (x * y - w * z);
  const r10 = 2 * (x * y + w * z);
  const r11 = 1 - 2 * (x * x + z * z);
  const r20 = 2 * (x * z - w * y);
  const r21 = 2 * (y * z + w * x);
  const r22 = 1 - 2 * (x * x + y * y);
  // Row 2 is (-cosβ sinγ, sinβ, cosβ cosγ) and row 0/1 column 1 is (-sinα cosβ, cosα cosβ).
  const cosBetaAbs = Math.hypot(r20, r22);
  let alpha: number;
  let beta: number;
  let gamma: number;
  if (cosBetaAbs < GIMBAL_EPSILON) {
    beta = r21 > 0 ? 90 : -90;
    gamma = 0;
    alpha = Math.atan2(r10, r00) * RAD_TO_DEG;
  } else {
    // cos(gamma) ≥ 0 on [-90, 90), so the sign of cos(beta) is the sign of r22 (or of r20 at gamma = -90).
    const s = r22 > 0 || (r22 === 0 && r20 > 0) ? 1 : -1;
    gamma = Math.atan2(-r20 * s, r22 * s) * RAD_TO_DEG;
    beta = Math.atan2(r21, cosBetaAbs * s) * RAD_TO_DEG;
    alpha = Math.atan2(-r01 * s, r11 * s) * RAD_TO_DEG;
  }
  if (beta >= 180) beta -= 360;
  if (alpha < 0) alpha += 360;
  if (alpha >= 360) alpha -= 360;
  out.alpha = alpha;
  out.beta = beta;
  out.gamma = gamma;
  return out;
}
