"use client";

import { useEffect, useRef, type PointerEvent } from "react";
import type { LabelSpan, RecordedMark, RecordingTrim } from "@/lib/protocol/recordings";
import { viewCenterOn, viewPan, viewXToMs, type TimeWindow } from "@/lib/review/timeline-view";
import { AXIS_COLORS } from "@/components/desktop/chart-options";
import type { DeviceSeries } from "./device-series";
import { labelColor, MARK_COLORS } from "./label-colors";
import { LaneRow } from "./lane-row";
import { viewPct } from "./trim-shade";

export interface OverviewStripProps {
  series: DeviceSeries | null;
  bounds: TimeWindow;
  view: TimeWindow;
  labels: readonly LabelSpan[];
  labelSet: readonly string[];
  /** A study session's facilitator marks: ticks along the top, so a miss can be found and jumped to. */
  marks: readonly RecordedMark[];
  trim: RecordingTrim | null;
  onView(view: TimeWindow): void;
}

const HEIGHT_PX = 52;
const ACCEL_RANGE_MPS2 = 14;
const LABEL_BAR_PX = 8;
const MARK_TICK_PX = 7;

/** Draws the whole recording: the acceleration per pixel column, labels below it, marks as ticks on top, trim greyed. */
function overviewDraw(canvas: HTMLCanvasElement, p: OverviewStripProps) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const h = Math.round(HEIGHT_PX * dpr);
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext("2d");
  if (!g) return;
  g.clearRect(0, 0, w, h);
  const spanMs = p.bounds.endMs - p.bounds.startMs;
  const xOf = (tMs: number) => ((tMs - p.bounds.startMs) / spanMs) * w;
  const plotH = h - LABEL_BAR_PX * dpr;
  if (p.series && p.series.length > 0) {
    // Each axis as its min-max envelope per pixel column, on a fixed ±ACCEL_RANGE scale: one glance shows where the motion is.
    const { tMs, accelMps2 } = p.series;
    const lo = new Float32Array(w);
    const hi = new Float32Array(w);
    const yOf = (v: number) => plotH / 2 - (Math.max(-ACCEL_RANGE_MPS2, Math.min(ACCEL_RANGE_MPS2, v)) / ACCEL_RANGE_MPS2) * (plotH / 2 - dpr);
    g.globalAlpha = 0.75;
    accelMps2.forEach((axis, k) => {
      lo.fill(Infinity);
      hi.fill(-Infinity);
      for (let i = 0; i < p.series!.length; i++) {
        const c = Math.floor(xOf(tMs[i]!));
        const v = axis[i]!;
        if (c < 0 || c >= w || Number.isNaN(v)) continue;
        if (v < lo[c]!) lo[c] = v;
        if (v > hi[c]!) hi[c] = v;
      }
      g.fillStyle = AXIS_COLORS[k]!;
      for (let c = 0; c < w; c++) {
        if (hi[c]! < lo[c]!) continue;
        const y0 = yOf(hi[c]!);
        g.fillRect(c, y0, 1, Math.max(dpr, yOf(lo[c]!) - y0));
      }
    });
    g.globalAlpha = 1;
  }
  for (const s of p.labels) {
    g.fillStyle = labelColor(s.label, p.labelSet);
    g.fillRect(xOf(s.tStartMs), plotH + dpr, Math.max(dpr, xOf(s.tEndMs) - xOf(s.tStartMs)), LABEL_BAR_PX * dpr - dpr);
  }
  for (const m of p.marks) {
    g.fillStyle = MARK_COLORS[m.kind];
    g.fillRect(Math.round(xOf(m.tMs) - dpr / 2), 0, Math.max(1, Math.round(1.5 * dpr)), MARK_TICK_PX * dpr);
  }
  if (p.trim) {
    g.fillStyle = "rgba(2, 6, 23, 0.72)";
    g.fillRect(0, 0, Math.max(0, xOf(p.trim.startMs)), h);
    g.fillRect(xOf(p.trim.endMs), 0, w, h);
  }
}

/**
 * The whole recording at a glance with the visible window as a box: drag the box to
 * pan, press anywhere else to jump there (and keep dragging). It is redrawn only when
 * its content changes, not when the window moves: the box is a DOM element.
 */
export function OverviewStrip(props: OverviewStripProps) {
  const { bounds, view, onView } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ pointerId: number; lastMs: number; view: TimeWindow } | null>(null);
  const latest = useRef(props);

  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    overviewDraw(canvas, props);
    // Resizes redraw from the latest props, not the ones this effect saw.
    const resize = new ResizeObserver(() => overviewDraw(canvas, latest.current));
    resize.observe(canvas);
    return () => resize.disconnect();
    // The window (`view`) is deliberately not a dependency: moving the box needs no redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.series, props.bounds, props.labels, props.labelSet, props.marks, props.trim]);

  const msAt = (e: PointerEvent<HTMLElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return viewXToMs(bounds, Math.max(1, r.width), e.clientX - r.left);
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    const atMs = msAt(e);
    const inside = atMs >= view.startMs && atMs <= view.endMs;
    const start = inside ? view : viewCenterOn(view, bounds, atMs);
    if (!inside) onView(start);
    drag.current = { pointerId: e.pointerId, lastMs: atMs, view: start };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const atMs = msAt(e);
    d.view = viewPan(d.view, bounds, atMs - d.lastMs);
    d.lastMs = atMs;
    onView(d.view);
  };

  const end = () => {
    drag.current = null;
  };

  const left = Math.max(0, viewPct(bounds, view.startMs));
  const right = Math.min(100, viewPct(bounds, view.endMs));
  return (
    <LaneRow title="Overview">
      <div
        data-testid="overview"
        className="relative touch-none overflow-hidden rounded-md border border-slate-700/70 bg-slate-900/60 select-none"
        style={{ height: HEIGHT_PX }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={end}
        onPointerCancel={end}
      >
        <canvas ref={canvasRef} className="absolute inset-0 h-full w-full" />
        <div
          aria-label="Visible part of the recording"
          className="absolute inset-y-0 cursor-grab rounded-sm border-2 border-sky-300 bg-sky-300/10 active:cursor-grabbing"
          style={{ left: `${left}%`, width: `${Math.max(0.4, right - left)}%` }}
        />
      </div>
    </LaneRow>
  );
}
