import { F_DT_S, F_GX, F_GY, F_GZ, F_UP_X, F_UP_Y, F_UP_Z } from "./motion-frame";

/**
 * Gyro bias from the periods the device rests: the mean rotation rate while nothing
 * should turn, rad/s, device frame.
 *
 * A resting forearm is never perfectly still: it sways by about a degree, which over a
 * 2 s rest is a mean rate as large as a phone's bias (0.002-0.01 rad/s). So:
 * - Each rest window's bias is (∫ω dt − θ⊥) / T, where θ⊥ (along up_end × up_start, by
 *   the angle between them) is the rotation about the horizontal axes actually made
 *   meanwhile, as seen by the attitude filter's gravity-corrected up vector. The bias
 *   the filter subtracts stays fixed within a window, so its steady tilt lag (bias
 *   error / gain) is the same at both ends and cancels. Windows only run once the
 *   filter has settled (the caller decides): feedback still pulling the estimate
 *   would read as bias.
 * - The sway about the vertical is unobservable without a magnetometer: it only
 *   averages out, as 1/T. Windows are therefore pooled as a weighted least-squares
 *   estimate with a 3×3 information matrix: along the window's horizontal axes a window
 *   is worth much (tilt is measured), along its vertical little unless it is long. As
 *   the device rests in different poses between gestures, each device axis gets its
 *   information from the poses where it was horizontal.
 * - Old information fades (`forgetS`), so a bias drifting with temperature is followed.
 */
export interface GyroBiasConfig {
  /** The first two windows close after this long, for a quick first estimate, s. */
  windowS: number;
  /** Later windows run this long: the vertical sway's error shrinks as 1/T, s. */
  longWindowS: number;
  /** Shorter windows (the rest ended) are dropped, s. */
  minWindowS: number;
  /** Error of the filter's up vector at each end of a window, rad. */
  tiltErrorRad: number;
  /** Typical rotation of a resting forearm about the vertical within a window, rad. */
  verticalSwayRad: number;
  /** Gyro white noise, rad/s/√Hz (≈ per-sample σ / √rate). */
  gyroNoiseRadPerSqrtS: number;
  /** Time constant with which old windows lose weight, s. */
  forgetS: number;
}

export const GYRO_BIAS_DEFAULT: GyroBiasConfig = {
  windowS: 2,
  longWindowS: 10,
  minWindowS: 0.5,
  tiltErrorRad: 0.002,
  verticalSwayRad: 0.015,
  gyroNoiseRadPerSqrtS: 0.001,
  forgetS: 600,
};

/** This many short windows first, so that an estimate exists a few seconds into the first rest. */
const QUICK_WINDOWS = 2;

export class GyroBiasEstimator {
  readonly config: GyroBiasConfig;
  /** Current estimate, rad/s, device frame; zero until the first window closes. */
  readonly biasRadPerS = new Float64Array(3);
  /** Information matrix, symmetric: xx, xy, xz, yy, yz, zz (s²/rad²). */
  private readonly info = new Float64Array(6);
  /** Information-weighted sum of window biases. */
  private readonly infoBias = new Float64Array(3);
  private pooledS = 0;
  private windowsClosed = 0;
  private sinceCloseS = 0;
  private readonly sum = new Float64Array(3);
  private readonly upStart = new Float64Array(3);
  private readonly upEnd = new Float64Array(3);
  private windowLengthS = 0;
  private open = false;

  constructor(config: Partial<GyroBiasConfig> = {}) {
    this.config = { ...GYRO_BIAS_DEFAULT, ...config };
  }

  /** Rest time pooled into the estimate (faded like the information), s: 0 means no estimate yet. */
  get supportS(): number {
    return this.pooledS;
  }

  /**
   * One sample (motion-frame.ts slots: dt, raw rotation rate, the filter's up vector)
   * and whether the device rests with the filter settled. Call every sample.
   */
  update(frame: Float64Array, usable: boolean): void {
    const dtS = frame[F_DT_S]!;
    this.sinceCloseS += dtS;
    if (!usable) {
      if (this.open) this.close();
      return;
    }
    if (!this.open) {
      this.open = true;
      this.windowLengthS = 0;
      this.sum.fill(0);
      this.upStart[0] = frame[F_UP_X]!;
      this.upStart[1] = frame[F_UP_Y]!;
      this.upStart[2] = frame[F_UP_Z]!;
      return;
    }
    const s = this.sum;
    s[0] = s[0]! + frame[F_GX]! * dtS;
    s[1] = s[1]! + frame[F_GY]! * dtS;
    s[2] = s[2]! + frame[F_GZ]! * dtS;
    this.windowLengthS += dtS;
    this.upEnd[0] = frame[F_UP_X]!;
    this.upEnd[1] = frame[F_UP_Y]!;
    this.upEnd[2] = frame[F_UP_Z]!;
    const c = this.config;
    if (this.windowLengthS >= (this.windowsClosed < QUICK_WINDOWS ? c.windowS : c.longWindowS)) this.close();
  }

