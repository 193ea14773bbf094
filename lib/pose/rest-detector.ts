import { F_AX, F_AY, F_AZ, F_DT_S, F_GX, F_GY, F_GZ, motionFrameHasGyro } from "./motion-frame";

/**
 * Is the device still? Each sample is "quiet" when it stays close to a short moving
 * mean of the readings, and the device is at rest once samples have been quiet
 * without a break for `minStillS`.
 *
 * Why per-sample deviations and not a moving variance: a variance remembers a gesture's
 * large values for several time constants (a raise's 7 m/s² spread needs ~3 s to decay
 * below a noise-level threshold), which would hide the 2-3 s holds between gestures.
 * Why deviations from a mean and not magnitudes: a still gyro reads its bias, and the
 * accelerometer gravity. The mean rate itself is still capped (against the current bias
 * estimate) so that a steady turn, whose readings barely vary, is not taken for rest.
 */
export interface RestDetectorConfig {
  /** Time constant of the moving means, s: short, so they settle soon after a gesture. */
  meanTimeConstantS: number;
  /** Largest distance of a rotation rate reading from the mean, rad/s. */
  maxGyroDeviationRadPerS: number;
  /** Largest distance of an acceleration reading from the mean, m/s². */
  maxAccelDeviationMps2: number;
  /** Largest mean rotation rate once the bias estimate is removed, rad/s. */
  maxMeanRateRadPerS: number;
  /** Largest difference between |mean acceleration| and standard gravity, m/s². */
  maxGravityErrorMps2: number;
  /** How long samples must stay quiet before the device counts as at rest, s. */
  minStillS: number;
}

export const REST_DETECTOR_DEFAULT: RestDetectorConfig = {
  meanTimeConstantS: 0.15,
  // Phone gyro noise is ~0.005 rad/s per axis; a resting forearm sways at ~0.01 rad/s.
  maxGyroDeviationRadPerS: 0.05,
  // Accelerometer noise ~0.02-0.05 m/s² per axis plus tremor; a moving wrist is far above.
  maxAccelDeviationMps2: 0.35,
  maxMeanRateRadPerS: 0.1,
  // Phone accelerometers are calibrated to a few percent.
  maxGravityErrorMps2: 0.6,
  minStillS: 0.4,
};

const GRAVITY_MPS2 = 9.80665;
const CHANNELS = 6;

export class RestDetector {
  readonly config: RestDetectorConfig;
  /** Moving means: acceleration x, y, z (m/s²), then rotation rate x, y, z (rad/s). */
  readonly mean = new Float64Array(CHANNELS);
  private primed = false;
  private quietS = 0;
  private rest = false;

  constructor(config: Partial<RestDetectorConfig> = {}) {
    this.config = { ...REST_DETECTOR_DEFAULT, ...config };
  }

  get atRest(): boolean {
    return this.rest;
  }

  /** How long the samples have been quiet without a break, s (rest begins at `minStillS`). */
  get stillS(): number {
    return this.quietS;
  }

  /**
   * Feeds one sample (motion-frame.ts slots: dt, acceleration, rotation rate, NaN
   * without a gyroscope: stillness is then judged on acceleration alone). `bias` is the
   * current gyro bias estimate, rad/s.
   */
  update(frame: Float64Array, bias: Float64Array): boolean {
    const c = this.config;
    const m = this.mean;
    const ax = frame[F_AX]!;
    const ay = frame[F_AY]!;
    const az = frame[F_AZ]!;
    const gx = frame[F_GX]!;
    const gy = frame[F_GY]!;
    const gz = frame[F_GZ]!;
    const hasGyro = motionFrameHasGyro(frame);
    if (!this.primed) {
      m[0] = ax;
      m[1] = ay;
      m[2] = az;
      m[3] = hasGyro ? gx : 0;
      m[4] = hasGyro ? gy : 0;
      m[5] = hasGyro ? gz : 0;
      this.primed = true;
      return this.rest;
    }
    const dtS = frame[F_DT_S]!;
    const alpha = 1 - Math.exp(-dtS / c.meanTimeConstantS);
    const dax = ax - m[0]!;
    const day = ay - m[1]!;
    const daz = az - m[2]!;
    let quiet = Math.sqrt(dax * dax + day * day + daz * daz) <= c.maxAccelDeviationMps2;
    m[0] = m[0]! + alpha * dax;
    m[1] = m[1]! + alpha * day;
    m[2] = m[2]! + alpha * daz;
    quiet &&= Math.abs(Math.sqrt(m[0]! * m[0]! + m[1]! * m[1]! + m[2]! * m[2]!) - GRAVITY_MPS2) <= c.maxGravityErrorMps2;
    if (hasGyro) {
      const dgx = gx - m[3]!;
      const dgy = gy - m[4]!;
      const dgz = gz - m[5]!;
      quiet &&= Math.sqrt(dgx * dgx + dgy * dgy + dgz * dgz) <= c.maxGyroDeviationRadPerS;
      m[3] = m[3]! + alpha * dgx;
      m[4] = m[4]! + alpha * dgy;
      m[5] = m[5]! + alpha * dgz;
      const rx = m[3]! - bias[0]!;
      const ry = m[4]! - bias[1]!;
      const rz = m[5]! - bias[2]!;
      quiet &&= Math.sqrt(rx * rx + ry * ry + rz * rz) <= c.maxMeanRateRadPerS;
    }
    this.quietS = quiet ? this.quietS + dtS : 0;
    this.rest = this.quietS >= c.minStillS;
    return this.rest;
  }

  reset(): void {
    this.primed = false;
    this.quietS = 0;
    this.rest = false;
  }
}
