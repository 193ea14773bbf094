import type { RecordedMark, RecordedScores } from "../protocol/recordings";
import type { Db } from "./recording-db";

/**
 * What a usability study session adds to its recording's timeline: the
 * facilitator's marks and notes, and the live detectors' scores per slot. Empty for
 * recordings no study made.
 */
export function studyTimeline(db: Db, recordingId: string): { marks: RecordedMark[]; scores: RecordedScores[] } {
  const marks = db
    .prepare(
      `SELECT m.at_ms AS tMs, m.kind, m.note, m.seq AS trial FROM study_marks m JOIN study_sessions s ON s.id = m.session_id
       WHERE s.recording_id = ? ORDER BY m.at_ms, m.id`,
    )
    .all(recordingId) as RecordedMark[];
  const rows = db.prepare("SELECT slot, t_ms, score FROM scores WHERE recording_id = ? ORDER BY slot, t_ms").raw().all(recordingId) as [string, number, number][];
  const bySlot = new Map<string, RecordedScores>();
  for (const [slot, tMs, score] of rows) {
    let s = bySlot.get(slot);
    if (!s) bySlot.set(slot, (s = { slot, tMs: [], score: [] }));
    s.tMs.push(tMs);
    s.score.push(score);
  }
  return { marks, scores: [...bySlot.values()] };
}
