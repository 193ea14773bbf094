"use client";

import { useEffect, useMemo, useRef } from "react";
import { slotColor } from "@/components/models/slot-colors";
import type { LabelSpan, RecordedMark, RecordedScores, RecordingTrim } from "@/lib/protocol/recordings";
import { scoreBreakMs, scoreDecimate, scoreTraceOrdered } from "@/lib/review/score-decimate";
import { viewMsToX, type TimeWindow } from "@/lib/review/timeline-view";
import { labelColor, MARK_COLORS } from "./label-colors";
import { LaneRow } from "./lane-row";
import { TrimShade } from "./trim-shade";

/** Compact: a score lane is read for "when did it rise", not for its second decimal. */
const PLOT_PX = 64;
/** Keeps the 0 and 1 lines, and a trace lying on them, off the plot's edges. */
const PAD_PX = 4;
const GRID = "rgba(148, 163, 184, 0.14)";

interface ScoreTrace {
  slot: string;
  color: string;
  tMs: readonly number[];
  score: readonly number[];
  breakMs: number;
}

interface ScoreDrawState {
  traces: readonly ScoreTrace[];
  view: TimeWindow;
  labels: readonly LabelSpan[];
  labelSet: readonly string[];
  marks: readonly RecordedMark[];
}

/** Draws the window as the charts do: labels faintly behind, marks as dashed lines, then each slot's decimated trace. */
function scoreLaneDraw(canvas: HTMLCanvasElement, d: ScoreDrawState) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext("2d");
  if (!g) return;
  g.clearRect(0, 0, w, h);
  const { view } = d;
  const xOf = (tMs: number) => viewMsToX(view, w, tMs);
  const pad = PAD_PX * dpr;
  const yOf = (s: number) => pad + (1 - s) * (h - 2 * pad);

  g.globalAlpha = 0.1;
  for (const l of d.labels) {
    if (l.tEndMs <= view.startMs || l.tStartMs >= view.endMs) continue;
    const x0 = Math.max(0, xOf(l.tStartMs));
    g.fillStyle = labelColor(l.label, d.labelSet);
    g.fillRect(x0, 0, Math.min(w, xOf(l.tEndMs)) - x0, h);
  }
  g.globalAlpha = 1;

  g.lineWidth = dpr;
  g.strokeStyle = GRID;
  g.beginPath();
  for (const s of [0, 0.5, 1]) {
    const y = Math.round(yOf(s)) + 0.5;
    g.moveTo(0, y);
    g.lineTo(w, y);
  }
  g.stroke();

  g.save();
  g.globalAlpha = 0.5;
  g.setLineDash([3 * dpr, 3 * dpr]);
  for (const m of d.marks) {
    if (m.tMs < view.startMs || m.tMs > view.endMs) continue;
    const x = Math.round(xOf(m.tMs)) + 0.5;
    g.strokeStyle = MARK_COLORS[m.kind];
    g.beginPath();
    g.moveTo(x, 0);
    g.lineTo(x, h);
    g.stroke();
  }
  g.restore();

  g.lineWidth = 1.5 * dpr;
  g.lineJoin = "round";
  for (const t of d.traces) {
    g.strokeStyle = t.color;
    g.fillStyle = t.color;
    for (const run of scoreDecimate(t.tMs, t.score, view, w, t.breakMs)) {
      // A lone score between two pauses has no line to be part of: a dot.
      if (run.xPx.length === 1) {
        g.fillRect(run.xPx[0]! - dpr, yOf(run.score[0]!) - dpr, 2 * dpr, 2 * dpr);
        continue;
      }
      g.beginPath();
      g.moveTo(run.xPx[0]!, yOf(run.score[0]!));
      for (let i = 1; i < run.xPx.length; i++) g.lineTo(run.xPx[i]!, yOf(run.score[i]!));
      g.stroke();
    }
  }
}

export interface ScoreLaneProps {
  scores: readonly RecordedScores[];
  view: TimeWindow;
  trim: RecordingTrim | null;
  labels: readonly LabelSpan[];
  labelSet: readonly string[];
  marks: readonly RecordedMark[];
}

/**
 * The live detectors' scores of a study session, one line per slot on 0..1, under the
 * same window as the charts: where a score rose against the label and the
 * facilitator's mark. Drawn on a canvas from a per-pixel-column decimation
 * (lib/review/score-decimate.ts), so tens of thousands of scores redraw at every
 * zoom or pan step for the cost of a few thousand vertices.
 */
export function ScoreLane({ scores, view, trim, labels, labelSet, marks }: ScoreLaneProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const traces = useMemo(
    () =>
      scores.map((s, k): ScoreTrace => {
        const ordered = scoreTraceOrdered(s.tMs, s.score);
        return { slot: s.slot, color: slotColor(s.slot, k), ...ordered, breakMs: scoreBreakMs(ordered.tMs) };
      }),
    [scores],
  );
  const { startMs, endMs } = view;
  const latest = useRef<ScoreDrawState>({ traces, view, labels, labelSet, marks });

  useEffect(() => {
    latest.current = { traces, view: { startMs, endMs }, labels, labelSet, marks };
    if (canvasRef.current) scoreLaneDraw(canvasRef.current, latest.current);
  }, [traces, startMs, endMs, labels, labelSet, marks]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Resizes redraw from the latest state, not the one this effect saw.
    const resize = new ResizeObserver(() => scoreLaneDraw(canvas, latest.current));
    resize.observe(canvas);
    return () => resize.disconnect();
  }, []);

  return (
    <LaneRow title="Scores" detail="0 – 1">
      <div data-testid="review-score-lane" data-slots={traces.length} className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 pl-2 text-sm text-slate-300">
          <span className="font-semibold text-slate-200">Live detector scores</span>
          {traces.map((t) => (
            <span key={t.slot} className="flex items-center gap-1.5 whitespace-nowrap">
              <span aria-hidden className="h-1 w-4 rounded-full" style={{ background: t.color }} />
              {t.slot}
            </span>
          ))}
        </div>
        <div className="relative overflow-hidden rounded-md border border-slate-800 bg-slate-900/40" style={{ height: PLOT_PX }}>
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={`Scores from 0 to 1 of ${traces.map((t) => t.slot).join(", ")}`}
            className="absolute inset-0 h-full w-full"
          />
          <TrimShade view={view} trim={trim} />
        </div>
      </div>
    </LaneRow>
  );
}
