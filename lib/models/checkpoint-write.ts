import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { MANIFEST_FILE, type ModelManifest } from "./manifest";
import { modelFilesFromArtifacts, type ModelFiles } from "./model-files";
import { MODEL_JSON_FILE } from "./weights-check";

/**
 * Saving a checkpoint in Node without `@tensorflow/tfjs-node` (which cannot be
 * installed here, so `model.save("file://...")` has no handler): the model hands its
 * artifacts to a custom save handler and we write the folder ourselves, in the
 * layout `tf.loadLayersModel` and the model registry expect.
 */

/** A trained layers model and its manifest as a folder's files (one weight shard). */
export async function checkpointFiles(model: tf.LayersModel, manifest: ModelManifest): Promise<ModelFiles> {
  if (manifest.format !== "layers") throw new Error(`${MANIFEST_FILE} says format "${manifest.format}", but a LayersModel saves as "layers"`);
  const saved: { artifacts?: tf.io.ModelArtifacts } = {};
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved.artifacts = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (!saved.artifacts) throw new Error("the model saved no artifacts");
  return modelFilesFromArtifacts(manifest, saved.artifacts);
}

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
