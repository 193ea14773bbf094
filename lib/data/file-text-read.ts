import { readFile, stat } from "node:fs/promises";
import { ImportError } from "./import-error";

/**
 * Reads a data file as text after checking its size, so a wrong path to a video or
 * a database dump fails at once with a message instead of filling the memory.
 */

export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export async function fileTextRead(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<string> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new ImportError(path, "not a file");
    size = s.size;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(path, code === "ENOENT" ? "no such file" : `cannot be read: ${(e as Error).message}`);
  }
  if (size > maxBytes) {
    throw new ImportError(path, `file is ${sizeText(size)}, over the ${sizeText(maxBytes)} limit for one file (raise maxBytes to read it)`);
  }
  if (size === 0) throw new ImportError(path, "empty file");
  return readFile(path, "utf8");
}

function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 10) return `${mb.toFixed(0)} MB`;
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}
