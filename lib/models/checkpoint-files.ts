import * as tf from "@tensorflow/tfjs";
import { MANIFEST_FILE, type ModelManifest } from "./manifest";
import { modelFilesFromArtifacts, type ModelFiles } from "./model-files";

/**
 * A trained model as a checkpoint folder's files, in memory: no file system, so the
 * browser (teach a gesture) and Node (checkpoint-write.ts) share it. The model hands
 * its artifacts to a custom save handler, since `model.save("file://...")` needs
 * tfjs-node, which cannot be installed here.
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

