import type { DroppedFile } from "@/lib/client/model-upload";

/**
 * Files of a drop, folders included: `DataTransfer.files` lists a dropped folder
 * as one unreadable entry, so folders are walked through the entries API.
 */
export async function droppedFiles(dt: DataTransfer): Promise<DroppedFile[]> {
  const entries = Array.from(dt.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) {
    return Promise.all(Array.from(dt.files, async (f) => ({ path: f.name, bytes: await f.arrayBuffer() })));
  }
  const out: DroppedFile[] = [];
  await Promise.all(entries.map((e) => walk(e, "", out)));
  return out;
}

async function walk(entry: FileSystemEntry, prefix: string, out: DroppedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: prefix + entry.name, bytes: await file.arrayBuffer() });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    await Promise.all(batch.map((e) => walk(e, `${prefix}${entry.name}/`, out)));
  }
}
