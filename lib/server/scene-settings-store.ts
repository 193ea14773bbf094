import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { issuesToMessage } from "../protocol/schemas";
import { SCENE_ID_PATTERN, sceneIdSchema, sceneSettingsSchema, type SceneSettings, type StoredSceneSettings } from "../protocol/scene-settings";

/**
 * Each scene's tuned settings, one `<dir>/<sceneId>.json` per scene holding
 * `{ sceneId, settings, updatedAtMs }`, so a reload or another desktop on the same
 * server finds them. No file means the scene's defaults.
 *
 * A file that does not parse is renamed aside to `<id>.json.bad-<ms>` and read as
 * defaults. Renaming rather than leaving it: the next save would overwrite it, and it
 * may be the only copy of someone's tuning (say, written by a newer build with a field
 * this one does not know), so it is kept where a person can look at it; the log line
 * names both files. It also keeps a restart from reporting the same file again.
 */

export interface SceneSettingsStore {
  /** The stored value, or `{ settings: null, updatedAtMs: null }` when there is none. */
  get(sceneId: string): Promise<StoredSceneSettings>;
  /** Replaces the scene's settings; resolves once they are on disk. */
  save(sceneId: string, settings: SceneSettings): Promise<StoredSceneSettings>;
  /** Back to defaults: removes the file. */
  reset(sceneId: string): Promise<StoredSceneSettings>;
  /** Called after every save and reset, in the order they reach the disk. */
  onChange(listener: (stored: StoredSceneSettings) => void): () => void;
  /** Waits for writes in flight; later calls still work, but nobody is told of them. */
  close(): Promise<void>;
}

export interface SceneSettingsStoreOptions {
  /** The folder of scene files, `<dataDir>/scenes`; created on the first save. */
  dir: string;
  nowMs?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

const storedFileSchema = z.strictObject({
  sceneId: sceneIdSchema,
  settings: sceneSettingsSchema,
  updatedAtMs: z.number().int().nonnegative(),
});

const defaults = (sceneId: string): StoredSceneSettings => ({ sceneId, settings: null, updatedAtMs: null });

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code;

/** Why a file's text is not a stored value of `sceneId`, or the value. */
function storedParse(text: string, sceneId: string): StoredSceneSettings | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
  const parsed = storedFileSchema.safeParse(json);
  if (!parsed.success) return `not scene settings (${issuesToMessage(parsed.error)})`;
  if (parsed.data.sceneId !== sceneId) return `holds the settings of scene "${parsed.data.sceneId}"`;
  return parsed.data;
}

/**
 * Temp file in the same folder, flushed, then renamed over the target: a server killed
 * at any point leaves the old file or the new one, never half of one (rename is atomic
 * within a filesystem; the flush keeps a power cut from renaming an empty file in).
 */
async function fileWriteAtomic(path: string, text: string): Promise<void> {
  // Writes to one scene are queued, so one temp name per scene cannot collide; a server
  // killed mid-write leaves it behind until that scene's next save overwrites it.
  const tmp = `${path}.tmp`;
  try {
    const handle = await open(tmp, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
}

export function createSceneSettingsStore(opts: SceneSettingsStoreOptions): SceneSettingsStore {
  const { dir } = opts;
  const nowMs = opts.nowMs ?? Date.now;
  const log = opts.log ?? ((msg, err) => console.error(`[scenes] ${msg}`, err ?? ""));
  /** Stored values read or written; a scene with no file is not kept, so unknown ids cost nothing. */
  const cache = new Map<string, StoredSceneSettings>();
  /** The last queued operation per scene: reads and writes of one scene run in call order. */
  const tails = new Map<string, Promise<unknown>>();
  const listeners = new Set<(stored: StoredSceneSettings) => void>();

  const filePath = (sceneId: string) => {
    // The id becomes a file name: anything but the protocol's pattern could leave the folder.
    if (!SCENE_ID_PATTERN.test(sceneId)) throw new Error(`invalid scene id ${JSON.stringify(sceneId)}`);
    return join(dir, `${sceneId}.json`);
  };

  const queued = <T>(sceneId: string, work: () => Promise<T>): Promise<T> => {
    const run = (tails.get(sceneId) ?? Promise.resolve()).then(work);
    // A failed write must not stop the next one: the tail never rejects.
    const tail = run.catch(() => {});
    tails.set(sceneId, tail);
    void tail.then(() => {
      if (tails.get(sceneId) === tail) tails.delete(sceneId);
    });
    return run;
  };

  const announce = (stored: StoredSceneSettings) => {
    for (const listener of listeners) {
      try {
        listener(stored);
      } catch (err) {
        log("a scenes:settings listener failed", err);
      }
    }
  };

  const load = async (sceneId: string): Promise<StoredSceneSettings> => {
    const cached = cache.get(sceneId);
    if (cached) return cached;
    const path = filePath(sceneId);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (err) {
      if (errorCode(err) === "ENOENT") return defaults(sceneId);
      throw err;
    }
    const stored = storedParse(text, sceneId);
    if (typeof stored !== "string") {
      cache.set(sceneId, stored);
      return stored;
    }
    const aside = `${path}.bad-${nowMs()}`;
    const moved = await rename(path, aside).then(
      () => true,
      () => false,
    );
    log(`${path} is ${stored}; using the defaults of scene "${sceneId}"${moved ? `, file kept as ${aside}` : ""}`);
    // Only if the rename failed does this matter: it keeps the same file from being reported on every read.
    if (!moved) cache.set(sceneId, defaults(sceneId));
    return defaults(sceneId);
  };

  return {
    get: (sceneId) => queued(sceneId, () => load(sceneId)),

    save: (sceneId, settings) =>
      queued(sceneId, async () => {
        const path = filePath(sceneId);
        const stored: StoredSceneSettings = { sceneId, settings, updatedAtMs: Math.round(nowMs()) };
        await mkdir(dir, { recursive: true });
        await fileWriteAtomic(path, `${JSON.stringify(stored, null, 2)}\n`);
        cache.set(sceneId, stored);
        announce(stored);
        return stored;
      }),

    reset: (sceneId) =>
      queued(sceneId, async () => {
        await rm(filePath(sceneId), { force: true });
        cache.delete(sceneId);
        const stored = defaults(sceneId);
        announce(stored);
        return stored;
      }),

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      listeners.clear();
      await Promise.allSettled([...tails.values()]);
    },
  };
}
