"use client";

import type { RecordingTrim } from "@/lib/protocol/recordings";
import { cx } from "@/components/ui/cx";
import { labelColor } from "./label-colors";
import { LaneRow } from "./lane-row";
import { TrimShade, viewPct } from "./trim-shade";
import { useLabelDrag, type LabelDragOptions } from "./use-label-drag";

export interface LabelLaneProps extends LabelDragOptions {
  labelSet: readonly string[];
  selected: number | null;
  trim: RecordingTrim | null;
}

/**
 * The labels as coloured segments under the charts, and where they are edited:
 * edges are handles (ew-resize), a segment's body selects and moves it, an empty
 * stretch draws a new span with the toolbar's label. Only segments inside the
 * window are in the DOM, so a recording with thousands of labels stays quick.
 */
export function LabelLane(props: LabelLaneProps) {
  const { labels, labelSet, view, selected, trim, currentLabel, readOnly } = props;
  const handlers = useLabelDrag(props);
  const visible: number[] = [];
  labels.forEach((s, i) => {
    if (s.tEndMs > view.startMs && s.tStartMs < view.endMs) visible.push(i);
  });

  return (
    <LaneRow title="Labels">
      <div
        data-testid="label-lane"
        className="relative h-12 touch-none overflow-hidden rounded-md border border-slate-700/70 bg-slate-900/60 select-none"
        style={{ cursor: currentLabel && !readOnly ? "crosshair" : "default" }}
        {...handlers}
      >
        {visible.length === 0 && (
          <div className="pointer-events-none absolute inset-0 grid place-items-center text-sm text-slate-500">
            {readOnly
              ? "No labels here yet"
              : currentLabel
                ? `Drag here to add a “${currentLabel}” label`
                : "No labels here. Pick a label in the toolbar, then drag here to add one."}
          </div>
        )}
        {visible.map((i) => {
          const s = labels[i]!;
          const left = viewPct(view, s.tStartMs);
          const width = viewPct(view, s.tEndMs) - left;
          return (
            <div
              key={`${i}:${s.tStartMs}`}
              data-seg={i}
              data-testid={`label-seg-${i}`}
              data-selected={selected === i ? "true" : undefined}
              title={`${s.label} · ${((s.tEndMs - s.tStartMs) / 1000).toFixed(2)} s`}
              className={cx(
                "absolute inset-y-1 overflow-hidden rounded-sm text-sm font-semibold text-slate-950",
                !readOnly && "cursor-grab active:cursor-grabbing",
                selected === i && "z-10 outline-2 outline-offset-1 outline-white",
              )}
              style={{ left: `${left}%`, width: `${width}%`, background: labelColor(s.label, labelSet) }}
            >
              <span className="pointer-events-none block truncate px-2 leading-10">{s.label}</span>
              {/* No resize handles to offer while recording: the edges cannot be dragged. */}
              {!readOnly && <div data-edge="start" className="absolute inset-y-0 left-0 w-2 cursor-ew-resize hover:bg-white/50" />}
              {!readOnly && <div data-edge="end" className="absolute inset-y-0 right-0 w-2 cursor-ew-resize hover:bg-white/50" />}
            </div>
          );
        })}
        <TrimShade view={view} trim={trim} />
      </div>
    </LaneRow>
  );
}
