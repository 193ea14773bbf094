import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { modelFolderValidate } from "./model-folder";
import { modelFilesShardPaths, type ModelFiles } from "./model-files";

/**
 * Reads a model folder into memory, Node only (the worker gets the same `ModelFiles`
 * by fetching). Validates first, so a loader never sees a folder the UI would have
 * refused; a file that changes between the check and the read is still caught by
 * the loader's own checks.
 */
export type ModelFilesReadResult = { ok: true; files: ModelFiles } | { ok: false; errors: string[] };

export async function modelFilesRead(dir: string): Promise<ModelFilesReadResult> {
  const checked = await modelFolderValidate(dir);
  if (!checked.ok) return checked;
  const { manifest, modelJson } = checked;
  try {
    const entries = await Promise.all(
      modelFilesShardPaths(modelJson).map(async (path) => {
        const bytes = await readFile(join(dir, path));
        // A small Buffer may share Node's pool; copy out exactly its bytes.
        return [path, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer] as const;
      }),
    );
    return { ok: true, files: { manifest, modelJson, weights: new Map(entries) } };
  } catch (e) {
    return { ok: false, errors: [`a weight shard cannot be read: ${(e as Error).message}`] };
  }
}
