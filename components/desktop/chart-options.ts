import type uPlot from "uplot";
import { F } from "@/lib/protocol/sample";

export type ChartKind = "accel" | "gyro";

export interface ChartSpec {
  title: string;
  unit: string;
  /** Sample fields plotted, x/y/z. */
  channels: readonly [number, number, number];
  /**
   * The y range always covers ±this: a phone at rest shows as flat lines around
   * gravity instead of sensor noise blown up to full height.
   */
  softRange: number;
  /** What to say when the device has no such sensor (all values missing). */
  missing: string;
}

export const CHART_SPECS: Record<ChartKind, ChartSpec> = {
  accel: {
    title: "Acceleration incl. gravity",
    unit: "m/s²",
    channels: [F.accelGX, F.accelGY, F.accelGZ],
    softRange: 12,
    missing: "No accelerometer data from this device",
  },
  gyro: {
    title: "Rotation rate",
    unit: "rad/s",
    channels: [F.gyroX, F.gyroY, F.gyroZ],
    softRange: 3,
    missing: "No gyroscope on this device",
  },
};

/** Axis colours in the x/y/z = red/green/blue convention of 3D tools, lightened to read on a dark background. */
export const AXIS_COLORS = ["#ff6b6b", "#5ce07a", "#4dabf7"] as const;
export const AXIS_NAMES = ["x", "y", "z"] as const;

/** Seconds of history on screen. */
export const CHART_WINDOW_S = 10;

/** A pause longer than this (link down, phone asleep) is drawn as a break, not as a straight line across it. */
const BREAK_AFTER_S = 0.25;

/** uPlot only breaks lines at nulls; the ring stores no nulls for time that never arrived, so breaks come from x. */
const timeGaps: uPlot.Series.GapsRefiner = (u, _series, idx0, idx1, gaps) => {
  const xs = u.data[0];
  for (let i = idx0; i < idx1; i++) {
    const a = xs[i]!;
    const b = xs[i + 1]!;
    if (b - a > BREAK_AFTER_S) gaps.push([Math.round(u.valToPos(a, "x", true)) + 1, Math.round(u.valToPos(b, "x", true)) - 1]);
  }
  return gaps;
};

const AXIS_STROKE = "#9fb0c3";
const GRID_STROKE = "rgba(148, 163, 184, 0.14)";
const FONT = "500 13px ui-sans-serif, system-ui, sans-serif";

export function chartOptions(spec: ChartSpec, width: number, height: number): uPlot.Options {
  const axis = { stroke: AXIS_STROKE, font: FONT, grid: { stroke: GRID_STROKE, width: 1 }, ticks: { stroke: GRID_STROKE, width: 1 } };
  return {
    width,
    height,
    legend: { show: false },
    // A cursor over a plot that moves 60 times a second shows nothing anyone can read.
    cursor: { show: false },
    scales: {
      x: { time: false, auto: false, range: [-CHART_WINDOW_S, 0] },
      y: {
        range: (_u, min, max) => {
          const lo = Number.isFinite(min) ? Math.min(min, -spec.softRange) : -spec.softRange;
          const hi = Number.isFinite(max) ? Math.max(max, spec.softRange) : spec.softRange;
          return [lo, hi];
        },
      },
    },
    axes: [
      { ...axis, size: 32, incrs: [1, 2, 5], values: (_u, splits) => splits.map((s) => (s === 0 ? "now" : `${s} s`)) },
      { ...axis, size: 48 },
    ],
    series: [
      {},
      ...spec.channels.map((_, i) => ({
        label: AXIS_NAMES[i],
        stroke: AXIS_COLORS[i],
        width: 2,
        points: { show: false },
        gaps: timeGaps,
      })),
    ],
  };
}
