import { quatConjugate, quatMultiply, quatSet, type Quat } from "../math/quat";
import { watchHeadingRad } from "./watch-mapping";

/**
 * The neutral-pose calibration: the wearer holds the forearm horizontal, pointing
 * forward, watch face up, and taps; the next ~1 s of attitudes are averaged, and the
 * body frame and mounting are set so that this pose reads raise 0, roll 0, heading 0.
 *
 * Two things are solved from one averaged watch-to-world attitude W (computed with the
 * placement's nominal mapping):
 * - the body frame: world turned about the vertical by W's heading ψ, so that forward
 *   is where the forearm pointed: world-to-body B = Rz(−ψ);
 * - a mounting correction C (watch-to-watch, applied after the nominal mapping) that
 *   absorbs the rest: C = W⁻¹ ⊗ Rz(ψ), so that B ⊗ W ⊗ C = identity. For a phone a few
 *   degrees off the forearm's axes, C is those few degrees (tilt about the forearm and
 *   across it, which gravity reveals). A turn of the phone about its screen normal
 *   looks, in one still pose, exactly like a different heading, so it cannot be told
 *   apart here: it stays in the mounting as a small yaw and shows as cross-talk.
 *   With 5° of it (pose-calibration.test.ts; truth roll 20, heading 15) a raise of 30°
 *   reads ~1.6° high and roll ~3° low; at a raise of 80° raise is still within 1°, but
 *   roll and heading, ill-conditioned for a near-vertical forearm, are off by ~25-30°.
 *   Removing it would need a second calibration pose (e.g. forearm raised).
 */
export const CALIBRATION_DURATION_MS = 1000;

export class CalibrationCollector {
  /** Sign-aligned sum of the watch-to-world quaternions: their normalised mean (fine for a spread of a few degrees). */
  private readonly sum: Quat = [0, 0, 0, 0];
  private startTMs = NaN;
  private active = false;
  private count = 0;

  constructor(readonly durationMs: number = CALIBRATION_DURATION_MS) {}

  get collecting(): boolean {
    return this.active;
  }

  /** Starts (or restarts) a collection at the next sample. */
  start(): void {
    quatSet(this.sum, 0, 0, 0, 0);
    this.startTMs = NaN;
    this.count = 0;
    this.active = true;
  }

  cancel(): void {
    this.active = false;
  }

  /**
   * Adds one watch-to-world attitude (w first) at tMs. Returns true on the sample that
   * completes the collection; the mean is then in `out`.
   */
  add(tMs: number, q: ArrayLike<number>, out: Quat): boolean {
    if (!this.active) return false;
    if (Number.isNaN(this.startTMs)) this.startTMs = tMs;
    const s = this.sum;
    const sign = this.count === 0 || s[0] * q[0]! + s[1] * q[1]! + s[2] * q[2]! + s[3] * q[3]! >= 0 ? 1 : -1;
    s[0] += sign * q[0]!;
    s[1] += sign * q[1]!;
    s[2] += sign * q[2]!;
    s[3] += sign * q[3]!;
    this.count++;
    if (tMs - this.startTMs < this.durationMs) return false;
    this.active = false;
    const n = Math.hypot(s[0], s[1], s[2], s[3]);
    quatSet(out, s[0] / n, s[1] / n, s[2] / n, s[3] / n);
    return true;
  }
}

/**
 * From the mean watch-to-world attitude of the neutral pose: writes the mounting
 * correction C into `outCorrection` and the world-to-body rotation B into `outBody`.
 */
export function calibrationSolve(meanWatchToWorld: Quat, outCorrection: Quat, outBody: Quat): void {
  const psi = watchHeadingRad(meanWatchToWorld);
  quatSet(outBody, Math.cos(-psi / 2), 0, 0, Math.sin(-psi / 2));
  // C = W⁻¹ ⊗ Rz(ψ) = W⁻¹ ⊗ B⁻¹.
  quatMultiply(quatConjugate(meanWatchToWorld, outCorrection), quatConjugate(outBody), outCorrection);
}
