import type { Quat } from "../math/quat";
import type { SampleTuple } from "../protocol/sample";
import { attitudeFilterConfig, STANDARD_GRAVITY_MPS2, type AttitudeFilterConfig, type AttitudeFilterOptions } from "./attitude-filter-config";
import { GyroBiasEstimator } from "./gyro-bias-estimator";
import { F_AX, F_AY, F_AZ, F_DT_S, F_GX, F_GY, F_GZ, F_UP_X, F_UP_Y, F_UP_Z, motionFrameCreate, motionFrameHasGyro } from "./motion-frame";
import { RestDetector } from "./rest-detector";
import { quatTiltToUp, quatTurnUp } from "./tilt-align";

/**
 * Attitude from accelerometer and gyroscope: Mahony's explicit complementary filter
 * (R. Mahony, T. Hamel, J.-M. Pflimlin, "Nonlinear Complementary Filters on the Special
 * Orthogonal Group", IEEE TAC 53(5), 2008), the IMU form without magnetometer: the
 * gyro is integrated, and the rotation that would bring the estimated "up" onto the
 * measured one (e = a × v̂) is fed back as an extra rate, k·e.
 *
 * Written here rather than taken from npm: the one JS package for the job, `ahrs`
 * (checked with `npm view ahrs`: 1.3.3, APSL-2.0, Madgwick/Mahony with a fixed sample
 * interval, no bias or rest handling, allocating getters) would need everything below
 * wrapped around it, and the project's dependencies are not this module's to change.
 * What it adds to the textbook filter:
 * - the step from each sample's own timestamp (browsers jitter, drop and batch), with
 *   the exact exponential map and the trapezoidal mean of consecutive rates;
 * - gaps over `maxGapMs` (or a clock going back) re-initialise tilt from the
 *   accelerometer, keeping heading: integrating across a gap would be a guess;
 * - the gyro bias, estimated while at rest ({@link GyroBiasEstimator}), subtracted,
 *   instead of Mahony's integral term, which cannot see the bias about the vertical;
 * - accelerometer trust cut when |a| is far from g or the device turns fast (both mean
 *   the accelerometer sees more than gravity), full at rest, plus a slow term on
 *   averaged gravity that holds tilt through long swinging motions and re-anchors a
 *   lost estimate (attitude-filter-config.ts says why each is there);
 * - accelerometer-only tilt when a sample has no rotation rate;
 * - no allocation per sample: state in typed arrays, parts fed through one frame
 *   (motion-frame.ts; measured by scripts/bench-pose.ts --alloc: ~17 bytes/sample of
 *   young-generation growth for the whole PoseTracker.push, about one boxed number,
 *   no objects).
 *
 * Frames: `quat` is device-to-world, w first; world z is up, world heading arbitrary
 * (set by the first sample; no magnetometer, so it drifts with the residual bias).
 */
export class AttitudeFilter {
  readonly config: AttitudeFilterConfig;
  /** Device-to-world, w first; identity until the first sample. */
  readonly quat: Quat = [1, 0, 0, 0];
  private readonly restDetector: RestDetector;
  private readonly biasEstimator: GyroBiasEstimator;
  /** The current sample, shared with the rest detector and bias estimator (motion-frame.ts). */
  private readonly frame = motionFrameCreate();
  private lastTMs = NaN;
  /** Previous bias-corrected rotation rate (rad/s) for the trapezoidal step; NaN when there is none. */
  private readonly prevRate = new Float64Array([NaN, NaN, NaN]);
  /** Low-passed acceleration for accelerometer-only tilt, m/s²; NaN when not running. */
  private readonly accelSmooth = new Float64Array([NaN, NaN, NaN]);
  /** Averaged acceleration (m/s²) and averaged estimated up, device frame, for the slow term. */
  private readonly slowAccel = new Float64Array(3);
  private readonly slowUp = new Float64Array(3);

  constructor(options: AttitudeFilterOptions = {}) {
    this.config = attitudeFilterConfig(options);
    this.restDetector = new RestDetector(this.config.rest);
    this.biasEstimator = new GyroBiasEstimator(this.config.bias);
  }

  /** True once a sample has set the attitude. */
  get initialized(): boolean {
    return !Number.isNaN(this.lastTMs);
  }

  get atRest(): boolean {
    return this.restDetector.atRest;
  }

  /** Gyro bias estimate, rad/s, device frame (subtracted from every reading). */
  get gyroBiasRadPerS(): Float64Array {
    return this.biasEstimator.biasRadPerS;
  }

  /** Phone-clock time of the last sample used, ms; NaN before the first. */
  get lastSampleTMs(): number {
    return this.lastTMs;
  }

  /** One wire sample (lib/protocol/sample.ts). Allocation-free. */
  updateSample(s: SampleTuple): void {
    const f = this.frame;
    f[F_AX] = s[1];
    f[F_AY] = s[2];
    f[F_AZ] = s[3];
    const gx = s[7];
    const gy = s[8];
    const gz = s[9];
    const hasGyro = gx !== null && gy !== null && gz !== null;
    f[F_GX] = hasGyro ? gx : NaN;
    f[F_GY] = hasGyro ? gy : NaN;
    f[F_GZ] = hasGyro ? gz : NaN;
    this.step(s[0]);
  }

