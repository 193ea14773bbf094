import { existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./recording-migrations";

export type Db = Database.Database;

export class RecordingDbError extends Error {}

/**
 * Opens (creating if needed) the recordings database and brings its schema up to
 * date. Write-ahead logging lets readers (an export, the review page) run while the
 * recorder writes, and a commit in WAL mode survives the process being killed;
 * `synchronous = NORMAL` gives up only durability against power loss for it.
 * `secure_delete` overwrites deleted rows, so deleting a participant's recording
 * removes its samples from the file, not just from the index.
 */
export function recordingDbOpen(file: string, log: (msg: string) => void = (m) => console.error(`[recordings] ${m}`)): Db {
  mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
    db.pragma("journal_mode = WAL");
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "SQLITE_NOTADB" && code !== "SQLITE_CORRUPT") throw new RecordingDbError(`Cannot open the recordings database ${file}: ${(err as Error).message}`);
    // Keep the unreadable file for whoever wants to rescue it; start a fresh one beside it.
    const aside = `${file}.bad-${Date.now()}`;
    renameSync(file, aside);
    for (const suffix of ["-wal", "-shm"]) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    log(`${file} is not a readable SQLite database (${code}); moved it to ${aside} and started an empty one.`);
    db = new Database(file);
    db.pragma("journal_mode = WAL");
  }
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("secure_delete = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db, file);
  return db;
}

function migrate(db: Db, file: string) {
  const at = db.pragma("user_version", { simple: true }) as number;
  if (at > MIGRATIONS.length) {
    db.close();
    throw new RecordingDbError(`${file} has schema version ${at}, newer than this Wristlab knows (${MIGRATIONS.length}). Update Wristlab or point DATA_DIR elsewhere.`);
  }
  for (let v = at; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
