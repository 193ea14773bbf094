"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import { ChartWindow } from "@/lib/client/desktop-chart-window";
import { F } from "@/lib/protocol/sample";
import { COL_SERVER_MS } from "@/lib/stream/stream-store";
import { AXIS_COLORS, AXIS_NAMES, CHART_SPECS, CHART_WINDOW_S, chartOptions, type ChartKind } from "./chart-options";
import { useSession } from "./session-context";

/** Frames between legend refreshes: numbers changing 60 times a second cannot be read. */
const LEGEND_EVERY_FRAMES = 8;

const valueText = (v: number) => (Number.isNaN(v) ? "—" : (v < 0 ? "−" : "+") + Math.abs(v).toFixed(2));

/**
 * A live x/y/z chart of one device's sensor. Data never goes through React: an
 * animation-frame loop copies the last 10 s from the store's ring buffer into arrays
 * the chart keeps, and writes the legend's numbers straight into the DOM.
 */
export function MotionChart({ deviceId, kind }: { deviceId: string; kind: ChartKind }) {
  const session = useSession();
  const spec = CHART_SPECS[kind];
  const plotRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const valueRefs = useRef<(HTMLSpanElement | null)[]>([]);

  useEffect(() => {
    const el = plotRef.current;
    const overlay = overlayRef.current;
    if (!el || !overlay) return;
    const win = new ChartWindow(spec.channels, CHART_WINDOW_S * 1000);
    const plot = new uPlot(chartOptions(spec, el.clientWidth, el.clientHeight), win.data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: el.clientHeight }));
    resize.observe(el);

    let frame = 0;
    let raf = 0;
    let message = "";
    const draw = () => {
      raf = requestAnimationFrame(draw);
      const ring = session.store.devices.get(deviceId)?.ring;
      let next = "";
      if (!ring || ring.length === 0) {
        win.clear();
        next = "Waiting for samples…";
      } else {
        const serverNow = session.serverNowMs();
        // Before the clock estimate, plot on the phone's own clock, ending at its newest sample.
        if (serverNow === null) win.fill(ring, F.tMs, ring.latest(F.tMs));
        else win.fill(ring, COL_SERVER_MS, serverNow);
        if (Number.isNaN(ring.latest(spec.channels[0]))) next = spec.missing;
      }
      plot.setData(win.data);
      if (next !== message) {
        message = next;
        overlay.textContent = next;
        overlay.hidden = next === "";
      }
      if (frame++ % LEGEND_EVERY_FRAMES === 0) {
        spec.channels.forEach((c, i) => {
          const span = valueRefs.current[i];
          if (span) span.textContent = ring && ring.length > 0 ? valueText(ring.latest(c)) : "—";
        });
      }
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
      resize.disconnect();
      plot.destroy();
    };
  }, [session, deviceId, spec]);

  return (
    <figure data-testid={`chart-${kind}`} className="@container flex min-w-0 flex-col gap-2 rounded-xl border border-slate-700/70 bg-slate-950/50 p-3">
      <figcaption className="flex flex-col gap-x-4 gap-y-1 @2xl:flex-row @2xl:items-baseline @2xl:justify-between">
        <span className="text-base font-semibold text-slate-100">
          {spec.title} <span className="font-normal text-slate-400">({spec.unit})</span>
        </span>
        <span className="flex gap-3 font-mono text-sm tabular-nums">
          {AXIS_NAMES.map((name, i) => (
            <span key={name} className="flex items-center gap-1.5 whitespace-nowrap">
              <span aria-hidden className="h-1 w-4 rounded-full" style={{ background: AXIS_COLORS[i] }} />
              <span className="text-slate-300">{name}</span>
              <span
                ref={(node) => {
                  valueRefs.current[i] = node;
                }}
                className="inline-block w-[6ch] text-right text-slate-50"
              >
                —
              </span>
            </span>
          ))}
        </span>
      </figcaption>
      <div className="relative h-[clamp(150px,26vh,340px)] w-full">
        <div ref={plotRef} className="absolute inset-0" />
        <div
          ref={overlayRef}
          hidden
          className="pointer-events-none absolute inset-0 grid place-items-center text-lg text-slate-400"
        />
      </div>
    </figure>
  );
}
