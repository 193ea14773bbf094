import type { LabelSpan, RecordingTrim } from "../protocol/recordings";
import type { TimeWindow } from "./timeline-view";

/**
 * The review page's label edits as pure functions over a recording's spans (recording
 * clock, sorted by start, never overlapping). Each returns a new array and keeps both
 * invariants, so the page can send the result to the server as is and undo is just the
 * previous array. An edit that cannot apply (an index out of range, a span that would
 * be shorter than the minimum) returns the spans unchanged rather than throwing: a drag
 * that goes too far should stop at the limit, not break the page.
 */

/** Shortest span an edit leaves, ms: about one sample at 50 Hz, and still a visible sliver when zoomed in. */
export const LABEL_MIN_MS = 20;

/** Index of the span containing `tMs` (start inclusive, end exclusive), or -1. */
export function labelIndexAt(spans: readonly LabelSpan[], tMs: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (tMs < s.tStartMs) hi = mid - 1;
    else if (tMs >= s.tEndMs) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The free stretch around `tMs` between its neighbours (unbounded at the ends), or null inside a span. */
function gapAround(spans: readonly LabelSpan[], tMs: number): TimeWindow | null {
  if (labelIndexAt(spans, tMs) !== -1) return null;
  let startMs = -Infinity;
  let endMs = Infinity;
  for (const s of spans) {
    if (s.tEndMs <= tMs) startMs = s.tEndMs;
    else if (s.tStartMs > tMs) {
      endMs = s.tStartMs;
      break;
    }
  }
  return { startMs, endMs };
}

/**
 * A new span from a drag between `anchorMs` (where it started) and `toMs`, cut to the
 * free gap the drag started in: a new label never eats an existing one. Unchanged when
 * the drag started inside a span or the result is shorter than `minMs`.
 */
export function labelCreate(spans: readonly LabelSpan[], label: string, anchorMs: number, toMs: number, minMs = LABEL_MIN_MS): LabelSpan[] {
  const gap = gapAround(spans, anchorMs);
  if (!gap) return spans.slice();
  const tStartMs = Math.max(gap.startMs, Math.min(anchorMs, toMs));
  const tEndMs = Math.min(gap.endMs, Math.max(anchorMs, toMs));
  if (!(tEndMs - tStartMs >= minMs) || tStartMs <= 0) return spans.slice();
  const out = spans.slice();
  const at = out.findIndex((s) => s.tStartMs > tStartMs);
  out.splice(at === -1 ? out.length : at, 0, { label, tStartMs, tEndMs });
  return out;
}

/** Limits of one edge of span `index`: it may not cross its neighbours nor come within `minMs` of its other edge. */
function edgeLimits(spans: readonly LabelSpan[], index: number, edge: "start" | "end", minMs: number): [number, number] {
  const s = spans[index]!;
  if (edge === "start") return [spans[index - 1]?.tEndMs ?? 0, s.tEndMs - minMs];
  return [s.tStartMs + minMs, spans[index + 1]?.tStartMs ?? Infinity];
}

/** Span `index` with one edge moved to `tMs`, clamped between its neighbours and at least `minMs` long. */
export function labelResizeEdge(spans: readonly LabelSpan[], index: number, edge: "start" | "end", tMs: number, minMs = LABEL_MIN_MS): LabelSpan[] {
  const s = spans[index];
  if (!s || !Number.isFinite(tMs)) return spans.slice();
  const [lo, hi] = edgeLimits(spans, index, edge, minMs);
  const clamped = Math.min(hi, Math.max(lo, tMs));
  const out = spans.slice();
  out[index] = edge === "start" ? { ...s, tStartMs: clamped } : { ...s, tEndMs: clamped };
  // The start's lower limit is 0 only without a neighbour; the schema wants positive times.
  if (out[index]!.tStartMs <= 0) return spans.slice();
  return out;
}

/** Span `index` shifted by `deltaMs`, stopping against its neighbours (its length never changes). */
export function labelMove(spans: readonly LabelSpan[], index: number, deltaMs: number): LabelSpan[] {
  const s = spans[index];
  if (!s || !Number.isFinite(deltaMs)) return spans.slice();
  const lo = (spans[index - 1]?.tEndMs ?? 0) - s.tStartMs;
  const hi = (spans[index + 1]?.tStartMs ?? Infinity) - s.tEndMs;
  const d = Math.min(hi, Math.max(lo, deltaMs));
  if (s.tStartMs + d <= 0) return spans.slice();
  const out = spans.slice();
  out[index] = { ...s, tStartMs: s.tStartMs + d, tEndMs: s.tEndMs + d };
  return out;
}

/** Span `index` with another label; times untouched. */
export function labelRelabel(spans: readonly LabelSpan[], index: number, label: string): LabelSpan[] {
  const s = spans[index];
  const out = spans.slice();
  if (s) out[index] = { ...s, label };
  return out;
}

/** Span `index` cut in two at `tMs`, both halves keeping its label; unchanged unless both are at least `minMs`. */
export function labelSplit(spans: readonly LabelSpan[], index: number, tMs: number, minMs = LABEL_MIN_MS): LabelSpan[] {
  const s = spans[index];
  if (!s || !(tMs - s.tStartMs >= minMs) || !(s.tEndMs - tMs >= minMs)) return spans.slice();
  const out = spans.slice();
  out.splice(index, 1, { ...s, tEndMs: tMs }, { ...s, tStartMs: tMs });
  return out;
}

/** Without span `index`. */
export function labelRemove(spans: readonly LabelSpan[], index: number): LabelSpan[] {
  const out = spans.slice();
  if (index >= 0 && index < out.length) out.splice(index, 1);
  return out;
}

/**
 * Spans as they may arrive from elsewhere (an import, an old save) made safe to edit:
 * sorted by start, empty ones dropped, and a span overlapping its predecessor cut to
 * start where that one ends (dropped when nothing is left).
 */
export function labelsNormalize(spans: readonly LabelSpan[]): LabelSpan[] {
  const sorted = spans.filter((s) => s.tEndMs > s.tStartMs).sort((a, b) => a.tStartMs - b.tStartMs || a.tEndMs - b.tEndMs);
  const out: LabelSpan[] = [];
  for (const s of sorted) {
    const prevEndMs = out.at(-1)?.tEndMs ?? -Infinity;
    if (s.tEndMs <= prevEndMs) continue;
    out.push(s.tStartMs < prevEndMs ? { ...s, tStartMs: prevEndMs } : s);
  }
  return out;
}

/**
 * A trim made valid for `bounds` (the recording's span): cut to it, at least `minMs`
 * long. Null (no trim) when nothing of it is inside or it covers the whole recording,
 * since such a trim removes nothing and would only grey out an empty margin.
 */
export function trimClamp(trim: RecordingTrim | null, bounds: TimeWindow, minMs = LABEL_MIN_MS): RecordingTrim | null {
  if (!trim) return null;
  const startMs = Math.max(bounds.startMs, Math.min(trim.startMs, trim.endMs));
  const endMs = Math.min(bounds.endMs, Math.max(trim.startMs, trim.endMs));
  if (!(endMs - startMs >= minMs) || startMs <= 0) return null;
  if (startMs <= bounds.startMs && endMs >= bounds.endMs) return null;
  return { startMs, endMs };
}
