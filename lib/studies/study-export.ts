import type { StudyResults, StudyTrialRow } from "../protocol/studies";

/**
 * A study's trials for analysis elsewhere, without identifying fields: participant
 * ids (never names), no device names or ids, no room codes, no calendar times (times
 * count from the session's start). Facilitator notes are free text that may name
 * someone, so they are only included when asked for.
 */

const COLUMNS: readonly [string, (r: StudyTrialRow) => string | number | null][] = [
  ["participant", (r) => r.participant],
  ["condition", (r) => r.condition],
  ["condition_name", (r) => r.conditionName],
  ["condition_position", (r) => r.conditionPosition],
  ["trial", (r) => r.trial],
  ["seq", (r) => r.seq],
  ["prompt", (r) => r.prompt],
  ["role", (r) => r.role],
  ["outcome", (r) => r.outcome],
  ["outcome_by", (r) => r.outcomeBy],
  ["end_reason", (r) => r.endReason],
  ["time_to_trigger_ms", (r) => r.timeToTriggerMs],
  ["detection_latency_ms", (r) => r.detectionLatencyMs],
  ["false_triggers", (r) => r.falseTriggers],
  ["unexpected_events", (r) => r.unexpectedEvents],
  ["duration_ms", (r) => r.durationMs],
  ["prompt_at_session_ms", (r) => r.promptAtSessionMs],
];

/** Quotes a field when it needs it; a leading = + - @ tab or CR is defused so a spreadsheet does not run it as a formula. */
function cell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(1);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function studyCsv(results: StudyResults, notes: boolean): string {
  const header = [...COLUMNS.map(([name]) => name), ...(notes ? ["notes"] : [])];
  const lines = results.trials.map((r) => [...COLUMNS.map(([, get]) => cell(get(r))), ...(notes ? [cell(r.notes.join(" | "))] : [])].join(","));
  return `${[header.join(","), ...lines].join("\n")}\n`;
}

export function studyJson(results: StudyResults, notes: boolean): string {
  const trials = results.trials.map((r) => ({
    ...Object.fromEntries(COLUMNS.map(([name, get]) => [name, get(r)])),
    ...(notes ? { notes: r.notes } : {}),
  }));
  const { study, overall, byCondition, byParticipant, cells } = results;
  return JSON.stringify(
    { format: "wristlab-study-trials", version: 1, study: { name: study.name, sceneId: study.sceneId, conditions: study.conditions }, overall, byCondition, byParticipant, cells, trials },
    null,
    2,
  );
}
