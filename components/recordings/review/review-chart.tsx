"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import type { LabelSpan, RecordedMark, RecordingTrim } from "@/lib/protocol/recordings";
import type { TimeWindow } from "@/lib/review/timeline-view";
import { labelColor, MARK_COLORS } from "./label-colors";
import { reviewChartOptions, type ReviewChartContext, type ReviewChartSpec } from "./review-chart-options";

export interface ReviewChartProps {
  spec: ReviewChartSpec;
  /** The device's data for this chart, x in seconds from `originMs`; null while loading. */
  data: uPlot.AlignedData | null;
  /** Said over the chart instead of lines (no such sensor, loading). */
  emptyText: string | null;
  view: TimeWindow;
  originMs: number;
  trim: RecordingTrim | null;
  labels: readonly LabelSpan[];
  labelSet: readonly string[];
  /** A study session's facilitator marks, as dashed lines; empty for other recordings. */
  marks: readonly RecordedMark[];
  syncKey: string;
  /** Time tick labels under this chart (the lowest of the stack). */
  timeAxis: boolean;
  onZoomTo(startMs: number, endMs: number): void;
  onFit(): void;
}

const valueText = (v: number | null | undefined) => (v === null || v === undefined ? "—" : (v < 0 ? "−" : "+") + Math.abs(v).toFixed(2));

/**
 * One stacked chart of the review timeline. The uPlot instance is made once per data
 * set and then only told what changed (the window, the trim, the labels behind it):
 * zooming redraws the canvas, React re-renders nothing inside it. The values under the
 * shared cursor are written straight into the caption.
 */
export function ReviewChart({ spec, data, emptyText, view, originMs, trim, labels, labelSet, marks, syncKey, timeAxis, onZoomTo, onFit }: ReviewChartProps) {
  const plotEl = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const valueEls = useRef<(HTMLSpanElement | null)[]>([]);
  const state = useRef({ view, originMs, trim, labels, labelSet, marks, onZoomTo, onFit });

  useEffect(() => {
    state.current = { view, originMs, trim, labels, labelSet, marks, onZoomTo, onFit };
  });

  useEffect(() => {
    const el = plotEl.current;
    if (!el) return;
    const s = () => state.current;
    const toS = (ms: number) => (ms - s().originMs) / 1000;
    const ctx: ReviewChartContext = {
      xRangeS: () => [toS(s().view.startMs), toS(s().view.endMs)],
      trimS: () => (s().trim ? [toS(s().trim!.startMs), toS(s().trim!.endMs)] : null),
      labelBandsS: () => s().labels.map((l) => ({ startS: toS(l.tStartMs), endS: toS(l.tEndMs), color: labelColor(l.label, s().labelSet) })),
      markLinesS: () => s().marks.map((m) => ({ atS: toS(m.tMs), color: MARK_COLORS[m.kind] })),
      onSelectRange: (a, b) => s().onZoomTo(a * 1000 + s().originMs, b * 1000 + s().originMs),
      onFit: () => s().onFit(),
      onCursor: (u, idx) => {
        spec.names.forEach((_, i) => {
          const span = valueEls.current[i];
          if (span) span.textContent = valueText(idx === null ? null : u.data[i + 1]?.[idx]);
        });
      },
    };
    const empty: uPlot.AlignedData = [[], ...spec.names.map(() => [])];
    const plot = new uPlot(reviewChartOptions(spec, el.clientWidth, el.clientHeight, syncKey, timeAxis, ctx), data ?? empty, el);
    plotRef.current = plot;
    const [minS, maxS] = ctx.xRangeS();
    plot.setScale("x", { min: minS, max: maxS });
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: el.clientHeight }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [spec, data, syncKey, timeAxis]);

  useEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    const toS = (ms: number) => (ms - originMs) / 1000;
    plot.setScale("x", { min: toS(view.startMs), max: toS(view.endMs) });
  }, [view, originMs]);

  useEffect(() => {
    plotRef.current?.redraw(false, false);
  }, [trim, labels, labelSet, marks]);

  return (
    <figure data-testid={`review-chart-${spec.kind}`} className="flex min-w-0 flex-col">
      <figcaption className="flex items-baseline justify-between gap-4 pr-4 text-sm" style={{ paddingLeft: 8 }}>
        <span className="font-semibold text-slate-200">
          {spec.title} <span className="font-normal text-slate-400">({spec.unit})</span>
        </span>
        <span className="flex gap-3 font-mono tabular-nums">
          {spec.names.map((name, i) => (
            <span key={name} className="flex items-center gap-1.5 whitespace-nowrap">
              <span aria-hidden className="h-1 w-4 rounded-full" style={{ background: spec.colors[i] }} />
              <span className="text-slate-400">{name}</span>
              <span
                ref={(node) => {
                  valueEls.current[i] = node;
                }}
                className="inline-block w-[7ch] text-right text-slate-100"
              >
                —
              </span>
            </span>
          ))}
        </span>
      </figcaption>
      <div className="relative h-[clamp(96px,14vh,220px)] w-full">
        <div ref={plotEl} className="absolute inset-0" />
        {emptyText && <div className="pointer-events-none absolute inset-0 grid place-items-center text-base text-slate-400">{emptyText}</div>}
      </div>
    </figure>
  );
}
