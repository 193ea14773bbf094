import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SampleTuple } from "@/lib/protocol/sample";
import { RecordingDbError } from "@/lib/recordings/recording-db";
import { MIGRATIONS } from "@/lib/recordings/recording-migrations";
import { RECORDINGS_DB_FILE, RecordingStore } from "@/lib/recordings/recording-store";

let dir: string;
let store: RecordingStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wristlab-store-"));
  store = RecordingStore.open(dir, () => {});
});
afterEach(() => {
  try {
    store.close();
  } catch {
    // Some tests close it themselves.
  }
  rmSync(dir, { recursive: true, force: true });
});

const tuple = (tMs: number, marker = 0.125): SampleTuple => [tMs, marker, 0.5, 9.75, null, null, null, 0.01, 0.02, 0.03, null, 45, -10];
const phone = { id: "phone-1", name: "Pixel", source: "phone" as const, platform: "android" as const, clockOffsetMs: 250 };

function recordOne(samples = 100): string {
  const id = store.create({ name: "r", room: "K7QM4X", deviceFilter: null, labelSet: ["raise"], protocol: null, startedAtMs: 1_000 });
  const row = store.deviceAdd(id, phone);
  const tuples = Array.from({ length: samples }, (_, i) => tuple(1_000 + i * 10));
  store.samplesWrite([{ deviceRow: row, n0: 0, samples: tuples.slice(0, 40) }]);
  store.samplesWrite([{ deviceRow: row, n0: 40, samples: tuples.slice(40) }]);
  store.liveLabel(id, "raise", 1_300);
  store.liveLabel(id, null, 1_500);
  store.eventsAdd(id, [{ tMs: 1_450, deviceId: "phone-1", interaction: "raise-to-speak", detector: "A: heuristic", score: 0.9 }]);
  store.finish(id, "complete", "stopped", 2_000);
  return id;
}

describe("recording store", () => {
  it("creates the schema at the newest version with WAL", () => {
    expect(store.db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("stores samples losslessly, nulls as NaN, in order", () => {
    const id = recordOne();
    const s = store.deviceSamples(id, "phone-1")!;
    expect(s.length).toBe(100);
    expect(Array.from(s.rows.subarray(13 * 57, 13 * 58))).toEqual([1_570, 0.125, 0.5, 9.75, NaN, NaN, NaN, 0.01, 0.02, 0.03, NaN, 45, -10]);
    const summary = store.summary(id)!;
    expect(summary.devices[0]).toMatchObject({ samples: 100, firstTMs: 1_000, lastTMs: 1_990, clockOffsetMs: 250 });
    expect(summary).toMatchObject({ labelCount: 1, eventCount: 1, status: "complete", endReason: "stopped" });
  });

  it("edits labels with a server-side undo history and refuses stale edits", () => {
    const id = recordOne();
    const d0 = store.detail(id)!;
    expect(d0).toMatchObject({ labels: [{ label: "raise", tStartMs: 1_300, tEndMs: 1_500 }], canUndo: false, canRedo: false });
    const d1 = store.annotationsPut(id, { baseRevision: d0.revision, labels: [{ label: "raise", tStartMs: 1_280, tEndMs: 1_520 }], trim: null });
    const d2 = store.annotationsPut(id, { baseRevision: d1.revision, labels: [], trim: { startMs: 1_100, endMs: 1_900 } });
    expect(d2).toMatchObject({ labels: [], trim: { startMs: 1_100, endMs: 1_900 }, canUndo: true, canRedo: false });
    expect(() => store.annotationsPut(id, { baseRevision: d1.revision, labels: [], trim: null })).toThrow(/changed elsewhere/);
    const u1 = store.undo(id);
    expect(u1).toMatchObject({ labels: [{ tStartMs: 1_280, tEndMs: 1_520 }], trim: null, canRedo: true });
    expect(store.undo(id).labels).toEqual(d0.labels);
    expect(() => store.undo(id)).toThrow(/Nothing to undo/);
    expect(store.redo(id).labels[0]!.tStartMs).toBe(1_280);
    // An edit after undo drops the redo branch.
    const e = store.annotationsPut(id, { baseRevision: store.detail(id)!.revision, labels: [{ label: "x", tStartMs: 1_010, tEndMs: 1_020 }], trim: null });
    expect(e.canRedo).toBe(false);
    // The history survives a reopen.
    store.close();
    store = RecordingStore.open(dir, () => {});
    expect(store.undo(id).labels[0]!.tStartMs).toBe(1_280);
  });

  it("deletes a recording's samples from the database file, not only the index", () => {
    const marker = 1234.5678125;
    const keep = recordOne();
    const id = store.create({ name: "p07", room: null, deviceFilter: null, labelSet: [], protocol: null, startedAtMs: 5_000 });
    const row = store.deviceAdd(id, { ...phone, id: "phone-2" });
    store.samplesWrite([{ deviceRow: row, n0: 0, samples: Array.from({ length: 500 }, (_, i) => tuple(5_000 + i, marker)) }]);
    store.finish(id, "complete", "stopped", 6_000);
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleBE(marker);
    const fileHas = () => readdirSync(dir).some((f) => f.startsWith(RECORDINGS_DB_FILE) && readFileSync(join(dir, f)).includes(bytes));
    expect(fileHas()).toBe(true);
    expect(store.remove(id)).toBe(true);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM samples").get()).toEqual({ n: 100 });
    expect(fileHas()).toBe(false);
    expect(store.list().map((r) => r.id)).toEqual([keep]);
    expect(store.remove(id)).toBe(false);
  });

  it("marks a recording left running as interrupted, ending at its last sample", () => {
    const id = store.create({ name: "r", room: "K7QM4X", deviceFilter: null, labelSet: [], protocol: null, startedAtMs: 1_000 });
    store.samplesWrite([{ deviceRow: store.deviceAdd(id, phone), n0: 0, samples: [tuple(1_000), tuple(1_010)] }]);
    store.liveLabel(id, "raise", 1_100);
    store.close();
    store = RecordingStore.open(dir, () => {});
    expect(store.summary(id)).toMatchObject({ status: "interrupted", endedAtMs: 1_260 });
    expect(store.detail(id)!.labels).toEqual([{ label: "raise", tStartMs: 1_100, tEndMs: 1_260 }]);
  });

  it("refuses a database from a newer version and moves an unreadable file aside", () => {
    store.close();
    const file = join(dir, RECORDINGS_DB_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => RecordingStore.open(dir, () => {})).toThrow(RecordingDbError);
    expect(() => RecordingStore.open(dir, () => {})).toThrow(/newer than this Wristlab knows/);

    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    const logs: string[] = [];
    writeFileSync(file, "this is not a database, it is text ".repeat(200));
    store = RecordingStore.open(dir, (m) => logs.push(m));
    expect(store.list()).toEqual([]);
    expect(logs.join()).toMatch(/not a readable SQLite database/);
    expect(readdirSync(dir).some((f) => f.startsWith(`${RECORDINGS_DB_FILE}.bad-`))).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});