  /**
   * One sample as numbers: time (ms), acceleration including gravity (m/s², device
   * frame, +g up at rest), rotation rate (rad/s) or null without a gyroscope.
   */
  update(tMs: number, ax: number, ay: number, az: number, gx: number | null, gy: number | null, gz: number | null): void {
    const f = this.frame;
    f[F_AX] = ax;
    f[F_AY] = ay;
    f[F_AZ] = az;
    f[F_GX] = gx ?? NaN;
    f[F_GY] = gy ?? NaN;
    f[F_GZ] = gz ?? NaN;
    this.step(tMs);
  }

  /** Forgets attitude, rest state and bias; the next sample initialises from its acceleration. */
  reset(): void {
    this.restDetector.reset();
    this.biasEstimator.reset();
    this.lastTMs = NaN;
    this.prevRate.fill(NaN);
    this.accelSmooth.fill(NaN);
    this.quat[0] = 1;
    this.quat[1] = this.quat[2] = this.quat[3] = 0;
  }

  /** Non-finite or zero acceleration is ignored: it carries no attitude. */
  private step(tMs: number): void {
    const f = this.frame;
    const ax = f[F_AX]!;
    const ay = f[F_AY]!;
    const az = f[F_AZ]!;
    const aNorm = Math.sqrt(ax * ax + ay * ay + az * az);
    if (!Number.isFinite(tMs) || !Number.isFinite(aNorm) || aNorm < 1e-6) return;
    const dtS = (tMs - this.lastTMs) / 1000;
    // NaN before the first sample, negative when the clock went back: both start afresh, like a gap.
    if (!(dtS >= 0) || dtS * 1000 > this.config.maxGapMs) {
      this.restart(tMs);
      return;
    }
    if (dtS === 0) return;
    this.lastTMs = tMs;
    f[F_DT_S] = dtS;
    if (!motionFrameHasGyro(f)) {
      this.accelOnlyStep();
      return;
    }
    this.accelSmooth[0] = NaN;
    const bias = this.biasEstimator.biasRadPerS;
    const atRest = this.restDetector.update(f, bias);
    const q = this.quat;
    // Estimated up in the device frame: the third row of the device-to-world matrix.
    const vx = 2 * (q[1] * q[3] - q[0] * q[2]);
    const vy = 2 * (q[2] * q[3] + q[0] * q[1]);
    const vz = 1 - 2 * (q[1] * q[1] + q[2] * q[2]);
    f[F_UP_X] = vx;
    f[F_UP_Y] = vy;
    f[F_UP_Z] = vz;
    // Bias windows need a settled filter: see `biasSettleS` (the averaged accelerometer is the rest detector's mean).
    const m = this.restDetector.mean;
    const settled = atRest && this.restDetector.stillS >= this.config.biasSettleS && (m[0]! * vx + m[1]! * vy + m[2]! * vz) / Math.sqrt(m[0]! * m[0]! + m[1]! * m[1]! + m[2]! * m[2]!) > Math.cos(this.config.convergedRad);
    this.biasEstimator.update(f, settled);
    const wx = f[F_GX]! - bias[0]!;
    const wy = f[F_GY]! - bias[1]!;
    const wz = f[F_GZ]! - bias[2]!;
    // Trapezoidal rule: the mean of this rate and the last one over the step between
    // them; with jittered or dropped samples a rate held from one end is off by half the change.
    const p = this.prevRate;
    const first = Number.isNaN(p[0]!);
    let rx = first ? wx : (wx + p[0]!) / 2;
    let ry = first ? wy : (wy + p[1]!) / 2;
    let rz = first ? wz : (wz + p[2]!) / 2;
    p[0] = wx;
    p[1] = wy;
    p[2] = wz;
    const ux = ax / aNorm;
    const uy = ay / aNorm;
    const uz = az / aNorm;
    if (atRest && ux * vx + uy * vy + uz * vz < Math.cos(this.config.lostTiltRad)) {
      quatTiltToUp(q, f, F_AX);
      this.slowSeed();
      return;
    }
    // Mahony's correction: e = a × v̂ turns v̂ toward the measured up.
    // Off rest the fast gain falls with |a| − g and steeply with the rate (attitude-filter-config.ts).
    const c = this.config;
    const dev = Math.abs(aNorm - STANDARD_GRAVITY_MPS2) / (STANDARD_GRAVITY_MPS2 * c.accelTrustWidthG);
    const r2 = (wx * wx + wy * wy + wz * wz) / (c.accelTrustRateRadPerS * c.accelTrustRateRadPerS);
    const gain = atRest ? c.restAccelGainRadPerS : dev >= 1 ? 0 : (c.accelGainRadPerS * (1 - dev) * (1 - dev)) / (1 + r2 * r2);
    rx += gain * (uy * vz - uz * vy);
    ry += gain * (uz * vx - ux * vz);
    rz += gain * (ux * vy - uy * vx);
    // The slow term on averages of both (see `slowGainRadPerS`).
    const sa = this.slowAccel;
    const sv = this.slowUp;
    const beta = 1 - Math.exp(-dtS / this.config.slowTimeConstantS);
    sa[0] = sa[0]! + beta * (ax - sa[0]!);
    sa[1] = sa[1]! + beta * (ay - sa[1]!);
    sa[2] = sa[2]! + beta * (az - sa[2]!);
    sv[0] = sv[0]! + beta * (vx - sv[0]!);
    sv[1] = sv[1]! + beta * (vy - sv[1]!);
    sv[2] = sv[2]! + beta * (vz - sv[2]!);
    const saNorm = Math.sqrt(sa[0]! * sa[0]! + sa[1]! * sa[1]! + sa[2]! * sa[2]!);
    const svNorm = Math.sqrt(sv[0]! * sv[0]! + sv[1]! * sv[1]! + sv[2]! * sv[2]!);
    const slowDev = Math.abs(saNorm - STANDARD_GRAVITY_MPS2) / (STANDARD_GRAVITY_MPS2 * 2 * this.config.accelTrustWidthG);
    if (slowDev < 1 && svNorm > 0.5) {
      const cos = (sa[0]! * sv[0]! + sa[1]! * sv[1]! + sa[2]! * sv[2]!) / (saNorm * svNorm);
      if (slowDev < 0.5 && cos < Math.cos(this.config.reanchorRad)) {
        // Lost (typically initialised from one sample taken mid-gesture): turn at once
        // by what separates the averages instead of waiting out the slow term.
        quatTurnUp(q, sv, sa);
        sv[0] = sa[0]! / saNorm;
        sv[1] = sa[1]! / saNorm;
        sv[2] = sa[2]! / saNorm;
        return;
      }
      const k = (this.config.slowGainRadPerS * (1 - slowDev)) / (saNorm * svNorm);
      rx += k * (sa[1]! * sv[2]! - sa[2]! * sv[1]!);
      ry += k * (sa[2]! * sv[0]! - sa[0]! * sv[2]!);
      rz += k * (sa[0]! * sv[1]! - sa[1]! * sv[0]!);
    }
    this.integrate(rx, ry, rz, dtS);
  }

