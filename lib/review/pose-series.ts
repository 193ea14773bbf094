import { F, SAMPLE_WIDTH, type SampleTuple } from "../protocol/sample";
import { PoseTracker } from "../pose/pose-tracker";
import type { PoseSettings } from "../pose/pose-types";

/**
 * Pose angles of a stored recording, one per sample row, for the review timeline.
 * The rows go through the same PoseTracker the live desktop runs, in order, so the
 * angles under a label are the ones a detector saw live (same filter, same rest and
 * gap handling), not a second estimate that could disagree with it.
 *
 * Names follow the review page, which speaks of pitch/roll/yaw: pitch is the
 * tracker's `raiseDeg` (forearm elevation), roll its `rollDeg`, yaw its `headingDeg`
 * (relative to the first sample; drifts, there is no magnetometer).
 */
export interface PoseSeries {
  pitchDeg: Float64Array;
  rollDeg: Float64Array;
  yawDeg: Float64Array;
}

/** A wire value from a stored row: stored rows use NaN for a missing sensor, the wire uses null. */
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * Angles in degrees for the first `length` rows of `rows` (SAMPLE_WIDTH values each,
 * the device's own clock). A row the filter cannot use (no acceleration, a repeated
 * or backward time before the filter has started) reads NaN, as does every row before
 * the first usable one, so a chart shows a gap rather than a made-up angle.
 */
export function poseSeriesCompute(rows: Float64Array, length: number, settings?: Partial<PoseSettings>): PoseSeries {
  const n = Math.max(0, Math.min(length, Math.floor(rows.length / SAMPLE_WIDTH)));
  const out: PoseSeries = { pitchDeg: new Float64Array(n), rollDeg: new Float64Array(n), yawDeg: new Float64Array(n) };
  const tracker = new PoseTracker(settings);
  const tuple = new Array<number | null>(SAMPLE_WIDTH).fill(null) as SampleTuple;
  for (let i = 0; i < n; i++) {
    const base = i * SAMPLE_WIDTH;
    const tMs = rows[base + F.tMs]!;
    tuple[0] = tMs;
    for (let c = 1; c < SAMPLE_WIDTH; c++) {
      const v = rows[base + c]!;
      // Acceleration is never null on the wire; NaN there makes the filter skip the row, which is right.
      tuple[c] = c <= F.accelGZ ? v : orNull(v);
    }
    tracker.push(tuple);
    // The tracker ignores unusable rows; its last time then is not this row's.
    const used = tracker.lastTMs === tMs;
    out.pitchDeg[i] = used ? tracker.angles.raiseDeg : NaN;
    out.rollDeg[i] = used ? tracker.angles.rollDeg : NaN;
    out.yawDeg[i] = used ? tracker.angles.headingDeg : NaN;
  }
  return out;
}
