import { viewMsToX, type TimeWindow } from "./timeline-view";

/**
 * A detector's stored score trace cut down to what a plot `widthPx` wide can show.
 * A long session holds tens of thousands of scores per slot; drawn one by one they
 * would cost a frame per zoom step for nothing, as most land on the same pixel. Each
 * pixel column keeps its first, lowest, highest and last score instead (at most four
 * vertices, in time order), so every peak a detector reached stays visible however
 * far out the view is, and the line still enters and leaves each column where the
 * trace did. Zoomed in, a column holds at most one score and keeps its exact x.
 */

/** A connected stretch of trace: x in the pixels of `widthPx` from the plot's left edge (the first and last may lie outside it), scores 0..1. */
export interface ScoreRun {
  xPx: number[];
  score: number[];
}

/** A pause longer than this many typical score intervals is drawn as a break... */
const BREAK_INTERVALS = 5;
/** ...and never one shorter than this, so a detector's uneven hops do not chop the line. */
const BREAK_MIN_MS = 1000;

/** The gap, ms, above which two scores are not joined: a detector that stopped (a pause, a break) draws no line across it. */
export function scoreBreakMs(tMs: readonly number[]): number {
  // The median of up to ~2000 spread-out intervals: the typical hop, robust to the pauses themselves.
  const step = Math.max(1, Math.floor(tMs.length / 2000));
  const dts: number[] = [];
  for (let i = step; i < tMs.length; i += step) dts.push(tMs[i]! - tMs[i - 1]!);
  dts.sort((a, b) => a - b);
  return Math.max(BREAK_MIN_MS, BREAK_INTERVALS * (dts[dts.length >> 1] ?? 0));
}

/** The trace in time order: the arrays themselves when they already are (the store returns them so), else sorted copies. */
export function scoreTraceOrdered(tMs: readonly number[], score: readonly number[]): { tMs: readonly number[]; score: readonly number[] } {
  const n = Math.min(tMs.length, score.length);
  let ordered = n === tMs.length && n === score.length;
  for (let i = 1; ordered && i < n; i++) ordered = tMs[i - 1]! <= tMs[i]!;
  if (ordered) return { tMs, score };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => tMs[a]! - tMs[b]!);
  return { tMs: order.map((i) => tMs[i]!), score: order.map((i) => score[i]!) };
}

/** The first index in `tMs[0, n)` whose time is not before `atMs` (after it, with `after`). */
function searchTime(tMs: readonly number[], n: number, atMs: number, after: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tMs[mid]! < atMs || (after && tMs[mid] === atMs)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The part of a time-ordered trace inside `view`, plus one score either side of it so
 * the line runs to the plot's edges, as runs of vertices: a new run starts where two
 * scores lie more than `breakMs` apart. At most four vertices per pixel column.
 */
export function scoreDecimate(tMs: readonly number[], score: readonly number[], view: TimeWindow, widthPx: number, breakMs: number): ScoreRun[] {
  const n = Math.min(tMs.length, score.length);
  const runs: ScoreRun[] = [];
  if (n === 0 || !(widthPx > 0) || !(view.endMs > view.startMs)) return runs;
  const from = Math.max(0, searchTime(tMs, n, view.startMs, false) - 1);
  const to = Math.min(n, searchTime(tMs, n, view.endMs, true) + 1);
  let run: ScoreRun | null = null;
  // The open column: its index and where in the trace its first, lowest, highest and last scores are.
  let column = 0;
  let count = 0;
  let first = 0;
  let low = 0;
  let high = 0;
  let last = 0;
  const flush = () => {
    if (!run || count === 0) return;
    if (count === 1) {
      run.xPx.push(viewMsToX(view, widthPx, tMs[first]!));
      run.score.push(score[first]!);
    } else {
      const x = column + 0.5;
      for (const i of [first, Math.min(low, high), Math.max(low, high), last]) {
        run.xPx.push(x);
        run.score.push(score[i]!);
      }
    }
    count = 0;
  };
  for (let i = from; i < to; i++) {
    const c = Math.floor(viewMsToX(view, widthPx, tMs[i]!));
    if (run === null || tMs[i]! - tMs[i - 1]! > breakMs) {
      flush();
      run = { xPx: [], score: [] };
      runs.push(run);
    } else if (c !== column) flush();
    if (count === 0) {
      column = c;
      first = low = high = i;
    } else {
      if (score[i]! < score[low]!) low = i;
      if (score[i]! > score[high]!) high = i;
    }
    last = i;
    count++;
  }
  flush();
  return runs;
}
