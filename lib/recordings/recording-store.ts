import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { SessionData } from "../data/session-data";
import type {
  AnnotationsPut,
  ProtocolStep,
  RecordedEvent,
  RecordingDetail,
  RecordingStatus,
  RecordingSummary,
} from "../protocol/recordings";
import type { DeviceSource, Platform } from "../protocol/schemas";
import { RecordingAnnotations } from "./recording-annotations";
import { recordingDbOpen, type Db } from "./recording-db";
import { toSummary, type DeviceRow, type RecordingRow } from "./recording-rows";
import { SampleRows, type SampleChunk } from "./recording-samples";
import { studyTimeline } from "./study-timeline";
import { RecordingStoreError } from "./recording-store-error";

export interface DeviceMeta {
  id: string;
  name: string;
  source: DeviceSource;
  platform: Platform;
  clockOffsetMs: number;
}

export interface RecordingCreate {
  name: string;
  room: string | null;
  deviceFilter: string | null;
  labelSet: string[];
  protocol: ProtocolStep[] | null;
  startedAtMs: number;
}

export const RECORDINGS_DB_FILE = "recordings.sqlite";
/** Sortable by creation time, unguessable enough that ids are not enumerated by accident. */
const newId = () => `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;

/**
 * Every recording on disk: live ones as the recorder writes them, finished and
 * imported ones for review, replay and export. All SQL lives here and in the two
 * helpers it owns ({@link SampleRows}, {@link RecordingAnnotations}).
 */
export class RecordingStore {
  readonly samples: SampleRows;
  readonly annotations: RecordingAnnotations;

  constructor(
    readonly db: Db,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.samples = new SampleRows(db);
    this.annotations = new RecordingAnnotations(db);
  }

  /** Opens `<dataDir>/recordings.sqlite`; recordings a killed server left running are marked interrupted. */
  static open(dataDir: string, log?: (msg: string) => void): RecordingStore {
    const store = new RecordingStore(recordingDbOpen(join(dataDir, RECORDINGS_DB_FILE), log));
    const found = store.interruptedMark();
    if (found > 0) (log ?? console.error)(`[recordings] ${found} recording(s) were still running when the server stopped; marked interrupted.`);
    return store;
  }

  create(c: RecordingCreate): string {
    const id = newId();
    this.db
      .prepare(
        `INSERT INTO recordings (id, name, room, device_filter, origin, status, started_at_ms, label_set, protocol)
         VALUES (?, ?, ?, ?, 'live', 'recording', ?, ?, ?)`,
      )
      .run(id, c.name, c.room, c.deviceFilter, c.startedAtMs, JSON.stringify(c.labelSet), c.protocol ? JSON.stringify(c.protocol) : null);
    return id;
  }

  deviceAdd(recordingId: string, d: DeviceMeta): number {
    const r = this.db
      .prepare("INSERT INTO recording_devices (recording_id, device_id, name, source, platform, clock_offset_ms) VALUES (?, ?, ?, ?, ?, ?)")
      .run(recordingId, d.id, d.name, d.source, d.platform, d.clockOffsetMs);
    return Number(r.lastInsertRowid);
  }

  /** A device's offset, once it is measured rather than guessed; its samples keep their own clock. */
  deviceOffsetSet(deviceRow: number, clockOffsetMs: number): void {
    this.db.prepare("UPDATE recording_devices SET clock_offset_ms = ? WHERE id = ?").run(clockOffsetMs, deviceRow);
  }

  samplesWrite(chunks: readonly SampleChunk[]): void {
    this.samples.write(chunks);
  }

  /** Closes the open live label at `tMs` and, unless `label` is null, opens `label` there. */
  liveLabel(recordingId: string, label: string | null, tMs: number): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE labels SET t_end_ms = MAX(?, t_start_ms + 1) WHERE recording_id = ? AND t_end_ms IS NULL").run(tMs, recordingId);
      if (label !== null) this.db.prepare("INSERT INTO labels (recording_id, label, t_start_ms) VALUES (?, ?, ?)").run(recordingId, label, tMs);
    })();
  }

  /** Live detector scores, per slot; a time already stored for the slot is kept as it was (a resend). */
  scoresAdd(recordingId: string, points: readonly { slot: string; tMs: number; score: number }[]): void {
    const insert = this.db.prepare("INSERT OR IGNORE INTO scores (recording_id, slot, t_ms, score) VALUES (?, ?, ?, ?)");
    this.db.transaction(() => {
      for (const p of points) insert.run(recordingId, p.slot, p.tMs, p.score);
    })();
  }

  /** A study's events also carry their slot (the scene role) and decision time. */
  eventsAdd(recordingId: string, events: readonly (RecordedEvent & { slot?: string; detectedAtMs?: number })[]): void {
    const insert = this.db.prepare("INSERT INTO events (recording_id, t_ms, device_id, interaction, detector, score, slot, detected_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    this.db.transaction(() => {
      for (const e of events) insert.run(recordingId, e.tMs, e.deviceId, e.interaction, e.detector, e.score, e.slot ?? null, e.detectedAtMs ?? null);
    })();
  }

  finish(recordingId: string, status: Exclude<RecordingStatus, "recording">, reason: string, endedAtMs: number): void {
    this.db.transaction(() => {
      this.liveLabel(recordingId, null, endedAtMs);
      this.db.prepare("UPDATE recordings SET status = ?, end_reason = ?, ended_at_ms = ? WHERE id = ?").run(status, reason, endedAtMs, recordingId);
      this.annotations.snapshotInitial(recordingId, null);
    })();
  }

  rename(recordingId: string, name: string): RecordingSummary {
    const r = this.db.prepare("UPDATE recordings SET name = ? WHERE id = ?").run(name, recordingId);
    if (r.changes === 0) throw new RecordingStoreError(404, `No recording ${recordingId}.`);
    return this.summary(recordingId)!;
  }

  list(): RecordingSummary[] {
    const rows = this.db.prepare("SELECT * FROM recordings ORDER BY started_at_ms DESC, id DESC").all() as RecordingRow[];
    const devices = this.db.prepare("SELECT * FROM recording_devices ORDER BY id").all() as DeviceRow[];
    const counts = (table: string) =>
      new Map((this.db.prepare(`SELECT recording_id AS id, COUNT(*) AS n FROM ${table} GROUP BY recording_id`).all() as { id: string; n: number }[]).map((c) => [c.id, c.n]));
    const labels = counts("labels");
    const events = counts("events");
    const byRecording = new Map<string, DeviceRow[]>();
    for (const d of devices) byRecording.set(d.recording_id, [...(byRecording.get(d.recording_id) ?? []), d]);
    return rows.map((r) => toSummary(r, byRecording.get(r.id) ?? [], labels.get(r.id) ?? 0, events.get(r.id) ?? 0));
  }

  summary(recordingId: string): RecordingSummary | null {
    const row = this.row(recordingId);
    if (!row) return null;
    const count = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE recording_id = ?`).get(recordingId) as { n: number }).n;
    return toSummary(row, this.deviceRows(recordingId), count("labels"), count("events"));
  }

  detail(recordingId: string): RecordingDetail | null {
    const summary = this.summary(recordingId);
    const row = this.row(recordingId);
    if (!summary || !row) return null;
    const events = this.db
      .prepare("SELECT t_ms AS tMs, device_id AS deviceId, interaction, detector, score FROM events WHERE recording_id = ? ORDER BY t_ms, id")
      .all(recordingId) as RecordedEvent[];
    const moves = row.status === "recording" ? { canUndo: false, canRedo: false } : this.annotations.canMove(recordingId);
    return {
      ...summary,
      labels: this.annotations.labels(recordingId, this.nowMs()),
      events,
      ...studyTimeline(this.db, recordingId),
      trim: row.trim_start_ms !== null && row.trim_end_ms !== null ? { startMs: row.trim_start_ms, endMs: row.trim_end_ms } : null,
      protocol: row.protocol ? (JSON.parse(row.protocol) as ProtocolStep[]) : null,
      revision: row.revision,
      ...moves,
    };
  }

  /** One device's samples; null when the recording or the device is unknown. */
  deviceSamples(recordingId: string, deviceId: string): { rows: Float64Array; length: number } | null {
    const d = this.deviceRows(recordingId).find((x) => x.device_id === deviceId);
    return d ? this.samples.read(d.id, d.sample_count) : null;
  }

  /** The whole recording in memory, for export and replay; samples are read a chunk per turn of the event loop. */
  async session(recordingId: string): Promise<SessionData | null> {
    const detail = this.detail(recordingId);
    if (!detail) return null;
    const devices = [];
    for (const d of this.deviceRows(recordingId)) {
      const { rows, length } = await this.samples.readChunked(d.id, d.sample_count);
      devices.push({ id: d.device_id, name: d.name, source: d.source, platform: d.platform, clockOffsetMs: d.clock_offset_ms, samples: rows, length });
    }
    return {
      name: detail.name,
      room: detail.room,
      startedAtMs: detail.startedAtMs,
      endedAtMs: detail.endedAtMs,
      labelSet: detail.labelSet,
      labels: detail.labels,
      events: detail.events,
      trim: detail.trim,
      devices,
    };
  }

  annotationsPut(recordingId: string, edit: AnnotationsPut): RecordingDetail {
    this.annotations.put(recordingId, edit);
    return this.detail(recordingId)!;
  }

  undo(recordingId: string): RecordingDetail {
    this.annotations.undo(recordingId);
    return this.detail(recordingId)!;
  }

  redo(recordingId: string): RecordingDetail {
    this.annotations.redo(recordingId);
    return this.detail(recordingId)!;
  }

  /**
   * Removes a recording with its samples, labels, events and history. Deleted rows
   * are overwritten (secure_delete) and the write-ahead log is checkpointed and
   * truncated, so the samples are gone from the files, not only from the index.
   */
  remove(recordingId: string): boolean {
    const changes = this.db.prepare("DELETE FROM recordings WHERE id = ?").run(recordingId).changes;
    if (changes > 0) this.db.pragma("wal_checkpoint(TRUNCATE)");
    return changes > 0;
  }

  /** Stores imported sessions in one transaction: a file that fails half-way leaves nothing behind. */
  importSessions(sessions: readonly SessionData[], fileName: string): string[] {
    return this.db.transaction(() =>
      sessions.map((s) => {
        const id = newId();
        this.db
          .prepare(
            `INSERT INTO recordings (id, name, room, origin, imported_from, status, end_reason, started_at_ms, ended_at_ms, label_set, trim_start_ms, trim_end_ms)
             VALUES (?, ?, ?, 'import', ?, 'complete', 'imported', ?, ?, ?, ?, ?)`,
          )
          .run(id, s.name, s.room, fileName, s.startedAtMs, s.endedAtMs, JSON.stringify(s.labelSet), s.trim?.startMs ?? null, s.trim?.endMs ?? null);
        for (const d of s.devices) this.samples.writeRows(this.deviceAdd(id, d), d.samples, d.length);
        const insert = this.db.prepare("INSERT INTO labels (recording_id, label, t_start_ms, t_end_ms) VALUES (?, ?, ?, ?)");
        for (const l of s.labels) insert.run(id, l.label, l.tStartMs, l.tEndMs);
        this.eventsAdd(id, s.events);
        this.annotations.snapshotInitial(id, s.trim);
        return id;
      }),
    )();
  }

  /** Marks recordings a killed server left running; each ends at its last stored sample. */
  interruptedMark(): number {
    const running = this.db.prepare("SELECT id, started_at_ms FROM recordings WHERE status = 'recording'").all() as { id: string; started_at_ms: number }[];
    for (const r of running) {
      const last = this.db
        .prepare("SELECT MAX(last_t_ms + clock_offset_ms) AS t FROM recording_devices WHERE recording_id = ?")
        .get(r.id) as { t: number | null };
      this.finish(r.id, "interrupted", "the server stopped without ending it (killed or crashed); found on restart", last.t ?? r.started_at_ms);
    }
    return running.length;
  }

  close(): void {
    this.db.close();
  }

  private row(recordingId: string): RecordingRow | undefined {
    return this.db.prepare("SELECT * FROM recordings WHERE id = ?").get(recordingId) as RecordingRow | undefined;
  }

  private deviceRows(recordingId: string): DeviceRow[] {
    return this.db.prepare("SELECT * FROM recording_devices WHERE recording_id = ? ORDER BY id").all(recordingId) as DeviceRow[];
  }
}
