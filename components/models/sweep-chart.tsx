"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import type { SweepPoint } from "@/lib/eval/threshold-sweep";

const AXIS = { stroke: "#9fb0c3", font: "500 12px ui-sans-serif, system-ui, sans-serif", grid: { stroke: "rgba(148, 163, 184, 0.14)", width: 1 }, ticks: { stroke: "rgba(148, 163, 184, 0.14)", width: 1 } };
const SERIES = [
  { label: "precision", stroke: "#4dabf7" },
  { label: "recall", stroke: "#5ce07a" },
  { label: "F1", stroke: "#f8f9fa" },
  { label: "false triggers / h", stroke: "#ff6b6b", scale: "ft" },
] as const;

/**
 * Precision, recall and F1 (left axis) and false triggers per hour (right axis)
 * against the threshold, with the live threshold marked. Clicking picks the nearest
 * swept threshold.
 */
export function SweepChart({ sweep, thresholdProb, onPick }: { sweep: SweepPoint[]; thresholdProb: number | null; onPick: (t: number) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const marker = useRef(thresholdProb);
  const plotRef = useRef<uPlot | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const points = [...sweep].sort((a, b) => a.thresholdProb - b.thresholdProb);
    const data: uPlot.AlignedData = [
      points.map((p) => p.thresholdProb),
      points.map((p) => p.precision),
      points.map((p) => p.recall),
      points.map((p) => p.f1),
      points.map((p) => p.ftPerHour),
    ];
    const plot = new uPlot(
      {
        width: node.clientWidth,
        height: 220,
        legend: { show: true, live: false },
        cursor: { y: false, points: { show: false } },
        scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 1] }, ft: { range: (_u, _min, max) => [0, Math.max(1, max ?? 1)] } },
        axes: [
          { ...AXIS, label: "threshold", labelFont: AXIS.font, size: 40 },
          { ...AXIS, size: 56, values: (_u, s) => s.map((v) => `${Math.round(v * 100)}%`) },
          { ...AXIS, scale: "ft", side: 1, size: 44, grid: { show: false } },
        ],
        series: [{}, ...SERIES.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, scale: "scale" in s ? s.scale : "y", points: { show: true, size: 4 } }))],
        hooks: {
          draw: [
            (u) => {
              const t = marker.current;
              if (t === null) return;
              const x = u.valToPos(t, "x", true);
              u.ctx.save();
              u.ctx.strokeStyle = "#ffd43b";
              u.ctx.setLineDash([5, 5]);
              u.ctx.beginPath();
              u.ctx.moveTo(x, u.bbox.top);
              u.ctx.lineTo(x, u.bbox.top + u.bbox.height);
              u.ctx.stroke();
              u.ctx.restore();
            },
          ],
        },
      },
      data,
      node,
    );
    const click = () => {
      const i = plot.cursor.idx;
      if (i !== null && i !== undefined && points[i]) onPick(points[i].thresholdProb);
    };
    plotRef.current = plot;
    plot.over.addEventListener("click", click);
    const resize = new ResizeObserver(() => plot.setSize({ width: node.clientWidth, height: 220 }));
    resize.observe(node);
    return () => {
      resize.disconnect();
      plot.over.removeEventListener("click", click);
      plot.destroy();
      plotRef.current = null;
    };
  }, [sweep, onPick]);

  useEffect(() => {
    // The marker is drawn by a hook that reads the ref: move it without rebuilding the chart.
    marker.current = thresholdProb;
    plotRef.current?.redraw(false, false);
  }, [thresholdProb]);

  return <div ref={el} data-testid="sweep-chart" className="w-full cursor-crosshair" />;
}
