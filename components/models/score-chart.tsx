"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import type { SlotId } from "@/lib/models/host-protocol";
import { ScoreTraces } from "@/lib/client/score-traces";
import { desktopNowMs } from "@/components/desktop/desktop-clock";
import { slotColor } from "./slot-colors";

const WINDOW_S = 20;
const AXIS = { stroke: "#9fb0c3", font: "500 13px ui-sans-serif, system-ui, sans-serif", grid: { stroke: "rgba(148, 163, 184, 0.14)", width: 1 }, ticks: { stroke: "rgba(148, 163, 184, 0.14)", width: 1 } };

/**
 * Both slots' scores (the strongest event label, smoothed) on one time axis, with
 * each slot's threshold as a dashed line and its events as shaded bands.
 * Drawn in an animation-frame loop from the score rings; React never sees a score.
 */
export function ScoreChart<S extends SlotId>({ detectors, serverOffsetMs }: { detectors: DesktopDetectors<S>; serverOffsetMs: () => number | null }) {
  const plotRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    const slots = detectors.slotIds;
    const traces = new ScoreTraces(slots, WINDOW_S * 1000);
    let nowServerMs = 0;
    const thresholdsAndEvents = (u: uPlot) => {
      const ctx = u.ctx;
      ctx.save();
      slots.forEach((slot, k) => {
        const s = detectors.getState().slots[slot]!;
        const color = slotColor(slot, k);
        ctx.strokeStyle = color;
        if (s.running && s.decision) {
          const y = u.valToPos(s.decision.thresholdProb, "y", true);
          ctx.setLineDash([6, 6]);
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(u.bbox.left, y);
          ctx.lineTo(u.bbox.left + u.bbox.width, y);
          ctx.stroke();
        }
        // Events as full-height bands from the first window above threshold to the deciding one.
        ctx.setLineDash([]);
        ctx.fillStyle = color + "33";
        for (const e of detectors.events[slot]!) {
          const t1 = (e.tEndMs - nowServerMs) / 1000;
          if (t1 < -WINDOW_S) continue;
          const x0 = u.valToPos(Math.max(-WINDOW_S, (e.tStartMs - nowServerMs) / 1000), "x", true);
          const x1 = u.valToPos(t1, "x", true);
          ctx.fillRect(x0, u.bbox.top, Math.max(2 * devicePixelRatio, x1 - x0), u.bbox.height);
        }
      });
      ctx.restore();
    };
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height: el.clientHeight,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, auto: false, range: [-WINDOW_S, 0] }, y: { auto: false, range: [0, 1] } },
        axes: [
          { ...AXIS, size: 32, incrs: [1, 2, 5], values: (_u, splits) => splits.map((s) => (s === 0 ? "now" : `${s} s`)) },
          { ...AXIS, size: 48, splits: () => [0, 0.25, 0.5, 0.75, 1], values: (_u, splits) => splits.map((s) => s.toFixed(2)) },
        ],
        series: [{}, ...slots.map((slot, k) => ({ label: slot, stroke: slotColor(slot, k), width: 2, points: { show: false }, spanGaps: true }))],
        hooks: { draw: [thresholdsAndEvents] },
      },
      traces.data as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: el.clientHeight }));
    resize.observe(el);
    let raf = 0;
    const draw = () => {
      raf = requestAnimationFrame(draw);
      nowServerMs = desktopNowMs() + (serverOffsetMs() ?? 0);
      traces.fill(detectors.scores, nowServerMs);
      plot.setData(traces.data as uPlot.AlignedData);
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
      resize.disconnect();
      plot.destroy();
    };
  }, [detectors, serverOffsetMs]);

  return <div ref={plotRef} data-testid="score-chart" className="h-44 w-full" />;
}
