import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { modelFolderValidate } from "../models/model-folder";
import type { ModelSource, ModelStatus } from "../protocol/events";
import { modelFoldersWatch, type ModelFolderWatch } from "./model-folder-watch";
import { snapshotRead, snapshotWrite } from "./model-snapshot";
import { ModelVersionStore, type StoredVersion } from "./model-version-store";

/**
 * The models the desktop can run: every folder of the built-in root and the user
 * root, with every version each has ever had. A changed folder that validates becomes
 * a new immutable version; one that does not is reported with its errors and leaves
 * the versions, including `latest`, untouched.
 */

export interface ModelRegistryOptions {
  /** Built-in models, shipped with the app: `<cwd>/public/models` by default. */
  builtinDir: string;
  /** Holds the user's models (`models/`), the snapshots (`model-versions/`) and upload scratch space. */
  dataDir: string;
  /** Quiet time before a changed folder is scanned. */
  debounceMs?: number;
  /** Safety net for changes fs.watch misses; 0 turns it off. */
  pollIntervalMs?: number;
  nowMs?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

export interface ModelEntry {
  id: string;
  source: ModelSource;
  status: ModelStatus;
  errors: string[];
  latest: number | null;
  versions: readonly StoredVersion[];
}

export interface ModelRegistry {
  readonly builtinDir: string;
  readonly userDir: string;
  /** Scratch space on the user root's filesystem, so a finished upload can be renamed into place. */
  readonly uploadsDir: string;
  revision(): number;
  /** Every model, by id; a user folder whose id a built-in model already has comes right after it, as an error. */
  list(): ModelEntry[];
  /** The entry that owns the id's versions. */
  get(id: string): ModelEntry | undefined;
  /** Absolute path of a snapshot file, or null unless the version lists exactly that file. */
  filePath(id: string, version: number, file: string): string | null;
  /** Scans now (one id, or everything) and resolves once the result is in the list. */
  scan(id?: string): Promise<void>;
  /** Called after every change to the list, with the new revision. */
  onChange(listener: (revision: number) => void): () => void;
  close(): Promise<void>;
}

interface FolderState {
  source: ModelSource;
  status: ModelStatus;
  errors: string[];
}

/** Where the built-in root is shown in messages, whatever path it has on disk. */
export const BUILTIN_LABEL = "public/models";

const isHidden = (name: string) => name.startsWith(".");

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function folderNames(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !isHidden(e.name)).map((e) => e.name);
}

