import type { LabelledSegment } from "../data/motion-recording";

/**
 * Pairs one recording's detected events with its labelled segments, the way a wrist
 * feature is judged: did it fire once for each gesture, and only then.
 *
 * Matching rule. An event spans [tStartMs, tEndMs]: from the start of the first window
 * of its run above threshold to the end of the window that decided. A segment spans
 * [tStartMs, tEndMs). They overlap when `event.tStartMs < segment.tEndMs + toleranceMs`
 * and `event.tEndMs >= segment.tStartMs`. The tolerance only extends a segment past its
 * end: a decision always comes after the evidence (smoothing over k windows, k windows
 * in a row, a rule that waits for the hold), so an event whose run started just after
 * a gesture ended is still that gesture's event, while nothing fires for a gesture
 * before it has begun.
 *
 * An event matches a segment of the same label it overlaps. Matching is one-to-one:
 * events in order of their decision (tEndMs), each takes the unmatched overlapping
 * segment that ends first. For overlap between two families of intervals this greedy
 * order finds a largest matching (the usual exchange argument), so a burst of close
 * gestures is not under-counted.
 *
 * Outcomes: a matched event is a true positive, with delay `event.tEndMs -
 * segment.tEndMs` (stream time from the gesture's end to the end of the deciding
 * window; negative when it decided before the gesture was over). Any other event is a
 * false positive; one that overlaps only segments of its own label that are already
 * matched is also a double detection. A segment left unmatched is missed.
 *
 * Each event is also placed on one segment for the confusion matrix: its match; else
 * the already-matched segment of its label it repeats; else the overlapping segment of
 * any label it overlaps most (on a tie the shorter, so a gesture nested in a long
 * activity segment wins; then the first given); else none (background).
 */

export interface MatchOptions {
  /** How far past a segment's end an event may start and still overlap it. Default 500. */
  toleranceMs?: number;
}

export const DEFAULT_MATCH_TOLERANCE_MS = 500;

export type EventOutcome = "tp" | "fp" | "double";

export interface EventVerdict {
  outcome: EventOutcome;
  /** Index of the segment the event is placed on for the confusion matrix, -1 for background. */
  segment: number;
  /** True positives only: event.tEndMs - segment.tEndMs. */
  delayMs: number | null;
}

export interface EventMatch {
  /** One per event, in the order given. */
  events: EventVerdict[];
  /** One per segment: index of its matched event, -1 when missed. */
  segmentEvent: number[];
}

interface Span {
  label: string;
  tStartMs: number;
  tEndMs: number;
}

export function matchToleranceMs(opts: MatchOptions): number {
  const tol = opts.toleranceMs ?? DEFAULT_MATCH_TOLERANCE_MS;
  if (!(tol >= 0 && Number.isFinite(tol))) throw new RangeError(`toleranceMs must be a finite number >= 0, got ${tol}`);
  return tol;
}

export function eventsMatch(events: readonly Span[], segments: readonly LabelledSegment[], opts: MatchOptions = {}): EventMatch {
  const tol = matchToleranceMs(opts);
  const overlapMs = (e: Span, s: LabelledSegment): number | null =>
    e.tStartMs < s.tEndMs + tol && e.tEndMs >= s.tStartMs ? Math.min(e.tEndMs, s.tEndMs + tol) - Math.max(e.tStartMs, s.tStartMs) : null;

  const verdicts: EventVerdict[] = events.map(() => ({ outcome: "fp", segment: -1, delayMs: null }));
  const segmentEvent = segments.map(() => -1);
  const order = events.map((_, i) => i).sort((i, j) => events[i]!.tEndMs - events[j]!.tEndMs || events[i]!.tStartMs - events[j]!.tStartMs);

  for (const i of order) {
    const e = events[i]!;
    const v = verdicts[i]!;
    let best = -1;
    let repeated = -1;
    let mostOverlap = -1;
    let mostOverlapMs = -Infinity;
    segments.forEach((s, j) => {
      const ov = overlapMs(e, s);
      if (ov === null) return;
      const len = s.tEndMs - s.tStartMs;
      if (ov > mostOverlapMs || (ov === mostOverlapMs && len < segments[mostOverlap]!.tEndMs - segments[mostOverlap]!.tStartMs)) {
        mostOverlap = j;
        mostOverlapMs = ov;
      }
      if (s.label !== e.label) return;
      if (segmentEvent[j]! >= 0) {
        if (repeated < 0) repeated = j;
      } else if (best < 0 || s.tEndMs < segments[best]!.tEndMs) {
        best = j;
      }
    });
    if (best >= 0) {
      segmentEvent[best] = i;
      Object.assign(v, { outcome: "tp", segment: best, delayMs: e.tEndMs - segments[best]!.tEndMs });
    } else if (repeated >= 0) {
      Object.assign(v, { outcome: "double", segment: repeated });
    } else {
      v.segment = mostOverlap;
    }
  }
  return { events: verdicts, segmentEvent };
}
