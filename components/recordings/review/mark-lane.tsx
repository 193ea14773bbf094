"use client";

import { useEffect, useRef, useState } from "react";
import type { RecordedMark, RecordingTrim } from "@/lib/protocol/recordings";
import { MARK_KINDS } from "@/lib/protocol/studies";
import { markLayout, type MarkSlot } from "@/lib/review/mark-layout";
import { MARK_KIND_TEXT, markTitle } from "@/lib/review/mark-text";
import type { TimeWindow } from "@/lib/review/timeline-view";
import { MARK_COLORS } from "./label-colors";
import { LaneRow } from "./lane-row";
import { clockText } from "./review-format";
import { TrimShade, viewPct } from "./trim-shade";

/** A flag's head, px: wide enough to hover, small enough that marks a second apart stay apart at most zooms. */
const FLAG_W_PX = 12;
const FLAG_H_PX = 9;
/** A group's head: room for a two-digit count. */
const GROUP_H_PX = 14;
/** Rows of flags; the last one also holds the groups, hence the lane's height. */
const ROWS = 3;
const ROW_PX = 10;
const TOP_PX = 2;
const LANE_PX = 40;
/** A group's hover text lists this many marks, then says how many more. */
const TOOLTIP_LINES = 8;

function FlagHead({ color, widthPx, heightPx }: { color: string; widthPx: number; heightPx: number }) {
  return (
    <svg aria-hidden width={widthPx} height={heightPx} viewBox="0 0 12 9" className="block shrink-0">
      <path d="M0 0H12L6 9Z" fill={color} />
    </svg>
  );
}

/** One flag (a group when it holds several marks): the head in its row, a stem down to the lane's foot at the mark's time. */
function MarkFlag({ slot, view, originMs }: { slot: MarkSlot<RecordedMark>; view: TimeWindow; originMs: number }) {
  const { items, row } = slot;
  const kinds = MARK_KINDS.filter((k) => items.some((m) => m.kind === k));
  const kind = kinds.length === 1 ? kinds[0]! : "mixed";
  const color = kind === "mixed" ? "#e2e8f0" : MARK_COLORS[kind];
  // A group of several kinds shows each of them as a stripe of its count badge.
  const badge = kinds.length === 1 ? color : `linear-gradient(90deg, ${kinds.map((k, i) => `${MARK_COLORS[k]} ${(i / kinds.length) * 100}% ${((i + 1) / kinds.length) * 100}%`).join(", ")})`;
  const pct = viewPct(view, items[0]!.tMs);
  const topPx = TOP_PX + row * ROW_PX;
  const headPx = items.length > 1 ? GROUP_H_PX : FLAG_H_PX;
  const lines = items.map((m) => ({ at: clockText(m.tMs - originMs), text: markTitle(m), color: MARK_COLORS[m.kind] }));
  // Near an end of the lane the hover text opens inwards, so it is never cut off by the page's edge.
  const anchor = pct < 20 ? "left-0" : pct > 80 ? "right-0" : "left-1/2 -translate-x-1/2";
  return (
    <div
      data-testid="review-mark"
      data-kind={kind}
      data-count={items.length}
      role="img"
      aria-label={lines.map((l) => `${l.text} at ${l.at}`).join("; ")}
      className="group absolute z-10 cursor-help hover:z-40"
      style={{ left: `${pct}%`, top: topPx, width: FLAG_W_PX, height: headPx, marginLeft: -FLAG_W_PX / 2 }}
    >
      {items.length > 1 ? (
        <span
          aria-hidden
          className="absolute top-0 left-1/2 min-w-3.5 -translate-x-1/2 rounded-sm px-0.5 text-center text-[11px] leading-3.5 font-bold text-slate-950"
          style={{ background: badge, height: GROUP_H_PX }}
        >
          {items.length}
        </span>
      ) : (
        <FlagHead color={color} widthPx={FLAG_W_PX} heightPx={FLAG_H_PX} />
      )}
      <span
        aria-hidden
        className="pointer-events-none absolute left-1/2 w-px -translate-x-1/2 opacity-70"
        style={{ top: headPx, height: Math.max(0, LANE_PX - 2 - topPx - headPx), background: color }}
      />
      <span
        role="tooltip"
        className={`pointer-events-none absolute bottom-full z-30 mb-1 hidden w-max max-w-sm rounded-md border border-slate-600 bg-slate-900 px-2 py-1 text-sm text-slate-100 shadow-lg group-hover:block ${anchor}`}
      >
        {lines.slice(0, TOOLTIP_LINES).map((l, i) => (
          <span key={i} className="flex items-baseline gap-2">
            <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: l.color }} />
            <span className="text-slate-400 tabular-nums">{l.at}</span>
            <span className="break-words">{l.text}</span>
          </span>
        ))}
        {lines.length > TOOLTIP_LINES && <span className="block text-slate-400">and {lines.length - TOOLTIP_LINES} more (zoom in to see them)</span>}
      </span>
    </div>
  );
}

/** The kinds this recording has, with their counts: the lane's legend. */
function MarkLegend({ marks }: { marks: readonly RecordedMark[] }) {
  const counts = MARK_KINDS.map((kind) => [kind, marks.filter((m) => m.kind === kind).length] as const).filter(([, n]) => n > 0);
  return (
    <div data-testid="review-mark-legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 pl-2 text-sm text-slate-300">
      <span className="font-semibold text-slate-200">Facilitator marks</span>
      {counts.map(([kind, n]) => (
        <span key={kind} className="flex items-center gap-1.5 whitespace-nowrap">
          <FlagHead color={MARK_COLORS[kind]} widthPx={10} heightPx={8} />
          {MARK_KIND_TEXT[kind]}
          <span className="text-slate-400 tabular-nums">{n}</span>
        </span>
      ))}
    </div>
  );
}

export interface MarkLaneProps {
  marks: readonly RecordedMark[];
  view: TimeWindow;
  trim: RecordingTrim | null;
  /** The recording's start: hover texts give times from it, as the time axis does. */
  originMs: number;
}

/**
 * The facilitator's marks of a study session, as flags coloured by kind on the shared
 * time axis, in their own lane right above the labels so they never cover a label
 * segment. Flags that would overlap stack into rows, then into counted groups
 * (lib/review/mark-layout.ts): readable zoomed out over hundreds of marks. Hovering a
 * flag says what was marked ("Miss · trial 3", a note's text) and when.
 */
export function MarkLane({ marks, view, trim, originMs }: MarkLaneProps) {
  const laneRef = useRef<HTMLDivElement>(null);
  // Laying flags out needs the lane's width in px; the observer reports it once observing starts, then on every resize.
  const [widthPx, setWidthPx] = useState(0);
  useEffect(() => {
    const el = laneRef.current;
    if (!el) return;
    const resize = new ResizeObserver(() => setWidthPx(el.clientWidth));
    resize.observe(el);
    return () => resize.disconnect();
  }, []);
  const slots = widthPx > 0 ? markLayout(marks, view, widthPx, FLAG_W_PX, ROWS) : [];

  return (
    <LaneRow title="Marks">
      <div className="flex flex-col gap-1">
        <MarkLegend marks={marks} />
        <div ref={laneRef} data-testid="review-mark-lane" className="relative rounded-md border border-slate-800 bg-slate-900/40" style={{ height: LANE_PX }}>
          {slots.map((slot) => (
            <MarkFlag key={`${slot.items[0]!.tMs}:${slot.row}`} slot={slot} view={view} originMs={originMs} />
          ))}
          <TrimShade view={view} trim={trim} />
        </div>
      </div>
    </LaneRow>
  );
}
