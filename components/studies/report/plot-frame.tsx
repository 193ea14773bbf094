import type { ReactNode } from "react";
import { bandsLayout, labelLines, scaleY, type PlotAxis, type PlotBand } from "@/lib/studies/report-plot";

/**
 * The frame both report plots share: a value axis with grid lines on the left, one
 * band per condition along the bottom with its name and a few facts under it. Fixed
 * viewBox units, scaled to the width it gets, so the text keeps its size relative to
 * the plot on screen and on paper. Colours follow `currentColor`, black in print.
 */

export const PLOT_WIDTH = 640;
const PLOT_HEIGHT = 220;
const FONT = 14;
const LINE = FONT + 3;
const LEFT = 70;
const RIGHT = 12;
const TOP = 16;
/** Rough width of a character at FONT in a system sans, for wrapping the band labels. */
const CHAR_PX = FONT * 0.56;

export interface FrameBand {
  key: string;
  /** The condition's name, wrapped to fit its band; the full name is its tooltip. */
  name: string;
  /** Smaller facts under the name: a figure, how many trials. */
  facts: string[];
}

export interface PlotGeometry {
  bands: PlotBand[];
  /** y pixel of a value on the axis. */
  y(value: number): number;
}

export interface PlotFrameProps {
  title: string;
  axis: PlotAxis;
  axisText(value: number): string;
  axisTitle: string;
  bands: FrameBand[];
  /** The marks, drawn over the grid, given the bands and the value scale. */
  children(g: PlotGeometry): ReactNode;
  testId?: string;
}

export function PlotFrame({ title, axis, axisText, axisTitle, bands, children, testId }: PlotFrameProps) {
  const bottomPx = TOP + PLOT_HEIGHT;
  const layout = bandsLayout(bands.length, LEFT, PLOT_WIDTH - LEFT - RIGHT);
  const bandPx = (PLOT_WIDTH - LEFT - RIGHT) / Math.max(1, bands.length);
  const maxChars = Math.max(4, Math.floor((bandPx - 8) / CHAR_PX));
  const labels = bands.map((b) => labelLines(b.name, maxChars));
  const lines = Math.max(1, ...labels.map((l, i) => l.length + bands[i]!.facts.length));
  const height = bottomPx + 12 + lines * LINE + 6;
  const y = (value: number) => scaleY(value, axis.max, bottomPx, TOP);

  return (
    <svg
      viewBox={`0 0 ${PLOT_WIDTH} ${height}`}
      role="img"
      aria-label={title}
      data-testid={testId}
      className="h-auto w-full text-slate-300 print:text-black"
      fontSize={FONT}
      fontFamily="inherit"
    >
      <title>{title}</title>
      {axis.ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={PLOT_WIDTH - RIGHT} y1={y(t)} y2={y(t)} strokeWidth={1} className="stroke-slate-700 print:stroke-slate-300" />
          <text x={LEFT - 8} y={y(t)} dy="0.35em" textAnchor="end" className="fill-current">
            {axisText(t)}
          </text>
        </g>
      ))}
      <text transform={`translate(${FONT + 2} ${(TOP + bottomPx) / 2}) rotate(-90)`} textAnchor="middle" className="fill-current font-semibold">
        {axisTitle}
      </text>
      {children({ bands: layout, y })}
      <line x1={LEFT} x2={PLOT_WIDTH - RIGHT} y1={bottomPx} y2={bottomPx} strokeWidth={1.5} className="stroke-current" />
      {bands.map((b, i) => {
        const x = layout[i]!.centerPx;
        const nameLines = labels[i]!;
        return (
          <text key={b.key} x={x} y={bottomPx + 12} textAnchor="middle" className="fill-current">
            <title>{b.name}</title>
            {nameLines.map((l, j) => (
              <tspan key={`n${j}`} x={x} dy={j === 0 ? "1em" : LINE} className="font-semibold">
                {l}
              </tspan>
            ))}
            {b.facts.map((f, j) => (
              <tspan key={`f${j}`} x={x} dy={LINE} fontSize={FONT - 1}>
                {f}
              </tspan>
            ))}
          </text>
        );
      })}
    </svg>
  );
}
