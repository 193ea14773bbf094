import { existsSync } from "node:fs";
import { basename } from "node:path";
import Database from "better-sqlite3";
import { ImportError } from "../data/import-error";
import type { MotionDataset } from "../data/motion-recording";
import { sessionMotionRecordings } from "../data/session-motion";
import { MIGRATIONS } from "./recording-migrations";
import { RecordingStore } from "./recording-store";

/** `data/recordings.sqlite` or `data/recordings.sqlite#ID[,ID...]`: the recordings database as a dataset. */
const RECORDINGS_DATA_SPEC = /^(.*\.sqlite)(?:#(.+))?$/;

/**
 * The server's recordings as a training or evaluation dataset, read straight from the
 * database (read-only, so it is safe while the server records): every finished
 * recording, or the ones named, one MotionRecording per device, grouped by recording.
 * Running recordings are left out: they are still growing.
 */
export async function recordingsDatasetLoad(spec: string): Promise<MotionDataset> {
  const m = RECORDINGS_DATA_SPEC.exec(spec);
  if (!m) throw new ImportError(spec, "not a recordings database (expected a path ending in .sqlite, optionally #ID)");
  const file = m[1]!;
  const ids = m[2]?.split(",").map((s) => s.trim()).filter(Boolean);
  if (!existsSync(file)) throw new ImportError(file, "no such file");
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version !== MIGRATIONS.length) throw new Error(`schema version ${version}, this Wristlab reads ${MIGRATIONS.length}: start the server on it once to upgrade it`);
  } catch (err) {
    throw new ImportError(file, `cannot be read as a recordings database: ${(err as Error).message}`);
  }
  try {
    const store = new RecordingStore(db);
    const finished = store.list().filter((r) => r.status !== "recording");
    const chosen = ids ? finished.filter((r) => ids.includes(r.id)) : finished;
    const missing = (ids ?? []).filter((id) => !chosen.some((r) => r.id === id));
    if (missing.length > 0) throw new ImportError(file, `no finished recording ${missing.join(", ")} (GET /api/recordings lists them)`);
    const recordings = [];
    for (const r of chosen) recordings.push(...sessionMotionRecordings((await store.session(r.id))!, r.id, `${file}#${r.id}`));
    if (recordings.length === 0) throw new ImportError(file, "no finished recordings with samples");
    return { name: basename(file, ".sqlite"), recordings };
  } finally {
    db.close();
  }
}
