import { viewClamp, type TimeWindow } from "@/lib/review/timeline-view";

/**
 * A review link's span, `/recordings/ID?from=MS&to=MS`: the timeline opens zoomed to
 * it (the study report links each trial this way). Times are on the recording clock
 * (server ms), the timeline's own. Anything unusable opens the whole recording instead.
 */

/** A query value as a finite number of ms; null when missing, repeated or not a number. */
function msParam(value: string | string[] | undefined): number | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const ms = Number(value);
  return Number.isFinite(ms) ? ms : null;
}

/** The span asked for by `from` and `to`, or null unless both are numbers with from before to. */
export function linkSpan(from: string | string[] | undefined, to: string | string[] | undefined): TimeWindow | null {
  const startMs = msParam(from);
  const endMs = msParam(to);
  return startMs !== null && endMs !== null && endMs > startMs ? { startMs, endMs } : null;
}

/**
 * The window to open on: the linked span cut to the recording (a trial's margin may
 * reach past its start or end), or null when the span lies outside it entirely.
 */
export function linkView(span: TimeWindow | null, bounds: TimeWindow): TimeWindow | null {
  if (span === null) return null;
  const startMs = Math.max(span.startMs, bounds.startMs);
  const endMs = Math.min(span.endMs, bounds.endMs);
  return endMs > startMs ? viewClamp({ startMs, endMs }, bounds) : null;
}
