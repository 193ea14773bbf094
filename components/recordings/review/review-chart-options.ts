import type uPlot from "uplot";
import { AXIS_COLORS } from "@/components/desktop/chart-options";
import { GUTTER_LEFT_PX, GUTTER_RIGHT_PX } from "./review-geometry";
import { axisSecondsText } from "./review-format";

export type ReviewChartKind = "accel" | "gyro" | "pose";

export interface ReviewChartSpec {
  kind: ReviewChartKind;
  title: string;
  unit: string;
  names: readonly string[];
  colors: readonly string[];
  /** The y range always covers ±this, so that a still phone reads as flat lines, not noise blown up. */
  softRange: number;
  /** Said over the chart when the device has no such data. */
  missing: string;
}

export const REVIEW_CHARTS: readonly ReviewChartSpec[] = [
  { kind: "accel", title: "Acceleration incl. gravity", unit: "m/s²", names: ["x", "y", "z"], colors: AXIS_COLORS, softRange: 12, missing: "No accelerometer data" },
  { kind: "gyro", title: "Rotation rate", unit: "rad/s", names: ["x", "y", "z"], colors: AXIS_COLORS, softRange: 3, missing: "No gyroscope on this device" },
  { kind: "pose", title: "Pose angles", unit: "°", names: ["pitch", "roll"], colors: ["#fcc419", "#e599f7"], softRange: 90, missing: "No pose: no accelerometer data" },
];

/** What the options read on every draw; kept in refs by the chart so that no option closes over stale React state. */
export interface ReviewChartContext {
  /** The shown window, seconds from the recording's start. */
  xRangeS(): [number, number];
  /** Trim in seconds, or null: what lies outside is greyed. */
  trimS(): [number, number] | null;
  /** Labels in seconds with their colours, drawn faintly behind the lines. */
  labelBandsS(): readonly { startS: number; endS: number; color: string }[];
  /** A study session's facilitator marks in seconds with their colours, drawn as dashed lines across the plot. */
  markLinesS(): readonly { atS: number; color: string }[];
  /** A drag across the chart selected this range of seconds. */
  onSelectRange(startS: number, endS: number): void;
  onFit(): void;
  /** The cursor moved over data index `idx` (null when it left). */
  onCursor(u: uPlot, idx: number | null): void;
}

const AXIS = {
  stroke: "#9fb0c3",
  font: "500 12px ui-sans-serif, system-ui, sans-serif",
  grid: { stroke: "rgba(148, 163, 184, 0.14)", width: 1 },
  ticks: { stroke: "rgba(148, 163, 184, 0.14)", width: 1 },
};
/** Greys what the trim cuts away: dark enough to read as "out", light enough to still see the motion. */
const TRIM_SHADE = "rgba(2, 6, 23, 0.72)";
const BAND_ALPHA = 0.1;
/** A drag narrower than this is a click, not a zoom. */
const SELECT_MIN_PX = 4;

/** Strokes a dashed vertical line at each mark inside the window, faint enough that many of them (zoomed out) do not hide the motion. */
function drawMarkLines(u: uPlot, marks: readonly { atS: number; color: string }[]) {
  if (marks.length === 0) return;
  const { left, width, top, height } = u.bbox;
  const g = u.ctx;
  // The canvas is in device px (uPlot scales it by the pixel ratio); the dashes should not shrink on a sharp screen.
  const dpr = window.devicePixelRatio || 1;
  g.save();
  g.globalAlpha = 0.55;
  g.lineWidth = dpr;
  g.setLineDash([4 * dpr, 4 * dpr]);
  for (const m of marks) {
    const x = Math.round(u.valToPos(m.atS, "x", true)) + 0.5;
    if (x < left || x > left + width) continue;
    g.strokeStyle = m.color;
    g.beginPath();
    g.moveTo(x, top);
    g.lineTo(x, top + height);
    g.stroke();
  }
  g.restore();
}

/** Fills the plot area's part between two x values (seconds), clipped to it; canvas px. */
function fillBetween(u: uPlot, fromS: number, toS: number, style: string) {
  const { left, width, top, height } = u.bbox;
  const x0 = Math.max(left, u.valToPos(fromS, "x", true));
  const x1 = Math.min(left + width, u.valToPos(toS, "x", true));
  if (x1 <= x0) return;
  u.ctx.fillStyle = style;
  u.ctx.fillRect(x0, top, x1 - x0, height);
}

/**
 * `timeAxis`: tick labels under this chart. Only the lowest chart has them (the stack
 * shares one time axis); the others keep the grid lines, which is what the eye needs
 * to carry a moment across charts, and give the saved height to their lines.
 */
export function reviewChartOptions(spec: ReviewChartSpec, width: number, height: number, syncKey: string, timeAxis: boolean, ctx: ReviewChartContext): uPlot.Options {
  return {
    width,
    height,
    // Fixed gutters, so the plot's left edge sits where the lanes below start theirs.
    padding: [8, GUTTER_RIGHT_PX, 0, 0],
    legend: { show: false },
    cursor: {
      y: false,
      points: { show: false },
      drag: { x: true, y: false, setScale: false },
      // A shared time cursor over all charts: one moment read across sensors.
      sync: { key: syncKey, setSeries: false },
      // uPlot's own double-click would reset only this chart's scale; the page resets every chart.
      bind: { dblclick: () => () => (ctx.onFit(), null) },
    },
    scales: {
      x: { time: false, auto: false, range: () => ctx.xRangeS() },
      y: {
        range: (_u, min, max) => [
          Number.isFinite(min) ? Math.min(min, -spec.softRange) : -spec.softRange,
          Number.isFinite(max) ? Math.max(max, spec.softRange) : spec.softRange,
        ],
      },
    },
    axes: [
      timeAxis
        ? { ...AXIS, size: 26, values: (_u, splits, _axis, _space, incr) => splits.map((s) => axisSecondsText(s, incr)) }
        : { ...AXIS, size: 4, ticks: { show: false }, values: (_u, splits) => splits.map(() => "") },
      // Short charts: ticks closer than uPlot's default 30 px, or a ±90° chart would show only 0.
      { ...AXIS, size: GUTTER_LEFT_PX, space: 20, incrs: spec.kind === "pose" ? [15, 30, 45, 90] : undefined },
    ],
    series: [{}, ...spec.names.map((label, i) => ({ label, stroke: spec.colors[i], width: 1.5, points: { show: false } }))],
    hooks: {
      drawClear: [
        (u) => {
          u.ctx.save();
          u.ctx.globalAlpha = BAND_ALPHA;
          for (const b of ctx.labelBandsS()) fillBetween(u, b.startS, b.endS, b.color);
          u.ctx.restore();
        },
      ],
      draw: [
        (u) => {
          // Before the trim shade, which greys them with everything else that is cut.
          drawMarkLines(u, ctx.markLinesS());
          const trim = ctx.trimS();
          if (!trim) return;
          const [lo, hi] = ctx.xRangeS();
          fillBetween(u, Math.min(lo, trim[0]), trim[0], TRIM_SHADE);
          fillBetween(u, trim[1], Math.max(hi, trim[1]), TRIM_SHADE);
        },
      ],
      setSelect: [
        (u) => {
          const { left, width } = u.select;
          if (width >= SELECT_MIN_PX) ctx.onSelectRange(u.posToVal(left, "x"), u.posToVal(left + width, "x"));
          if (width > 0) u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        },
      ],
      setCursor: [(u) => ctx.onCursor(u, u.cursor.idx ?? null)],
    },
  };
}
