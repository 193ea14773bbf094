import type { SessionStatus, StudyTrialRow } from "@/lib/protocol/studies";

/** Shown where a figure has no value (no trial triggered, nothing to compare). */
export const NONE = "—";

/** Context either side of a trial on its recording's timeline, ms: the approach and what followed. */
const TIMELINE_MARGIN_MS = 2000;

/** A rate of 0..1 as "67%". */
export function percentText(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** "2.4 s" from ms; the dash for none. */
export function secondsText(ms: number | null): string {
  return ms === null ? NONE : `${(ms / 1000).toFixed(1)} s`;
}

/** "180 ms"; the dash for none. */
export function msText(ms: number | null): string {
  return ms === null ? NONE : `${Math.round(ms)} ms`;
}

/** False triggers per minute of trial time, "0.45 /min". */
export function perMinText(perMin: number): string {
  return `${perMin.toFixed(2)} /min`;
}

/** A difference with its sign always written (a typographic minus): "+12", "−3.5", "±0". */
function signed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return `±${text}`;
  return `${value > 0 ? "+" : "−"}${text}`;
}

/** A difference of two rates (0..1) in percentage points. */
export function pointsDiffText(rateDiff: number): string {
  return `${signed(rateDiff * 100, 0)} pp`;
}

export function secondsDiffText(msDiff: number | null): string {
  return msDiff === null ? NONE : `${signed(msDiff / 1000, 1)} s`;
}

export function perMinDiffText(diff: number): string {
  return `${signed(diff, 2)} /min`;
}

const STATUS_TEXT: Record<SessionStatus, string> = {
  consent: "Asked for consent",
  running: "Running",
  paused: "Paused",
  complete: "Complete",
  stopped: "Stopped early",
  declined: "Declined consent",
  interrupted: "Interrupted",
};

export function statusText(status: SessionStatus | null): string {
  return status === null ? "Not run" : STATUS_TEXT[status];
}

const END_TEXT: Record<string, string> = { success: "the Success key", miss: "the Miss key", detector: "the detector", "time-limit": "the time limit" };

/**
 * How a trial ended, only where its outcome does not already say it: a facilitator's
 * verdict ends the trial by its key, a detector's success by the detector and its miss
 * by the time limit. Otherwise the facilitator corrected the trial afterwards, and
 * what ended it is worth reading ("ended by the time limit"); null when implied.
 */
export function endUnlessImpliedText(row: Pick<StudyTrialRow, "outcome" | "outcomeBy" | "endReason">): string | null {
  const implied = row.outcomeBy === "facilitator" ? row.outcome : row.outcome === "success" ? "detector" : "time-limit";
  if (row.endReason === implied) return null;
  return `ended by ${END_TEXT[row.endReason] ?? row.endReason.replaceAll("-", " ")}`;
}

/**
 * The review page of the trial's recording, zoomed to the trial with a little before
 * and after (recording clock ms, the timeline's own clock); null without a recording.
 */
export function timelineHref(row: Pick<StudyTrialRow, "recordingId" | "promptAtMs" | "endAtMs">): string | null {
  if (row.recordingId === null) return null;
  const fromMs = Math.round(row.promptAtMs - TIMELINE_MARGIN_MS);
  const toMs = Math.round(row.endAtMs + TIMELINE_MARGIN_MS);
  return `/recordings/${encodeURIComponent(row.recordingId)}?from=${fromMs}&to=${toMs}`;
}
