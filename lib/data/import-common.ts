/**
 * Options and naming shared by every importer. Importers take text, not paths, so
 * they also run in the browser (a dropped file) and in workers; only
 * dataset-load.ts touches the file system.
 */

export interface ImportCommonOptions {
  /** Start of every recording id; default the file's base name (`punch.csv` -> `punch.csv#01`). */
  idPrefix?: string;
  /** Told about things that were read but look wrong (dropped rows, odd units). */
  onWarning?: (message: string) => void;
}

export function fileBaseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The base name without its last extension: `data/punch.csv` -> `punch`. */
export function fileStem(file: string): string {
  const base = fileBaseName(file);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** `prefix#03` for the third recording of a file (1-based, as a person counts them). */
export function indexedId(prefix: string, index: number): string {
  return `${prefix}#${String(index + 1).padStart(2, "0")}`;
}
