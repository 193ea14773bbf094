import type { Db } from "../recordings/recording-db";
import type { MarkKind, SessionStatus } from "../protocol/studies";

export interface TrialRowIn {
  seq: number;
  conditionId: string;
  trialIndex: number;
  prompt: string;
  role: string;
  timeLimitS: number;
  promptAtMs: number;
}

/** A session with everything its results need, as stored. */
export interface SessionData {
  id: string;
  participant: string;
  status: SessionStatus;
  recordingId: string | null;
  conditionOrder: string[];
  startedAtMs: number;
  trials: (TrialRowIn & { endAtMs: number | null; endReason: string | null })[];
  marks: { seq: number | null; kind: MarkKind; atMs: number; note: string | null }[];
  /** The recording's events that carry a slot (the study's roles), recording clock. */
  events: { slot: string; interaction: string; tEndMs: number; detectedAtMs: number }[];
}

/**
 * The rows one running session writes (its status, trials and the facilitator's
 * marks) and reads back for results. Times are on the recording clock (server ms).
 */
export class StudySessionRows {
  constructor(private readonly db: Db) {}

  status(sessionId: string, status: SessionStatus, patch: { recordingId?: string; consentAtMs?: number; endedAtMs?: number; endReason?: string } = {}): void {
    this.db
      .prepare(
        `UPDATE study_sessions SET status = ?, recording_id = COALESCE(?, recording_id), consent_at_ms = COALESCE(?, consent_at_ms),
           ended_at_ms = COALESCE(?, ended_at_ms), end_reason = COALESCE(?, end_reason) WHERE id = ?`,
      )
      .run(status, patch.recordingId ?? null, patch.consentAtMs ?? null, patch.endedAtMs ?? null, patch.endReason ?? null, sessionId);
  }

  /** A trial's prompt; prompting it again (after a pause) starts it afresh. */
  trialStart(sessionId: string, t: TrialRowIn): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO study_trials (session_id, seq, condition_id, trial_index, prompt, role, time_limit_s, prompt_at_ms, end_at_ms, end_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
      )
      .run(sessionId, t.seq, t.conditionId, t.trialIndex, t.prompt, t.role, t.timeLimitS, t.promptAtMs);
  }

  trialEnd(sessionId: string, seq: number, endAtMs: number, reason: string): void {
    this.db.prepare("UPDATE study_trials SET end_at_ms = ?, end_reason = ? WHERE session_id = ? AND seq = ? AND end_at_ms IS NULL").run(endAtMs, reason, sessionId, seq);
  }

  /** A paused trial is taken back: it is prompted again on resume. */
  trialDrop(sessionId: string, seq: number): void {
    this.db.prepare("DELETE FROM study_trials WHERE session_id = ? AND seq = ? AND end_at_ms IS NULL").run(sessionId, seq);
    this.db.prepare("DELETE FROM study_marks WHERE session_id = ? AND seq = ? AND kind != 'note'").run(sessionId, seq);
  }

  markAdd(sessionId: string, seq: number | null, kind: MarkKind, atMs: number, note: string | null): void {
    this.db.prepare("INSERT INTO study_marks (session_id, seq, kind, at_ms, note) VALUES (?, ?, ?, ?, ?)").run(sessionId, seq, kind, atMs, note);
  }

  /** Every session of a study that got past consent, oldest first, with trials, marks and events. */
  load(studyId: string): SessionData[] {
    const sessions = this.db
      .prepare("SELECT * FROM study_sessions WHERE study_id = ? AND status != 'declined' ORDER BY started_at_ms, rowid")
      .all(studyId) as { id: string; participant: string; status: SessionStatus; recording_id: string | null; condition_order: string; started_at_ms: number }[];
    const trials = this.db.prepare(
      `SELECT seq, condition_id AS conditionId, trial_index AS trialIndex, prompt, role, time_limit_s AS timeLimitS, prompt_at_ms AS promptAtMs,
         end_at_ms AS endAtMs, end_reason AS endReason FROM study_trials WHERE session_id = ? ORDER BY seq`,
    );
    const marks = this.db.prepare("SELECT seq, kind, at_ms AS atMs, note FROM study_marks WHERE session_id = ? ORDER BY at_ms, id");
    const events = this.db.prepare(
      `SELECT slot, interaction, t_ms AS tEndMs, COALESCE(detected_at_ms, t_ms) AS detectedAtMs FROM events
       WHERE recording_id = ? AND slot IS NOT NULL ORDER BY t_ms, id`,
    );
    return sessions.map((s) => ({
      id: s.id,
      participant: s.participant,
      status: s.status,
      recordingId: s.recording_id,
      conditionOrder: JSON.parse(s.condition_order) as string[],
      startedAtMs: s.started_at_ms,
      trials: trials.all(s.id) as SessionData["trials"],
      marks: marks.all(s.id) as SessionData["marks"],
      events: s.recording_id ? (events.all(s.recording_id) as SessionData["events"]) : [],
    }));
  }
}
