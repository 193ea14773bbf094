import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * Notices changes to the model folders `<root>/<name>/` of several roots and reports
 * each burst of them once per name, after the folder has been quiet for `debounceMs`
 * (a checkpoint is copied one file at a time).
 *
 * One non-recursive fs.watch per root and per model folder rather than one recursive
 * watch: Node 20 emulates `recursive` on Linux in JavaScript, and a folder replaced by
 * a rename (an upload, `mv`) must get a fresh watcher anyway. A slow poll of names,
 * sizes and mtimes backs the watchers up where inotify says nothing (network and WSL
 * mounts, shards in subfolders, a root created after start).
 */

export interface ModelFolderWatchOptions {
  roots: readonly string[];
  onChange: (name: string) => void;
  debounceMs: number;
  /** 0 turns the poll off. */
  pollIntervalMs: number;
  log: (msg: string, err?: unknown) => void;
}

export interface ModelFolderWatch {
  close(): void;
}

const isDir = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
const isHidden = (name: string) => name.startsWith(".");

function dirNamesSync(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && !isHidden(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}

async function dirNames(root: string): Promise<string[]> {
  try {
    return (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory() && !isHidden(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}

/** Cheap fingerprint of a model folder's top level: changes when a file is added, removed, resized or rewritten. */
async function folderSignature(dir: string): Promise<string> {
  try {
    const names = (await readdir(dir)).sort();
    const parts = await Promise.all(
      names.map(async (n) => {
        const s = await stat(join(dir, n)).catch(() => null);
        return s ? `${n}:${s.size}:${s.mtimeMs}` : n;
      }),
    );
    return parts.join("|");
  } catch {
    return "";
  }
}

export function modelFoldersWatch(opts: ModelFolderWatchOptions): ModelFolderWatch {
  const rootWatchers = new Map<string, FSWatcher | null>();
  const folderWatchers = new Map<string, FSWatcher>();
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  // Not persistent: a watcher must never be what keeps the process (or a test fork) alive.
  const watchSafe = (path: string, onEvent: (filename: string | null) => void): FSWatcher | null => {
    try {
      const w = watch(path, { persistent: false }, (_event, filename) => onEvent(filename));
      w.on("error", (err) => {
        opts.log(`watching ${path} failed; the poll takes over`, err);
        w.close();
        if (rootWatchers.get(path) === w) rootWatchers.set(path, null);
      });
      return w;
    } catch {
      return null;
    }
  };

  const touch = (name: string) => {
    if (closed || isHidden(name)) return;
    clearTimeout(timers.get(name));
    const timer = setTimeout(() => {
      timers.delete(name);
      if (closed) return;
      folderRewatch(name);
      opts.onChange(name);
    }, opts.debounceMs);
    timer.unref();
    timers.set(name, timer);
  };

  /** A folder may have been created, deleted or swapped for another: watch whatever is there now. */
  const folderRewatch = (name: string) => {
    for (const root of opts.roots) {
      const key = join(root, name);
      folderWatchers.get(key)?.close();
      folderWatchers.delete(key);
      const w = isDir(key) ? watchSafe(key, () => touch(name)) : null;
      if (w) folderWatchers.set(key, w);
    }
  };

  const rootWatch = (root: string) => {
    rootWatchers.set(
      root,
      watchSafe(root, (filename) => {
        if (filename) touch(filename.split(/[\\/]/)[0]!);
        else void dirNames(root).then((names) => names.forEach(touch));
      }),
    );
  };

  /** Fingerprint per folder path, with the folder's name; empty until the first poll has run. */
  const signatures = new Map<string, { name: string; sig: string }>();
  let primed = false;
  let polling = false;
  const poll = async () => {
    if (polling || closed) return;
    polling = true;
    try {
      for (const root of opts.roots) if (!rootWatchers.get(root)) rootWatch(root);
      const seen = new Set<string>();
      for (const root of opts.roots) {
        for (const name of await dirNames(root)) {
          const key = join(root, name);
          seen.add(key);
          const sig = await folderSignature(key);
          if (primed && signatures.get(key)?.sig !== sig) touch(name);
          signatures.set(key, { name, sig });
        }
      }
      for (const [key, { name }] of signatures) {
        if (seen.has(key)) continue;
        signatures.delete(key);
        touch(name);
      }
      primed = true;
    } finally {
      polling = false;
    }
  };

  for (const root of opts.roots) rootWatch(root);
  for (const name of new Set(opts.roots.flatMap(dirNamesSync))) folderRewatch(name);
  const poller = opts.pollIntervalMs > 0 ? setInterval(() => void poll(), opts.pollIntervalMs) : null;
  poller?.unref();
  // The first poll only records fingerprints; the caller scans everything at start.
  if (poller) void poll();

  return {
    close() {
      closed = true;
      if (poller) clearInterval(poller);
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      for (const w of [...rootWatchers.values(), ...folderWatchers.values()]) w?.close();
      rootWatchers.clear();
      folderWatchers.clear();
    },
  };
}
