import { quatIdentity, quatMultiply, quatSet, type Quat } from "../math/quat";
import type { SampleTuple } from "../protocol/sample";
import { RingBuffer } from "../stream/ring-buffer";
import { AttitudeFilter } from "./attitude-filter";
import type { AttitudeFilterOptions } from "./attitude-filter-config";
import { CalibrationCollector, calibrationSolve } from "./calibration";
import { POSE_SETTINGS_DEFAULT, type CalibrationState, type PoseAngles, type PoseSettings } from "./pose-types";
import { WATCH_TO_DEVICE, watchAngles, watchHeadingRad } from "./watch-mapping";

/** Elbow to wrist along the watch x axis, m (adult forearm; the simulator uses the same). */
export const FOREARM_LENGTH_M = 0.26;
/** The trail keeps ~3 s: one row per ≥ 12.5 ms (every sample at 60 Hz, every other at 100+ Hz). */
export const TRAIL_CAPACITY = 180;
const TRAIL_MIN_SPACING_MS = 12.5;

/**
 * One device's pose for the desktop: samples in, the watch's attitude in the body frame
 * out, every output updated in place so that frame loops read it without allocating.
 *
 * The chain, each link in its own module:
 *   wire sample → attitude filter (device-to-world, Mahony 2008, attitude-filter) →
 *   watch-to-body = B ⊗ q ⊗ M, with M = the placement's
 *   watch-to-device mapping (watch-mapping) times the calibration's mounting correction,
 *   and B the world-to-body turn about the vertical (calibration, recentring).
 * Until calibrated, B puts the first sample's forearm heading at 0 and M is the nominal
 * mapping.
 */
export class PoseTracker {
  settings: PoseSettings;
  /** watch-to-body rotation, w,x,y,z, updated in place (read it in frame loops) */
  readonly watchQuat = new Float64Array([1, 0, 0, 0]);
  /** updated in place */
  readonly angles: PoseAngles = { raiseDeg: 0, rollDeg: 0, headingDeg: 0 };
  /** wrist position in metres in the body frame from a simple arm model (elbow fixed at the origin, forearm length ~0.26 m along the watch x axis), updated in place */
  readonly wristPosM = new Float64Array([FOREARM_LENGTH_M, 0, 0]);
  /** last ~3 s of wrist positions: rows (tMs, x, y, z) */
  readonly trail = new RingBuffer(TRAIL_CAPACITY, 4);
  calibrationState: CalibrationState = "none";

  private readonly filter: AttitudeFilter;
  private readonly calibration = new CalibrationCollector();
  /** Mounting correction from calibration, watch-to-watch. */
  private readonly mountCorrection: Quat = [1, 0, 0, 0];
  /** Full watch-to-device mapping: nominal placement ⊗ mounting correction. */
  private readonly watchToDevice: Quat = [1, 0, 0, 0];
  /** World-to-body: a turn about the vertical. */
  private readonly worldToBody: Quat = [1, 0, 0, 0];
  private bodyPending = true;
  private readonly scratch: Quat = [1, 0, 0, 0];
  private readonly scratch2: Quat = [1, 0, 0, 0];
  private readonly trailRow = new Float64Array(4);
  private lastTrailTMs = -Infinity;

  constructor(settings?: Partial<PoseSettings>, filterOptions?: AttitudeFilterOptions) {
    this.settings = { ...POSE_SETTINGS_DEFAULT, ...settings };
    this.filter = new AttitudeFilter(filterOptions);
    this.applySettings();
  }

  /** Phone-clock time of the last sample, ms; NaN before any sample. */
  get lastTMs(): number {
    return this.filter.lastSampleTMs;
  }

  get atRest(): boolean {
    return this.filter.atRest;
  }

  /** Gyro bias estimate, rad/s, device frame. */
  get gyroBiasRadPerS(): Float64Array {
    return this.filter.gyroBiasRadPerS;
  }

  /**
   * Changes placement or side and re-maps the current attitude at once, without
   * resetting the fusion. A new placement drops the calibration (its mounting correction
   * belonged to the old mapping).
   */
  setSettings(s: Partial<PoseSettings>): void {
    const before = this.settings;
    this.settings = { ...before, ...s };
    if (this.settings.placement !== before.placement) {
      quatIdentity(this.mountCorrection);
      this.calibration.cancel();
      this.calibrationState = "none";
    }
    this.applySettings();
    if (this.filter.initialized) this.output(null);
  }