  reset(): void {
    this.biasRadPerS.fill(0);
    this.info.fill(0);
    this.infoBias.fill(0);
    this.pooledS = 0;
    this.windowsClosed = 0;
    this.sinceCloseS = 0;
    this.open = false;
  }

  private close(): void {
    this.open = false;
    const t = this.windowLengthS;
    const c = this.config;
    if (t < c.minWindowS) return;
    const u = this.upStart;
    const v = this.upEnd;
    const s = this.sum;
    // The window's bias: (∫ω dt − θ⊥)/t, θ⊥ along up_end × up_start with the angle between them.
    const cx = v[1]! * u[2]! - v[2]! * u[1]!;
    const cy = v[2]! * u[0]! - v[0]! * u[2]!;
    const cz = v[0]! * u[1]! - v[1]! * u[0]!;
    const sin = Math.sqrt(cx * cx + cy * cy + cz * cz);
    const k = sin > 1e-12 ? Math.atan2(sin, u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!) / sin : 1;
    const bx = (s[0]! - k * cx) / t;
    const by = (s[1]! - k * cy) / t;
    const bz = (s[2]! - k * cz) / t;
    // Its variance along the horizontal and the vertical, and the vertical axis itself.
    const noise = (c.gyroNoiseRadPerSqrtS * c.gyroNoiseRadPerSqrtS) / t;
    const wh = 1 / ((c.tiltErrorRad / t) ** 2 + noise);
    const wv = 1 / ((c.verticalSwayRad / t) ** 2 + noise);
    let nx = u[0]! + v[0]!;
    let ny = u[1]! + v[1]!;
    let nz = u[2]! + v[2]!;
    const n = Math.hypot(nx, ny, nz);
    nx /= n;
    ny /= n;
    nz /= n;
    // Fade what was pooled before, then add wh·(I − nnᵀ) + wv·nnᵀ.
    const fade = Math.exp(-this.sinceCloseS / c.forgetS);
    this.sinceCloseS = 0;
    const I = this.info;
    const r = this.infoBias;
    for (let k = 0; k < 6; k++) I[k] = I[k]! * fade;
    for (let k = 0; k < 3; k++) r[k] = r[k]! * fade;
    const d = wv - wh;
    const ixx = wh + d * nx * nx;
    const ixy = d * nx * ny;
    const ixz = d * nx * nz;
    const iyy = wh + d * ny * ny;
    const iyz = d * ny * nz;
    const izz = wh + d * nz * nz;
    I[0] = I[0]! + ixx;
    I[1] = I[1]! + ixy;
    I[2] = I[2]! + ixz;
    I[3] = I[3]! + iyy;
    I[4] = I[4]! + iyz;
    I[5] = I[5]! + izz;
    r[0] = r[0]! + ixx * bx + ixy * by + ixz * bz;
    r[1] = r[1]! + ixy * bx + iyy * by + iyz * bz;
    r[2] = r[2]! + ixz * bx + iyz * by + izz * bz;
    this.pooledS = this.pooledS * fade + t;
    this.windowsClosed++;
    this.solve();
  }

  /** bias = I⁻¹ r, by the adjugate (I is symmetric positive definite: every window adds to all three axes). */
  private solve(): void {
    const I = this.info;
    const a = I[0]!;
    const b = I[1]!;
    const c = I[2]!;
    const d = I[3]!;
    const e = I[4]!;
    const f = I[5]!;
    const c00 = d * f - e * e;
    const c01 = c * e - b * f;
    const c02 = b * e - c * d;
    const c11 = a * f - c * c;
    const c12 = b * c - a * e;
    const c22 = a * d - b * b;
    const det = a * c00 + b * c01 + c * c02;
    if (!(det > 0)) return;
    const r = this.infoBias;
    const out = this.biasRadPerS;
    out[0] = (c00 * r[0]! + c01 * r[1]! + c02 * r[2]!) / det;
    out[1] = (c01 * r[0]! + c11 * r[1]! + c12 * r[2]!) / det;
    out[2] = (c02 * r[0]! + c12 * r[1]! + c22 * r[2]!) / det;
  }
}