export async function modelRegistryStart(opts: ModelRegistryOptions): Promise<ModelRegistry> {
  const nowMs = opts.nowMs ?? Date.now;
  const log = opts.log ?? ((msg, err) => console.error(`[models] ${msg}`, err ?? ""));
  const builtinDir = opts.builtinDir;
  const userDir = join(opts.dataDir, "models");
  const uploadsDir = join(opts.dataDir, "model-uploads");
  await mkdir(userDir, { recursive: true });
  // Scratch folders of uploads cut short by a restart.
  await rm(uploadsDir, { recursive: true, force: true });
  // A read-only app folder without public/models simply has no built-in models.
  await mkdir(builtinDir, { recursive: true }).catch(() => {});
  const store = await ModelVersionStore.open(join(opts.dataDir, "model-versions"), log);

  const folders = new Map<string, FolderState>();
  /** Ids whose user folder is shadowed by a built-in model of the same id. */
  const clashes = new Set<string>();
  const listeners = new Set<(revision: number) => void>();
  let revision = 0;
  let closed = false;

  const entry = (id: string): ModelEntry | undefined => {
    const versions = store.versions(id);
    const folder = folders.get(id);
    if (!folder && versions.length === 0) return undefined;
    const state = folder ?? { source: store.source(id) ?? "user", status: "removed" as const, errors: [] };
    return { id, ...state, latest: versions.at(-1)?.version ?? null, versions };
  };

  const clashEntry = (id: string): ModelEntry => ({
    id,
    source: "user",
    status: "error",
    errors: [`id already used by ${BUILTIN_LABEL}/${id}: rename the folder and the id in its manifest.json`],
    latest: null,
    versions: [],
  });

  const list = (): ModelEntry[] => {
    const ids = [...new Set([...folders.keys(), ...store.ids()])].sort();
    return ids.flatMap((id) => {
      const e = entry(id);
      return [...(e ? [e] : []), ...(clashes.has(id) ? [clashEntry(id)] : [])];
    });
  };

  /** Reads, validates and, when new and valid, snapshots the folder that owns the id. */
  const folderScan = async (dir: string, id: string, source: ModelSource): Promise<FolderState> => {
    const read = await snapshotRead(dir);
    if (read.readErrors.length === 0 && store.newest(id)?.hash === read.hash) return { source, status: "ok", errors: [] };
    // Validating the copy rather than the folder: the bytes checked are the bytes kept.
    const staged = await store.stage(id);
    try {
      await snapshotWrite(staged, read.files);
      const valid = await modelFolderValidate(staged);
      if (!valid.ok || read.readErrors.length > 0) {
        await store.unstage(staged);
        return { source, status: "error", errors: [...read.readErrors, ...(valid.ok ? [] : valid.errors)] };
      }
      const files = read.files.map((f) => f.path);
      await store.commit(id, source, staged, { hash: read.hash, files, manifest: valid.manifest, addedAtMs: nowMs() });
      return { source, status: "ok", errors: [] };
    } catch (err) {
      await store.unstage(staged).catch(() => {});
      throw err;
    }
  };

  const scanOnce = async (id: string) => {
    if (closed || isHidden(id) || /[\\/]/.test(id)) return;
    const before = JSON.stringify([entry(id), clashes.has(id)]);
    const [inBuiltin, inUser] = await Promise.all([isDir(join(builtinDir, id)), isDir(join(userDir, id))]);
    if (inBuiltin && inUser) clashes.add(id);
    else clashes.delete(id);
    const source: ModelSource | null = inBuiltin ? "builtin" : inUser ? "user" : null;
    if (!source) folders.delete(id);
    else {
      try {
        folders.set(id, await folderScan(join(source === "builtin" ? builtinDir : userDir, id), id, source));
      } catch (err) {
        log(`scanning ${id} failed`, err);
        folders.set(id, { source, status: "error", errors: [`the server could not read this model: ${(err as Error).message}`] });
      }
    }
    if (JSON.stringify([entry(id), clashes.has(id)]) === before) return;
    revision++;
    for (const listener of listeners) {
      try {
        listener(revision);
      } catch (err) {
        log("a models:changed listener failed", err);
      }
    }
  };

  // One scan per id at a time; requests arriving while one waits to start share it,
  // since it will read the folder as it is by then.
  const queue = new Map<string, { promise: Promise<void>; started: boolean }>();
  const scanId = (id: string): Promise<void> => {
    const tail = queue.get(id);
    if (tail && !tail.started) return tail.promise;
    const job = { promise: Promise.resolve(), started: false };
    job.promise = (tail?.promise ?? Promise.resolve())
      .then(() => {
        job.started = true;
        return scanOnce(id);
      })
      .finally(() => {
        if (queue.get(id) === job) queue.delete(id);
      });
    queue.set(id, job);
    return job.promise;
  };

  const scanAll = async () => {
    const [builtin, user] = await Promise.all([folderNames(builtinDir), folderNames(userDir)]);
    const ids = new Set([...builtin, ...user, ...folders.keys(), ...store.ids(), ...clashes]);
    await Promise.all([...ids].map(scanId));
  };

  const watcher: ModelFolderWatch = modelFoldersWatch({
    roots: [builtinDir, userDir],
    onChange: (id) => void scanId(id),
    debounceMs: opts.debounceMs ?? 250,
    pollIntervalMs: opts.pollIntervalMs ?? 3000,
    log,
  });
  await scanAll();

  return {
    builtinDir,
    userDir,
    uploadsDir,
    revision: () => revision,
    list,
    get: entry,
    filePath: (id, version, file) => store.filePath(id, version, file),
    scan: (id) => (id === undefined ? scanAll() : scanId(id)),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      watcher.close();
      listeners.clear();
      await Promise.allSettled([...queue.values()].map((j) => j.promise));
    },
  };
}
