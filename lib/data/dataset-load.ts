import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import { DEFAULT_MAX_FILE_BYTES, fileTextRead } from "./file-text-read";
import { formatDetect, recordingsImport, type AnyImportOptions } from "./import-any";
import { ImportError } from "./import-error";
import type { MotionDataset, MotionRecording } from "./motion-recording";

/**
 * `--data <path>`: one file, or a folder searched recursively for `.csv`, `.json`
 * and `.jsonl` files, each read by the importer its content calls for. In a folder,
 * files that are not motion data (an index CSV, a package.json) are skipped with a
 * warning; a file named directly must be readable.
 */

export interface DatasetLoadOptions extends Omit<AnyImportOptions, "idPrefix"> {
  /** Default: the base name of `path` without extension. */
  name?: string;
  /** Default: the `licence:` entry of a SOURCE.txt next to the data. */
  licence?: string;
  /** Per-file size limit; default 200 MB. */
  maxBytes?: number;
  /** Folder loads: keep only files whose path relative to `path` passes. */
  filter?: (relativePath: string) => boolean;
}

const DATA_FILE = /\.(csv|json|jsonl)$/i;

export async function datasetLoad(path: string, opts: DatasetLoadOptions = {}): Promise<MotionDataset> {
  // The playground's own recordings, straight from its database (lib/recordings imports it lazily: it is native).
  if (/\.sqlite(#.+)?$/.test(path)) return (await import("../recordings/recordings-dataset")).recordingsDatasetLoad(path);
  const info = await stat(path).catch(() => null);
  if (!info) throw new ImportError(path, "no such file or folder");
  const folder = info.isDirectory();
  const files = folder ? (await dataFiles(path)).filter((f) => !opts.filter || opts.filter(posix(relative(path, f)))) : [path];
  // Ids keep the folder's own name: `punch-flex/punch.csv#03`, unique across files.
  const idBase = dirname(path);

  const recordings: MotionRecording[] = [];
  for (const file of files) {
    const text = await fileTextRead(file, opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
    const detected = opts.format ? { format: opts.format } : formatDetect(text, file);
    if (folder && detected === null) {
      opts.onWarning?.(`${file}: skipped, not a motion format we read`);
      continue;
    }
    recordings.push(...recordingsImport(text, file, { ...opts, idPrefix: posix(relative(idBase, file)) }, detected));
  }
  if (recordings.length === 0) throw new ImportError(path, folder ? "no motion data (.csv, .json or .jsonl files) in this folder" : "no recordings");

  const licence = opts.licence ?? (await sourceLicence(folder ? path : dirname(path)));
  return {
    name: opts.name ?? basename(path).replace(/\.[^.]+$/, ""),
    recordings,
    ...(licence ? { licence } : {}),
  };
}

async function dataFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await dataFiles(full)));
    else if (e.isFile() && DATA_FILE.test(e.name)) out.push(full);
  }
  return out;
}

function posix(p: string): string {
  return p.split(sep).join("/");
}

/**
 * The `licence:` entry (with its indented continuation lines) and the `cite:`
 * entry of SOURCE.txt, the provenance note this project keeps next to real data.
 */
export async function sourceLicence(dir: string): Promise<string | undefined> {
  const text = await readFile(join(dir, "SOURCE.txt"), "utf8").catch(() => null);
  if (text === null) return undefined;
  const entry = (key: string): string | undefined => {
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex((l) => new RegExp(`^\\s*${key}\\s*:`, "i").test(l));
    if (start < 0) return undefined;
    const parts = [lines[start]!.replace(/^\s*[^:]+:\s*/, "")];
    for (let i = start + 1; i < lines.length && /^\s+\S/.test(lines[i]!) && !/^\s*[\w-]+\s*:\s/.test(lines[i]!); i++) {
      parts.push(lines[i]!.trim());
    }
    return parts.join(" ").trim() || undefined;
  };
  const licence = entry("licen[cs]e");
  const cite = entry("cite");
  return licence && cite ? `${licence}; cite: ${cite}` : licence;
}
