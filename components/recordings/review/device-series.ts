import type uPlot from "uplot";
import { F, SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { poseSeriesCompute } from "@/lib/review/pose-series";

/**
 * One device's stored samples in the shapes the review timeline draws: uPlot data
 * per chart (x in seconds from the recording's start on the recording clock) and a
 * magnitude trace for the overview. Built once per device load, then only read.
 *
 * uPlot breaks a line only at null, not at NaN (it would join the points around a
 * NaN), so missing values become null, and a pause in the stream (a phone that lost
 * its link) gets one null row in the middle so no line is drawn across it.
 */
export interface DeviceSeries {
  length: number;
  accel: uPlot.AlignedData;
  gyro: uPlot.AlignedData;
  pose: uPlot.AlignedData;
  hasGyro: boolean;
  /** Recording-clock ms of each row and its acceleration incl. gravity (x, y, z in m/s², NaN missing), for the overview. */
  tMs: Float64Array;
  accelMps2: readonly [Float32Array, Float32Array, Float32Array];
}

/** A pause longer than this many typical sample intervals is drawn as a break. */
const BREAK_INTERVALS = 5;
/** ...and never shorter than this, so jittery browser timing does not chop the line. */
const BREAK_MIN_MS = 250;

/** Median of up to ~2000 spread-out sample intervals: the typical spacing, robust to a few pauses. */
function typicalIntervalMs(rows: Float64Array, length: number): number {
  const step = Math.max(1, Math.floor(length / 2000));
  const dts: number[] = [];
  for (let i = step; i < length; i += step) dts.push(rows[i * SAMPLE_WIDTH]! - rows[(i - 1) * SAMPLE_WIDTH]!);
  dts.sort((a, b) => a - b);
  return dts[dts.length >> 1] ?? 0;
}

export function deviceSeriesBuild(rows: Float64Array, length: number, clockOffsetMs: number, originMs: number): DeviceSeries {
  const n = Math.min(length, Math.floor(rows.length / SAMPLE_WIDTH));
  const pose = poseSeriesCompute(rows, n);
  const breakMs = Math.max(BREAK_MIN_MS, BREAK_INTERVALS * typicalIntervalMs(rows, n));
  const xs: number[] = [];
  const channels = [F.accelGX, F.accelGY, F.accelGZ, F.gyroX, F.gyroY, F.gyroZ];
  const ys: (number | null)[][] = [[], [], [], [], [], [], [], []];
  const tMs = new Float64Array(n);
  const accelMps2 = [new Float32Array(n), new Float32Array(n), new Float32Array(n)] as const;
  let hasGyro = false;
  let prevMs = NaN;
  for (let i = 0; i < n; i++) {
    const base = i * SAMPLE_WIDTH;
    const t = rows[base + F.tMs]! + clockOffsetMs;
    if (t - prevMs > breakMs) {
      xs.push((prevMs + t) / 2 / 1000 - originMs / 1000);
      for (const y of ys) y.push(null);
    }
    prevMs = t;
    xs.push((t - originMs) / 1000);
    channels.forEach((c, k) => {
      const v = rows[base + c]!;
      ys[k]!.push(Number.isNaN(v) ? null : v);
    });
    const pitch = pose.pitchDeg[i]!;
    const roll = pose.rollDeg[i]!;
    ys[6]!.push(Number.isNaN(pitch) ? null : pitch);
    ys[7]!.push(Number.isNaN(roll) ? null : roll);
    if (!hasGyro && !Number.isNaN(rows[base + F.gyroX]!)) hasGyro = true;
    tMs[i] = t;
    accelMps2[0][i] = rows[base + F.accelGX]!;
    accelMps2[1][i] = rows[base + F.accelGY]!;
    accelMps2[2][i] = rows[base + F.accelGZ]!;
  }
  const x = Float64Array.from(xs);
  return {
    length: n,
    accel: [x, ys[0]!, ys[1]!, ys[2]!],
    gyro: [x, ys[3]!, ys[4]!, ys[5]!],
    pose: [x, ys[6]!, ys[7]!],
    hasGyro,
    tMs,
    accelMps2,
  };
}
