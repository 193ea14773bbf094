import type { StudyFigures } from "../protocol/studies";

/**
 * A usability study's numbers, from what happened in each trial: the facilitator's
 * marks and the detector's events. Pure functions over plain data, so the results
 * page, the CSV export and the tests compute them the same way.
 */

export const TRIAL_MARKS = ["success", "miss", "false-trigger"] as const;
export type TrialMark = (typeof TRIAL_MARKS)[number];

export interface TrialRecord {
  participant: string;
  condition: string;
  trial: number;
  /** The interaction the trial asks for (a detector's event label). */
  expected: string;
  /** Recording clock, ms: when the prompt appeared and when the trial ended (mark, time limit or next trial). */
  promptAtMs: number;
  endAtMs: number;
  marks: { kind: TrialMark; atMs: number }[];
  /** Detector events inside the trial: gesture end and decision time, recording clock. */
  events: { interaction: string; tEndMs: number; detectedAtMs: number }[];
}

export interface TrialResult {
  participant: string;
  condition: string;
  trial: number;
  /** The facilitator's success or miss mark wins; without one, a matching event counts as success. */
  outcome: "success" | "miss";
  outcomeBy: "facilitator" | "detector";
  /** Prompt to the first matching event's decision; null without one. */
  timeToTriggerMs: number | null;
  /** Gesture end to the detector's decision for the first matching event; null without one. */
  detectionLatencyMs: number | null;
  /** Marked by the facilitator: the interaction fired when the participant did not mean it. */
  falseTriggers: number;
  /** Events of another interaction, or repeats after the first match: candidates for false triggers. */
  unexpectedEvents: number;
  durationMs: number;
}

export function trialResult(t: TrialRecord): TrialResult {
  const matching = t.events.filter((e) => e.interaction === t.expected).sort((a, b) => a.detectedAtMs - b.detectedAtMs);
  const first = matching[0];
  const verdict = [...t.marks].reverse().find((m) => m.kind !== "false-trigger");
  return {
    participant: t.participant,
    condition: t.condition,
    trial: t.trial,
    outcome: verdict ? (verdict.kind === "success" ? "success" : "miss") : first ? "success" : "miss",
    outcomeBy: verdict ? "facilitator" : "detector",
    timeToTriggerMs: first ? first.detectedAtMs - t.promptAtMs : null,
    detectionLatencyMs: first ? first.detectedAtMs - first.tEndMs : null,
    falseTriggers: t.marks.filter((m) => m.kind === "false-trigger").length,
    unexpectedEvents: t.events.length - (first ? 1 : 0),
    durationMs: Math.max(0, t.endAtMs - t.promptAtMs),
  };
}

/** The figures of a group of trials (the protocol's {@link StudyFigures}). */
export function resultSummary(results: readonly TrialResult[]): StudyFigures {
  const successes = results.filter((r) => r.outcome === "success").length;
  const times = results.flatMap((r) => (r.timeToTriggerMs === null ? [] : [r.timeToTriggerMs])).sort((a, b) => a - b);
  const latencies = results.flatMap((r) => (r.detectionLatencyMs === null ? [] : [r.detectionLatencyMs]));
  const falseTriggers = results.reduce((n, r) => n + r.falseTriggers, 0);
  const minutes = results.reduce((n, r) => n + r.durationMs, 0) / 60_000;
  return {
    trials: results.length,
    successes,
    successRate: results.length > 0 ? successes / results.length : 0,
    timeToTriggerMsP50: times.length > 0 ? median(times) : null,
    detectionLatencyMsMean: latencies.length > 0 ? latencies.reduce((a, b) => a + b, 0) / latencies.length : null,
    falseTriggers,
    falseTriggersPerMin: minutes > 0 ? falseTriggers / minutes : 0,
  };
}

/** Summaries per value of `key` (participant, condition), in first-seen order. */
export function resultsBy(results: readonly TrialResult[], key: "participant" | "condition"): Map<string, StudyFigures> {
  const groups = new Map<string, TrialResult[]>();
  for (const r of results) groups.set(r[key], [...(groups.get(r[key]) ?? []), r]);
  return new Map([...groups].map(([k, rs]) => [k, resultSummary(rs)]));
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
