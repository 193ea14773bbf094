import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { MANIFEST_FILE } from "../models/manifest";
import { modelFilesShardPaths, REPORT_FILE } from "../models/model-files";
import { MODEL_JSON_FILE, modelJsonParse } from "../models/weights-check";

/**
 * The files that make up one model version, read into memory in one go so that what
 * is validated, hashed and snapshotted is the same bytes, even while a new checkpoint
 * is being copied over the folder.
 */

export interface SnapshotFile {
  /** Relative to the model folder, `/`-separated. */
  path: string;
  bytes: Buffer;
}

export interface SnapshotRead {
  /** manifest.json, model.json, the shards model.json lists, then report.json if there is one: those that could be read. */
  files: SnapshotFile[];
  /** Files that exist but could not be read (permissions...), as lines for the UI. */
  readErrors: string[];
  /** sha256 over the files' paths and bytes, hex. */
  hash: string;
}

/** Shard paths from model.json; none when it does not parse (validation reports why). */
function shardPaths(modelJsonBytes: Buffer | undefined): string[] {
  if (!modelJsonBytes) return [];
  let json: unknown;
  try {
    json = JSON.parse(modelJsonBytes.toString("utf8"));
  } catch {
    return [];
  }
  // The schema also refuses shard paths that leave the folder, so nothing outside it is read.
  const parsed = modelJsonParse(json);
  return parsed.ok ? modelFilesShardPaths(parsed.modelJson) : [];
}

async function fileRead(dir: string, path: string): Promise<{ bytes: Buffer } | { missing: true } | { error: string }> {
  try {
    return { bytes: await readFile(join(dir, path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A directory where a file should be reads as missing: validation names it.
    if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return { missing: true };
    return { error: `${path} cannot be read: ${(e as Error).message}` };
  }
}

/** Path and length before the bytes, so that moving bytes between files changes the hash. */
export function snapshotHash(files: readonly SnapshotFile[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(`${f.path}\0${f.bytes.length}\0`).update(f.bytes);
  return h.digest("hex");
}

export async function snapshotRead(dir: string): Promise<SnapshotRead> {
  const files: SnapshotFile[] = [];
  const readErrors: string[] = [];
  const take = async (path: string) => {
    const r = await fileRead(dir, path);
    if ("bytes" in r) files.push({ path, bytes: r.bytes });
    else if ("error" in r) readErrors.push(r.error);
    return "bytes" in r ? r.bytes : undefined;
  };
  await take(MANIFEST_FILE);
  const modelJson = await take(MODEL_JSON_FILE);
  for (const path of new Set(shardPaths(modelJson))) await take(path);
  await take(REPORT_FILE);
  return { files, readErrors, hash: snapshotHash(files) };
}

export async function snapshotWrite(dir: string, files: readonly SnapshotFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    const target = join(dir, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.bytes);
  }
}
