import { viewMsToX, type TimeWindow } from "./timeline-view";

/**
 * Where the facilitator's marks sit in the review timeline's marks lane. A mark is a
 * flag `sizePx` wide; two flags closer than that would hide each other, so a crowded
 * one drops to the next free row below, and once every row is taken there it joins the
 * last row's flag, which then shows a count. Zoomed in, every mark has its own flag;
 * zoomed out over a long session, a dense stretch reads as a count instead of a smear,
 * and the lane keeps its height whatever the number of marks.
 */
export interface MarkSlot<T> {
  /** Of its first mark: px from the plot's left edge of a `widthPx` wide plot. */
  xPx: number;
  /** 0 = top row. */
  row: number;
  /** In time order; more than one makes it a group. */
  items: T[];
}

/** The marks inside `view`, laid out in `rows` rows (at least one), in time order. */
export function markLayout<T extends { tMs: number }>(marks: readonly T[], view: TimeWindow, widthPx: number, sizePx: number, rows: number): MarkSlot<T>[] {
  const visible = marks.filter((m) => m.tMs >= view.startMs && m.tMs <= view.endMs).sort((a, b) => a.tMs - b.tMs);
  const slots: MarkSlot<T>[] = [];
  // The latest flag of each row: a row is free again once the new flag clears it.
  const rowLast: (MarkSlot<T> | null)[] = new Array<MarkSlot<T> | null>(Math.max(1, Math.floor(rows))).fill(null);
  for (const m of visible) {
    const xPx = viewMsToX(view, widthPx, m.tMs);
    const row = rowLast.findIndex((s) => s === null || xPx - s.xPx >= sizePx);
    if (row < 0) {
      // No row is free: every row's latest flag is within `sizePx`; the last row's takes it.
      rowLast[rowLast.length - 1]!.items.push(m);
      continue;
    }
    const slot = { xPx, row, items: [m] };
    slots.push(slot);
    rowLast[row] = slot;
  }
  return slots;
}