  /** One sample: O(1), no allocation. */
  push(sample: SampleTuple): void {
    this.filter.updateSample(sample);
    if (!this.filter.initialized) return;
    if (this.calibration.collecting) this.calibrationAdd(sample);
    if (this.bodyPending) this.headingZero();
    this.output(sample);
  }

  /** Starts the ~1 s neutral-pose collection; `calibrationState` reads "done" when it ends. */
  calibrate(): void {
    this.calibration.start();
    this.calibrationState = "collecting";
  }

  /** Heading to 0 now, tilt untouched: turns the body frame about the vertical. */
  recenter(): void {
    if (!this.filter.initialized) {
      this.bodyPending = true;
      return;
    }
    this.headingZero();
    this.output(null);
  }

  /** Forgets everything but the settings: attitude, bias, calibration, trail. */
  reset(): void {
    this.filter.reset();
    this.calibration.cancel();
    this.calibrationState = "none";
    quatIdentity(this.mountCorrection);
    quatIdentity(this.worldToBody);
    this.applySettings();
    this.bodyPending = true;
    this.watchQuat.set([1, 0, 0, 0]);
    this.angles.raiseDeg = this.angles.rollDeg = this.angles.headingDeg = 0;
    this.wristPosM.set([FOREARM_LENGTH_M, 0, 0]);
    this.trail.clear();
    this.lastTrailTMs = -Infinity;
  }

  /** World-to-body = Rz(−ψ), ψ the forearm's current heading in the world. */
  private headingZero(): void {
    this.bodyPending = false;
    const psi = watchHeadingRad(this.watchToWorld(this.scratch));
    quatSet(this.worldToBody, Math.cos(-psi / 2), 0, 0, Math.sin(-psi / 2));
  }

  private applySettings(): void {
    quatMultiply(WATCH_TO_DEVICE[this.settings.placement], this.mountCorrection, this.watchToDevice);
  }

  /** Watch-to-world with the current mapping: q ⊗ M. */
  private watchToWorld(out: Quat): Quat {
    return quatMultiply(this.filter.quat, this.watchToDevice, out);
  }

  private calibrationAdd(sample: SampleTuple): void {
    // Averaged with the nominal mapping: the correction is solved afresh, not on top of an old one.
    const w = quatMultiply(this.filter.quat, WATCH_TO_DEVICE[this.settings.placement], this.scratch);
    if (!this.calibration.add(sample[0], w, this.scratch2)) return;
    calibrationSolve(this.scratch2, this.mountCorrection, this.worldToBody);
    this.applySettings();
    this.bodyPending = false;
    this.calibrationState = "done";
  }

  /** Writes watchQuat, angles, wrist position and, for a sample (not a re-map between samples), the trail. */
  private output(sample: SampleTuple | null): void {
    const q = quatMultiply(this.worldToBody, this.watchToWorld(this.scratch), this.scratch);
    // One hemisphere (w ≥ 0) so that readers interpolating frame to frame never take the long way.
    const s = q[0] < 0 ? -1 : 1;
    const wq = this.watchQuat;
    wq[0] = s * q[0];
    wq[1] = s * q[1];
    wq[2] = s * q[2];
    wq[3] = s * q[3];
    watchAngles(wq, this.settings.side, this.angles);
    // The forearm is the watch x axis: the first column of the rotation matrix.
    const w = q[0];
    const x = q[1];
    const y = q[2];
    const z = q[3];
    const p = this.wristPosM;
    p[0] = FOREARM_LENGTH_M * (1 - 2 * (y * y + z * z));
    p[1] = FOREARM_LENGTH_M * 2 * (x * y + w * z);
    p[2] = FOREARM_LENGTH_M * 2 * (x * z - w * y);
    if (sample === null) return;
    const tMs = sample[0];
    // A clock that went back restarts the spacing.
    const sinceMs = tMs - this.lastTrailTMs;
    if (!(sinceMs >= TRAIL_MIN_SPACING_MS) && !(sinceMs < 0)) return;
    this.lastTrailTMs = tMs;
    const row = this.trailRow;
    row[0] = tMs;
    row[1] = p[0];
    row[2] = p[1];
    row[3] = p[2];
    this.trail.push(row);
  }
}
