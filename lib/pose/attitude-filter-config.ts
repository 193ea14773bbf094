import { GYRO_BIAS_DEFAULT, type GyroBiasConfig } from "./gyro-bias-estimator";
import { REST_DETECTOR_DEFAULT, type RestDetectorConfig } from "./rest-detector";

/** Standard gravity, m/s². */
export const STANDARD_GRAVITY_MPS2 = 9.80665;

/**
 * The attitude filter's tuning. Defaults were tuned on the simulator (lib/sim: idle,
 * raise, flick, double-tap, walk, shake) and checked on the real smartwatch fixtures;
 * the figures are in tests/unit/pose-attitude-accuracy.test.ts.
 */
export interface AttitudeFilterConfig {
  /** Gravity feedback gain (Mahony's k_P) while moving gently, rad/s per rad (1/time constant). */
  accelGainRadPerS: number;
  /** Gain at rest, when the accelerometer sees gravity alone. */
  restAccelGainRadPerS: number;
  /** ||a| − g| (as a fraction of g) at which accelerometer trust reaches zero: |a| ≠ g means other accelerations. */
  accelTrustWidthG: number;
  /**
   * Rotation rate at which accelerometer trust halves, rad/s; trust falls with its 4th
   * power. A turning forearm's accelerometer sees centripetal and tangential
   * acceleration; a swinging arm's points along the arm, not up.
   */
  accelTrustRateRadPerS: number;
  /**
   * Gain of the slow gravity term, rad/s per rad: the accelerometer and the estimated
   * up, each averaged over `slowTimeConstantS` in the device frame, compared like with
   * like. The average of a swinging or shaking wrist's acceleration is gravity even when
   * no single sample is, so this term keeps tilt anchored through long motions whose
   * samples the fast term distrusts. Kept ≤ 1/(4·τ) so that the delayed feedback cannot ring.
   */
  slowGainRadPerS: number;
  slowTimeConstantS: number;
  /** Averages further apart than this (with the averaged acceleration near g) mean the estimate is lost: re-anchor tilt at once, rad. */
  reanchorRad: number;
  /** Longer gaps between samples re-initialise tilt from the accelerometer, ms. */
  maxGapMs: number;
  /** At rest, a gravity error larger than this means the estimate is lost: re-initialise tilt, rad. */
  lostTiltRad: number;
  /**
   * Bias windows open only once the device has been still this long (s) and the
   * estimated up is within `convergedRad` of the averaged accelerometer: a filter still
   * settling after a gesture moves its up vector by feedback, which would read as bias.
   */
  biasSettleS: number;
  convergedRad: number;
  /** Low-pass time constant of the accelerometer for accelerometer-only tilt (no gyroscope), s. */
  accelOnlyTimeConstantS: number;
  rest: RestDetectorConfig;
  bias: GyroBiasConfig;
}

export const ATTITUDE_FILTER_DEFAULT: AttitudeFilterConfig = {
  accelGainRadPerS: 2,
  restAccelGainRadPerS: 2,
  accelTrustWidthG: 0.15,
  accelTrustRateRadPerS: 0.2,
  slowGainRadPerS: 0.4,
  slowTimeConstantS: 0.6,
  reanchorRad: 0.5,
  maxGapMs: 500,
  lostTiltRad: 0.35,
  biasSettleS: 1.2,
  convergedRad: 0.012,
  accelOnlyTimeConstantS: 0.1,
  rest: REST_DETECTOR_DEFAULT,
  bias: GYRO_BIAS_DEFAULT,
};

/** Defaults overridden by `partial`, nested rest and bias settings merged too. */
export function attitudeFilterConfig(partial: Partial<Omit<AttitudeFilterConfig, "rest" | "bias">> & { rest?: Partial<RestDetectorConfig>; bias?: Partial<GyroBiasConfig> } = {}): AttitudeFilterConfig {
  const d = ATTITUDE_FILTER_DEFAULT;
  return { ...d, ...partial, rest: { ...d.rest, ...partial.rest }, bias: { ...d.bias, ...partial.bias } };
}

export type AttitudeFilterOptions = Parameters<typeof attitudeFilterConfig>[0];
