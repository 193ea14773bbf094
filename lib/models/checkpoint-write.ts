import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { checkpointFiles } from "./checkpoint-files";
import { MANIFEST_FILE, type ModelManifest } from "./manifest";
import type { ModelFiles } from "./model-files";
import { MODEL_JSON_FILE } from "./weights-check";

/**
 * Saving a checkpoint in Node without `@tensorflow/tfjs-node` (which cannot be
 * installed here, so `model.save("file://...")` has no handler): the model hands its
 * artifacts to a custom save handler and we write the folder ourselves, in the
 * layout `tf.loadLayersModel` and the model registry expect.
 */

/** Writes via a temporary name then renames, so a folder watcher never reads half a file. */
async function fileWrite(path: string, data: string | Uint8Array): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, data);
  await rename(partial, path);
}

/**
 * Writes `files` into `dir` (created if needed). Shards first, then model.json, then
 * manifest.json: a watcher that reacts to the manifest finds everything it names.
 */
export async function modelFilesWrite(dir: string, files: ModelFiles): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [path, bytes] of files.weights) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await fileWrite(join(dir, path), new Uint8Array(bytes));
  }
  await fileWrite(join(dir, MODEL_JSON_FILE), JSON.stringify(files.modelJson));
  await fileWrite(join(dir, MANIFEST_FILE), `${JSON.stringify(files.manifest, null, 2)}\n`);
}

/** `checkpointFiles` then `modelFilesWrite`. */
export async function checkpointWrite(dir: string, model: tf.LayersModel, manifest: ModelManifest): Promise<ModelFiles> {
  const files = await checkpointFiles(model, manifest);
  await modelFilesWrite(dir, files);
  return files;
}
