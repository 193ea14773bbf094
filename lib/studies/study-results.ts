import type { StudyDefinition, StudyFigures, StudyResults, StudyTrialRow } from "../protocol/studies";
import { TRIAL_MARKS, resultSummary, trialResult, type TrialMark, type TrialResult } from "./trial-results";
import type { SessionData } from "./study-session-rows";

const isTrialMark = (k: string): k is TrialMark => (TRIAL_MARKS as readonly string[]).includes(k);

/**
 * A study's results from its stored sessions: every finished trial scored by
 * {@link trialResult} (the facilitator's verdict wins, else the expected role's
 * detector event), then summed per condition, participant, both, and overall.
 * Trials still running or taken back by a pause do not count.
 */
export function studyResults(id: string, d: StudyDefinition, sessions: readonly SessionData[]): StudyResults {
  const names = new Map(d.conditions.map((c) => [c.id, c.name]));
  const rows: StudyTrialRow[] = [];
  const scored: TrialResult[] = [];
  for (const s of sessions) {
    for (const t of s.trials) {
      if (t.endAtMs === null) continue;
      const endAtMs = t.endAtMs;
      const marks = s.marks.filter((m) => m.seq === t.seq);
      const result = trialResult({
        participant: s.participant,
        condition: t.conditionId,
        trial: t.trialIndex + 1,
        expected: t.role,
        promptAtMs: t.promptAtMs,
        endAtMs,
        marks: marks.flatMap((m) => (isTrialMark(m.kind) ? [{ kind: m.kind, atMs: m.atMs }] : [])),
        // Matched by slot: the role's detector may be any model or heuristic, whatever it calls its interaction.
        events: s.events.filter((e) => e.detectedAtMs >= t.promptAtMs && e.detectedAtMs <= endAtMs).map((e) => ({ interaction: e.slot, tEndMs: e.tEndMs, detectedAtMs: e.detectedAtMs })),
      });
      scored.push(result);
      rows.push({
        participant: s.participant,
        condition: t.conditionId,
        conditionName: names.get(t.conditionId) ?? t.conditionId,
        conditionPosition: s.conditionOrder.indexOf(t.conditionId) + 1,
        trial: t.trialIndex + 1,
        seq: t.seq,
        prompt: t.prompt,
        role: t.role,
        outcome: result.outcome,
        outcomeBy: result.outcomeBy,
        endReason: t.endReason ?? "",
        timeToTriggerMs: result.timeToTriggerMs,
        detectionLatencyMs: result.detectionLatencyMs,
        falseTriggers: result.falseTriggers,
        unexpectedEvents: result.unexpectedEvents,
        durationMs: result.durationMs,
        promptAtSessionMs: t.promptAtMs - s.startedAtMs,
        recordingId: s.recordingId,
        promptAtMs: t.promptAtMs,
        endAtMs,
        notes: marks.flatMap((m) => (m.kind === "note" && m.note ? [m.note] : [])),
      });
    }
  }
  const figures = (pick: (r: TrialResult) => boolean): StudyFigures => resultSummary(scored.filter(pick));
  const participants = [...new Set(sessions.map((s) => s.participant))];
  const status = new Map(sessions.map((s) => [s.participant, s.status]));
  return {
    study: { id, name: d.name, sceneId: d.sceneId, conditions: d.conditions.map((c) => ({ id: c.id, name: c.name })) },
    overall: figures(() => true),
    byCondition: d.conditions.map((c) => ({ condition: c.id, name: c.name, figures: figures((r) => r.condition === c.id) })),
    byParticipant: participants.map((p) => ({ participant: p, status: status.get(p) ?? null, figures: figures((r) => r.participant === p) })),
    cells: participants.flatMap((p) =>
      d.conditions.filter((c) => scored.some((r) => r.participant === p && r.condition === c.id)).map((c) => ({ participant: p, condition: c.id, figures: figures((r) => r.participant === p && r.condition === c.id) })),
    ),
    trials: rows,
  };
}
