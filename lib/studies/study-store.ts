import { randomBytes } from "node:crypto";
import type { Db } from "../recordings/recording-db";
import type { RecordingStore } from "../recordings/recording-store";
import { RecordingStoreError } from "../recordings/recording-store-error";
import {
  type ParticipantInfo,
  type SessionInfo,
  type SessionStatus,
  type StudyDefinition,
  type StudyDetail,
  type StudySummary,
} from "../protocol/studies";
import { conditionOrder } from "./latin-square";
import { nextParticipantId } from "./participant-ids";
import { StudySessionRows } from "./study-session-rows";

interface StudyRow {
  id: string;
  name: string;
  definition: string;
  created_at_ms: number;
  updated_at_ms: number;
}

interface SessionRow {
  id: string;
  participant: string;
  recording_id: string | null;
  condition_order: string;
  status: SessionStatus;
  started_at_ms: number;
  ended_at_ms: number | null;
  trials_done: number;
}

const newId = () => `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;

/** A session that ran (or runs) stands in the way of running the participant again; a declined one does not. */
const BLOCKING: readonly SessionStatus[] = ["consent", "running", "paused", "complete", "stopped", "interrupted"];

/**
 * Studies and their participants in the recordings database, beside the recordings
 * their sessions make. Deleting a participant or a study removes their recordings
 * through the recordings store, whose secure delete overwrites the samples.
 */
export class StudyStore {
  readonly sessions: StudySessionRows;
  private readonly db: Db;

  constructor(
    private readonly recordings: RecordingStore,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.db = recordings.db;
    this.sessions = new StudySessionRows(this.db);
  }

  create(definition: StudyDefinition): StudyDetail {
    const id = newId();
    const now = this.nowMs();
    this.db.prepare("INSERT INTO studies (id, name, definition, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?)").run(id, definition.name, JSON.stringify(definition), now, now);
    return this.detail(id)!;
  }

  /** Once a session has run, only the name, consent text and rest may change: results must keep matching the script. */
  update(id: string, definition: StudyDefinition): StudyDetail {
    const before = this.definition(id);
    const ran = (this.db.prepare("SELECT COUNT(*) AS n FROM study_sessions WHERE study_id = ? AND status != 'declined'").get(id) as { n: number }).n > 0;
    const fixed = (d: StudyDefinition) => canonicalJson([d.sceneId, d.trials, d.conditions]);
    if (ran && fixed(before) !== fixed(definition)) {
      throw new RecordingStoreError(409, "Sessions have run with this script: the scene, trials and conditions can no longer change (the name, consent text and rest still can). Make a new study instead.");
    }
    this.db.prepare("UPDATE studies SET name = ?, definition = ?, updated_at_ms = ? WHERE id = ?").run(definition.name, JSON.stringify(definition), this.nowMs(), id);
    return this.detail(id)!;
  }

  list(): StudySummary[] {
    const rows = this.db.prepare("SELECT * FROM studies ORDER BY created_at_ms DESC, id DESC").all() as StudyRow[];
    const counts = this.db
      .prepare(
        `SELECT p.study_id AS id, COUNT(*) AS participants,
           SUM(EXISTS (SELECT 1 FROM study_sessions s WHERE s.study_id = p.study_id AND s.participant = p.participant AND s.status = 'complete')) AS complete
         FROM study_participants p GROUP BY p.study_id`,
      )
      .all() as { id: string; participants: number; complete: number }[];
    const byId = new Map(counts.map((c) => [c.id, c]));
    return rows.map((r) => {
      const d = JSON.parse(r.definition) as StudyDefinition;
      return {
        id: r.id,
        name: r.name,
        sceneId: d.sceneId,
        conditions: d.conditions.map((c) => ({ id: c.id, name: c.name })),
        trials: d.trials.length,
        participants: byId.get(r.id)?.participants ?? 0,
        sessionsComplete: byId.get(r.id)?.complete ?? 0,
        createdAtMs: r.created_at_ms,
        updatedAtMs: r.updated_at_ms,
      };
    });
  }

  detail(id: string): StudyDetail | null {
    const r = this.db.prepare("SELECT * FROM studies WHERE id = ?").get(id) as StudyRow | undefined;
    if (!r) return null;
    const participants = this.db.prepare("SELECT participant FROM study_participants WHERE study_id = ? ORDER BY position").all(id) as { participant: string }[];
    return {
      id,
      definition: JSON.parse(r.definition) as StudyDefinition,
      createdAtMs: r.created_at_ms,
      updatedAtMs: r.updated_at_ms,
      participants: participants.map((p) => this.participant(id, p.participant)!),
    };
  }

  /** The study's definition; 404 when there is no such study. */
  definition(id: string): StudyDefinition {
    const r = this.db.prepare("SELECT definition FROM studies WHERE id = ?").get(id) as { definition: string } | undefined;
    if (!r) throw new RecordingStoreError(404, `No study ${id}.`);
    return JSON.parse(r.definition) as StudyDefinition;
  }

  /** Adds a participant, `P01`-style: the given id or the next free one. Their place in the Latin square is their order of addition. */
  participantAdd(studyId: string, participant?: string): ParticipantInfo {
    this.definition(studyId);
    return this.db.transaction(() => {
      const taken = this.db.prepare("SELECT participant, position FROM study_participants WHERE study_id = ?").all(studyId) as { participant: string; position: number }[];
      const id = participant ?? nextParticipantId(taken.map((t) => t.participant));
      if (id === null) throw new RecordingStoreError(409, "Every participant id up to P9999 is taken: type one that is free.");
      if (taken.some((t) => t.participant === id)) throw new RecordingStoreError(409, `${id} is already in this study.`);
      const position = taken.reduce((m, t) => Math.max(m, t.position + 1), 0);
      this.db.prepare("INSERT INTO study_participants (study_id, participant, position, created_at_ms) VALUES (?, ?, ?, ?)").run(studyId, id, position, this.nowMs());
      return this.participant(studyId, id)!;
    })();
  }

  participant(studyId: string, participant: string): ParticipantInfo | null {
    const p = this.db.prepare("SELECT position FROM study_participants WHERE study_id = ? AND participant = ?").get(studyId, participant) as { position: number } | undefined;
    if (!p) return null;
    const d = this.definition(studyId);
    const s = this.latestSession(studyId, participant);
    const order = s ? (JSON.parse(s.condition_order) as string[]) : conditionOrder(d.conditions.length, p.position).map((i) => d.conditions[i]!.id);
    return { participant, position: p.position, conditionOrder: order, session: s ? toSessionInfo(s, d) : null };
  }

  /** A new session row for the participant (added if new); 409 while an earlier one stands. */
  sessionCreate(studyId: string, participant: string): { sessionId: string; info: ParticipantInfo } {
    return this.db.transaction(() => {
      const existing = this.participant(studyId, participant) ?? this.participantAdd(studyId, participant);
      const s = existing.session;
      if (s && BLOCKING.includes(s.status)) {
        throw new RecordingStoreError(409, `${participant} already has a session (${s.status}). To run them again, delete the participant (and their data) first.`);
      }
      this.db.prepare("DELETE FROM study_sessions WHERE study_id = ? AND participant = ? AND status = 'declined'").run(studyId, participant);
      const sessionId = newId();
      this.db
        .prepare("INSERT INTO study_sessions (id, study_id, participant, condition_order, status, started_at_ms) VALUES (?, ?, ?, ?, 'consent', ?)")
        .run(sessionId, studyId, participant, JSON.stringify(existing.conditionOrder), this.nowMs());
      return { sessionId, info: this.participant(studyId, participant)! };
    })();
  }

  /** The participant with every session, trial, mark and recording (samples overwritten in the file). */
  participantRemove(studyId: string, participant: string): void {
    this.definition(studyId);
    if (!this.participant(studyId, participant)) throw new RecordingStoreError(404, `No participant ${participant} in this study.`);
    this.purge("study_id = ? AND participant = ?", [studyId, participant], () =>
      this.db.prepare("DELETE FROM study_participants WHERE study_id = ? AND participant = ?").run(studyId, participant),
    );
  }

  remove(studyId: string): void {
    this.definition(studyId);
    this.purge("study_id = ?", [studyId], () => {
      this.db.prepare("DELETE FROM study_sessions WHERE study_id = ?").run(studyId);
      this.db.prepare("DELETE FROM studies WHERE id = ?").run(studyId);
    });
  }

  /** Sessions a killed server left open; they end as interrupted, keeping the trials that finished. */
  interruptedMark(): number {
    return this.db
      .prepare("UPDATE study_sessions SET status = 'interrupted', end_reason = 'the server stopped during the session', ended_at_ms = ? WHERE status IN ('consent', 'running', 'paused')")
      .run(this.nowMs()).changes;
  }

  private purge(where: string, args: unknown[], rest: () => void) {
    const recordings = this.db.prepare(`SELECT recording_id AS id FROM study_sessions WHERE ${where} AND recording_id IS NOT NULL`).all(...args) as { id: string }[];
    this.db.transaction(() => {
      for (const r of recordings) this.db.prepare("DELETE FROM recordings WHERE id = ?").run(r.id);
      rest();
    })();
    // Checkpoint through the recordings store so the overwritten pages leave the write-ahead log too.
    this.recordings.db.pragma("wal_checkpoint(TRUNCATE)");
  }

  private latestSession(studyId: string, participant: string): SessionRow | undefined {
    return this.db
      .prepare(
        `SELECT s.*, (SELECT COUNT(*) FROM study_trials t WHERE t.session_id = s.id AND t.end_at_ms IS NOT NULL) AS trials_done
         FROM study_sessions s WHERE s.study_id = ? AND s.participant = ? ORDER BY s.started_at_ms DESC, s.rowid DESC LIMIT 1`,
      )
      .get(studyId, participant) as SessionRow | undefined;
  }
}

function toSessionInfo(s: SessionRow, d: StudyDefinition): SessionInfo {
  return {
    id: s.id,
    status: s.status,
    recordingId: s.recording_id,
    startedAtMs: s.started_at_ms,
    endedAtMs: s.ended_at_ms,
    trialsDone: s.trials_done,
    trialsTotal: d.trials.length * d.conditions.length,
  };
}

/** JSON with object keys sorted, so the same settings compare equal whatever order an editor wrote them in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
