"use client";

import { useRef, type PointerEvent } from "react";
import type { LabelSpan } from "@/lib/protocol/recordings";
import { labelCreate, labelMove, labelResizeEdge } from "@/lib/review/label-edits";
import { viewXToMs, type TimeWindow } from "@/lib/review/timeline-view";

type DragKind = "start" | "end" | "move" | "create";

interface Drag {
  kind: DragKind;
  index: number;
  pointerId: number;
  /** Where the drag began, recording-clock ms and client px. */
  fromMs: number;
  fromX: number;
  /** The spans when the drag began: every move is computed from them, not from the last move, so nothing accumulates. */
  base: LabelSpan[];
  area: { leftPx: number; widthPx: number };
  moved: boolean;
}

/** Pointer travel below which a press is a click (select), not a drag. */
const CLICK_SLOP_PX = 3;

export interface LabelDragOptions {
  labels: LabelSpan[];
  view: TimeWindow;
  /** The label a drag in an empty stretch creates; empty: such drags do nothing. */
  currentLabel: string;
  /** Still recording: presses do nothing, so no span is created, moved or resized. */
  readOnly: boolean;
  onSelect(index: number | null): void;
  /** The spans while dragging (null when the drag ends or is cancelled): shown, not saved. */
  onDraft(labels: LabelSpan[] | null): void;
  /** The spans after a drag that changed something, and the span to select then. */
  onCommit(labels: LabelSpan[], select: number): void;
}

/**
 * Pointer handling of the labels lane: press on an edge handle to resize, on a
 * segment to select (and drag it to move), in an empty stretch to draw a new span.
 * The element under the pointer says what was hit (`data-seg`, `data-edge`), so no
 * geometry is repeated here; the lane's own box gives the time under the pointer.
 */
export function useLabelDrag(opts: LabelDragOptions) {
  const drag = useRef<Drag | null>(null);

  const timeAt = (d: Drag, clientX: number) => viewXToMs(opts.view, d.area.widthPx, clientX - d.area.leftPx);

  const result = (d: Drag, toMs: number): LabelSpan[] => {
    switch (d.kind) {
      case "start":
      case "end":
        return labelResizeEdge(d.base, d.index, d.kind, toMs);
      case "move":
        return labelMove(d.base, d.index, toMs - d.fromMs);
      case "create":
        return opts.currentLabel ? labelCreate(d.base, opts.currentLabel, d.fromMs, toMs) : d.base;
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0 || drag.current || opts.readOnly) return;
    const target = e.target as HTMLElement;
    const seg = target.closest<HTMLElement>("[data-seg]");
    const index = seg ? Number(seg.dataset.seg) : -1;
    const edge = target.dataset.edge as "start" | "end" | undefined;
    const r = e.currentTarget.getBoundingClientRect();
    const d: Drag = {
      kind: edge ?? (index >= 0 ? "move" : "create"),
      index,
      pointerId: e.pointerId,
      fromMs: 0,
      fromX: e.clientX,
      base: opts.labels,
      area: { leftPx: r.left, widthPx: Math.max(1, r.width) },
      moved: false,
    };
    d.fromMs = timeAt(d, e.clientX);
    drag.current = d;
    if (index >= 0) opts.onSelect(index);
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return;
    if (!d.moved && Math.abs(e.clientX - d.fromX) < CLICK_SLOP_PX) return;
    d.moved = true;
    opts.onDraft(result(d, timeAt(d, e.clientX)));
  };

  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return;
    drag.current = null;
    opts.onDraft(null);
    if (!d.moved) {
      if (d.index < 0) opts.onSelect(null);
      return;
    }
    const next = result(d, timeAt(d, e.clientX));
    const same = next.length === d.base.length && next.every((s, i) => s === d.base[i] || (s.label === d.base[i]!.label && s.tStartMs === d.base[i]!.tStartMs && s.tEndMs === d.base[i]!.tEndMs));
    if (same) return;
    // A created span is the one object that was not in the base; any other drag keeps its index.
    opts.onCommit(next, d.kind === "create" ? next.findIndex((s) => !d.base.includes(s)) : d.index);
  };

  const onPointerCancel = () => {
    drag.current = null;
    opts.onDraft(null);
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onLostPointerCapture: onPointerCancel };
}
