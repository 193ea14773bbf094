import type { AnnotationsPut, LabelSpan, RecordingTrim } from "../protocol/recordings";
import type { Db } from "./recording-db";
import { RecordingStoreError } from "./recording-store-error";

/** Undo steps kept per recording; each holds the whole label list, so the history is bounded. */
export const UNDO_STEPS_KEPT = 200;

/**
 * Labels and trim of a finished recording, with a linear undo history kept in the
 * database (so undo survives a reload and works from any screen). `history_index`
 * points at the current step of `annotation_history`; an edit drops the steps after
 * it (the redo branch) and appends one. `revision` only ever grows, with every edit,
 * undo and redo, so a screen editing an older state is refused instead of silently
 * overwriting what another screen did.
 */
export class RecordingAnnotations {
  constructor(private readonly db: Db) {}

  labels(recordingId: string, openEndMs: number): LabelSpan[] {
    const rows = this.db
      .prepare("SELECT label, t_start_ms AS s, t_end_ms AS e FROM labels WHERE recording_id = ? ORDER BY t_start_ms, id")
      .all(recordingId) as { label: string; s: number; e: number | null }[];
    return rows.map((r) => ({ label: r.label, tStartMs: r.s, tEndMs: r.e ?? Math.max(openEndMs, r.s + 1) }));
  }

  /** Step 0 of the history: the labels as recorded (or imported). */
  snapshotInitial(recordingId: string, trim: RecordingTrim | null): void {
    // Called once every label is closed, so the open-label end time is never used.
    const labels = this.labels(recordingId, 0);
    this.db
      .prepare("INSERT OR REPLACE INTO annotation_history (recording_id, step, labels, trim) VALUES (?, 0, ?, ?)")
      .run(recordingId, JSON.stringify(labels), trim ? JSON.stringify(trim) : null);
  }

  put(recordingId: string, edit: AnnotationsPut): void {
    this.db.transaction(() => {
      const state = this.state(recordingId);
      if (edit.baseRevision !== state.revision) {
        throw new RecordingStoreError(409, `The labels were changed elsewhere (revision ${state.revision}, this screen had ${edit.baseRevision}): reload to see them.`);
      }
      const labels = [...edit.labels].sort((a, b) => a.tStartMs - b.tStartMs);
      const step = state.historyIndex + 1;
      this.db.prepare("DELETE FROM annotation_history WHERE recording_id = ? AND step >= ?").run(recordingId, step);
      this.db
        .prepare("INSERT INTO annotation_history (recording_id, step, labels, trim) VALUES (?, ?, ?, ?)")
        .run(recordingId, step, JSON.stringify(labels), edit.trim ? JSON.stringify(edit.trim) : null);
      this.db.prepare("DELETE FROM annotation_history WHERE recording_id = ? AND step < ?").run(recordingId, step - UNDO_STEPS_KEPT);
      this.apply(recordingId, labels, edit.trim, step, state.revision + 1);
    })();
  }

  undo(recordingId: string): void {
    this.move(recordingId, -1);
  }

  redo(recordingId: string): void {
    this.move(recordingId, +1);
  }

  canMove(recordingId: string): { canUndo: boolean; canRedo: boolean } {
    const { historyIndex } = this.state(recordingId);
    const has = (step: number) => this.db.prepare("SELECT 1 FROM annotation_history WHERE recording_id = ? AND step = ?").get(recordingId, step) !== undefined;
    return { canUndo: has(historyIndex - 1), canRedo: has(historyIndex + 1) };
  }

  private move(recordingId: string, by: -1 | 1) {
    this.db.transaction(() => {
      const state = this.state(recordingId);
      const target = state.historyIndex + by;
      const row = this.db.prepare("SELECT labels, trim FROM annotation_history WHERE recording_id = ? AND step = ?").get(recordingId, target) as
        | { labels: string; trim: string | null }
        | undefined;
      if (target < 0 || !row) throw new RecordingStoreError(409, by < 0 ? "Nothing to undo." : "Nothing to redo.");
      this.apply(recordingId, JSON.parse(row.labels) as LabelSpan[], row.trim ? (JSON.parse(row.trim) as RecordingTrim) : null, target, state.revision + 1);
    })();
  }

  private state(recordingId: string): { revision: number; historyIndex: number } {
    const row = this.db.prepare("SELECT revision, history_index AS h, status FROM recordings WHERE id = ?").get(recordingId) as
      | { revision: number; h: number; status: string }
      | undefined;
    if (!row) throw new RecordingStoreError(404, `No recording ${recordingId}.`);
    if (row.status === "recording") throw new RecordingStoreError(409, "The recording is still running: stop it before editing its labels.");
    return { revision: row.revision, historyIndex: row.h };
  }

  private apply(recordingId: string, labels: readonly LabelSpan[], trim: RecordingTrim | null, step: number, revision: number) {
    this.db.prepare("DELETE FROM labels WHERE recording_id = ?").run(recordingId);
    const insert = this.db.prepare("INSERT INTO labels (recording_id, label, t_start_ms, t_end_ms) VALUES (?, ?, ?, ?)");
    for (const l of labels) insert.run(recordingId, l.label, l.tStartMs, l.tEndMs);
    this.db
      .prepare("UPDATE recordings SET trim_start_ms = ?, trim_end_ms = ?, history_index = ?, revision = ? WHERE id = ?")
      .run(trim?.startMs ?? null, trim?.endMs ?? null, step, revision, recordingId);
  }
}