  /** q ← q ⊗ exp(ω dt): the body-frame rate applied over one step, exactly. */
  private integrate(rx: number, ry: number, rz: number, dtS: number): void {
    const angle = Math.sqrt(rx * rx + ry * ry + rz * rz) * dtS;
    const half = angle / 2;
    const c = Math.cos(half);
    // sin(θ/2)/|ω|, with θ = |ω|·dt; its series below 1e-4 rad, where the division loses digits.
    const k = angle < 1e-4 ? dtS * (0.5 - (angle * angle) / 48) : (Math.sin(half) * dtS) / angle;
    const bx = rx * k;
    const by = ry * k;
    const bz = rz * k;
    const q = this.quat;
    const w = q[0];
    const x = q[1];
    const y = q[2];
    const z = q[3];
    const nw = w * c - x * bx - y * by - z * bz;
    const nx = w * bx + x * c + y * bz - z * by;
    const ny = w * by - x * bz + y * c + z * bx;
    const nz = w * bz + x * by - y * bx + z * c;
    const n = 1 / Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
    q[0] = nw * n;
    q[1] = nx * n;
    q[2] = ny * n;
    q[3] = nz * n;
  }

  private restart(tMs: number): void {
    this.lastTMs = tMs;
    this.prevRate[0] = NaN;
    this.accelSmooth[0] = NaN;
    this.restDetector.reset();
    quatTiltToUp(this.quat, this.frame, F_AX);
    this.slowSeed();
  }

  /** Starts both averages at agreement on this sample: the slow term only acts on what follows. */
  private slowSeed(): void {
    const f = this.frame;
    const n = Math.sqrt(f[F_AX]! * f[F_AX]! + f[F_AY]! * f[F_AY]! + f[F_AZ]! * f[F_AZ]!);
    for (let i = 0; i < 3; i++) {
      this.slowAccel[i] = f[F_AX + i]!;
      this.slowUp[i] = f[F_AX + i]! / n;
    }
  }

  private accelOnlyStep(): void {
    const f = this.frame;
    const s = this.accelSmooth;
    this.prevRate[0] = NaN;
    if (Number.isNaN(s[0]!)) {
      for (let i = 0; i < 3; i++) s[i] = f[F_AX + i]!;
    } else {
      const alpha = 1 - Math.exp(-f[F_DT_S]! / this.config.accelOnlyTimeConstantS);
      for (let i = 0; i < 3; i++) s[i] = s[i]! + alpha * (f[F_AX + i]! - s[i]!);
    }
    this.restDetector.update(f, this.biasEstimator.biasRadPerS);
    quatTiltToUp(this.quat, s);
  }
}
