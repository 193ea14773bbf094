import type { LabelledSegment } from "../data/motion-recording";

/**
 * Which class a training window stands for, decided from the labelled segments.
 *
 * The rule: a window shows an event when it holds the whole of one event segment
 * (`coverage >= minCoverage`, default 1), where coverage is the share of the
 * segment inside the window, or of the window inside the segment when the segment
 * is longer than the window (a handwash, or a clip that is all gesture). A window
 * that holds no part of any event segment is background. A window that holds only
 * part of one is neither: it is left out of training and validation (IGNORE).
 *
 * Why this and not "the gesture ends in the last part of the window":
 * - The live decision fires once per run of windows above threshold (plus a
 *   refractory time), so a long positive run costs nothing and the first window of
 *   the run sets the delay. Under this rule that is the first window holding the
 *   finished gesture: one hop after its end, as early as a model can know.
 * - A small CNN that pools over time cannot tell where in the window a gesture sits.
 *   Calling the same gesture positive near the window's end and background a little
 *   earlier would teach it contradictions; "anywhere in the window" is what it can
 *   learn, and the windows that show part of a gesture are the ambiguous ones, so
 *   they are the ones left out rather than forced to either side.
 * - Whole, not "most of": a gesture's telling part is often at an edge. With 80 %
 *   coverage a double tap's last fifth, its second tap, could be outside, and the
 *   model learnt to fire on the first tap alone (measured: events 145 ms before the
 *   gestures' ends). `minCoverage` below 1 is for recorded labels drawn loosely
 *   around the motion.
 * - Segments of labels that are not the model's events (walking, typing, another
 *   gesture) are background like unlabelled time: the negatives the model must learn.
 */

export const IGNORE = -1;
export const DEFAULT_MIN_COVERAGE = 1;
/** Window and segment edges are computed from frame times: forgive float rounding. */
const COVERAGE_EPS = 1e-9;

export interface WindowSpan {
  /** Start and end of the stretch of stream the window's frames stand for, ms. */
  fromMs: number;
  toMs: number;
}

/**
 * Class of the window: 0 for background, 1 + i for `eventLabels[i]`, or IGNORE.
 * `segments` carry the model's label names already (a caller maps dataset labels
 * first). When two event segments both qualify, the better covered one wins.
 */
export function windowClass(
  span: WindowSpan,
  segments: readonly LabelledSegment[],
  eventLabels: readonly string[],
  minCoverage: number = DEFAULT_MIN_COVERAGE,
): number {
  const windowMs = span.toMs - span.fromMs;
  let best = 0;
  let bestCoverage = 0;
  let touched = false;
  for (const s of segments) {
    const label = eventLabels.indexOf(s.label);
    if (label < 0) continue;
    const overlapMs = Math.min(span.toMs, s.tEndMs) - Math.max(span.fromMs, s.tStartMs);
    if (overlapMs <= 0) continue;
    touched = true;
    const coverage = overlapMs / Math.min(s.tEndMs - s.tStartMs, windowMs);
    if (coverage >= minCoverage - COVERAGE_EPS && coverage > bestCoverage) {
      best = label + 1;
      bestCoverage = coverage;
    }
  }
  if (best > 0) return best;
  return touched ? IGNORE : 0;
}

/** Segments with their labels renamed by `labelMap` (unlisted labels unchanged). */
export function segmentsRelabel(segments: readonly LabelledSegment[], labelMap: Readonly<Record<string, string>>): LabelledSegment[] {
  return segments.map((s) => ({ ...s, label: labelMap[s.label] ?? s.label }));
}
