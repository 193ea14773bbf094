import type { LabelledSegment } from "../data/motion-recording";
import { eventsMatch, type MatchOptions } from "./event-match";
import type { ScoredRecording } from "./metrics";

/**
 * One recording's events matched to its segments, ready for metrics.ts, optionally
 * leaving out the gestures at its edges.
 *
 * Why the edges: a recording is a cut from a stream that, live, would go on. A
 * gesture ending a few hundred ms before the cut has no time left for the decision,
 * and one in the first second may fall before the first window is full, so both
 * read as misses the detector would not make live. With `edgeMs` > 0, class segments
 * starting within `edgeMs` of the first sample or ending within `edgeMs` of the last
 * are not judged at all: neither hit nor miss, and the events placed on them (their
 * match, a repeat, a wrong-label event) are dropped too; the rest is matched again.
 * Off by default, and wrong for clip datasets, whose every segment touches both edges.
 */

export interface ScoreOptions extends MatchOptions {
  /** Default 0: every segment is judged. */
  edgeMs?: number;
}

interface Span {
  label: string;
  tStartMs: number;
  tEndMs: number;
}

export function recordingScore(
  events: readonly Span[],
  segments: readonly LabelledSegment[],
  classes: readonly string[],
  recording: { tStartMs: number; durationMs: number },
  opts: ScoreOptions = {},
): ScoredRecording {
  const { tStartMs, durationMs } = recording;
  const match = eventsMatch(events, segments, opts);
  const edgeMs = opts.edgeMs ?? 0;
  if (!(edgeMs >= 0)) throw new RangeError(`edgeMs must be >= 0, got ${edgeMs}`);
  const atEdge = (s: LabelledSegment) =>
    edgeMs > 0 && classes.includes(s.label) && (s.tStartMs < tStartMs + edgeMs || s.tEndMs > tStartMs + durationMs - edgeMs);
  const edgeSegments = segments.filter(atEdge);
  if (edgeSegments.length === 0) return { tStartMs, durationMs, events, segments, match };

  const keptEvents = events.filter((_, i) => {
    const j = match.events[i]!.segment;
    return j < 0 || !atEdge(segments[j]!);
  });
  const keptSegments = segments.filter((s) => !atEdge(s));
  return {
    tStartMs,
    durationMs,
    events: keptEvents,
    segments: keptSegments,
    match: eventsMatch(keptEvents, keptSegments, opts),
    edgeSegments,
  };
}
