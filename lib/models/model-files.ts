import type { io } from "@tensorflow/tfjs";
import type { ModelManifest } from "./manifest";
import { MODEL_JSON_FILE, type ModelJson } from "./weights-check";

/**
 * One checkpoint held in memory: what a model folder contains, however it arrived
 * (read from disk on the server, fetched by the worker, dropped onto the page). No
 * Node or DOM imports, so the browser worker can use it.
 */
export interface ModelFiles {
  manifest: ModelManifest;
  modelJson: ModelJson;
  /** Shard path as listed in `modelJson.weightsManifest[].paths` -> its bytes. */
  weights: Map<string, ArrayBuffer>;
}

/** Every shard path in the order TF.js reads them: group by group, path by path. */
export function modelFilesShardPaths(modelJson: ModelJson): string[] {
  return modelJson.weightsManifest.flatMap((group) => group.paths);
}

/** Keys of model.json that TF.js's loaders read besides the topology and the weights. */
const PASSED_THROUGH = ["format", "generatedBy", "convertedBy", "trainingConfig", "signature", "userDefinedMetadata", "modelInitializer", "initializerSignature"] as const;

/**
 * The artifacts `tf.io.fromMemory` takes. Shards stay separate buffers (TF.js joins a
 * `WeightData` array itself), so a large checkpoint is not copied once more here.
 */
export function modelFilesArtifacts(files: ModelFiles): io.ModelArtifacts {
  const { modelJson, weights } = files;
  const weightData = modelFilesShardPaths(modelJson).map((path) => {
    const bytes = weights.get(path);
    if (!bytes) throw new Error(`${path} is missing (listed in ${MODEL_JSON_FILE}'s weightsManifest)`);
    return bytes;
  });
  const artifacts: Record<string, unknown> = {
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
    weightData,
  };
  for (const key of PASSED_THROUGH) if (modelJson[key] !== undefined && modelJson[key] !== null) artifacts[key] = modelJson[key];
  return artifacts as io.ModelArtifacts;
}

/** The file name TF.js itself gives a single shard. */
export const SINGLE_SHARD_FILE = "group1-shard1of1.bin";

/** Saved artifacts (from `model.save(tf.io.withSaveHandler(...))`) as one folder's files, in one shard. */
export function modelFilesFromArtifacts(manifest: ModelManifest, artifacts: io.ModelArtifacts): ModelFiles {
  if (!artifacts.modelTopology || artifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error("the model has no JSON topology to save");
  }
  const parts = artifacts.weightData === undefined ? [] : Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData];
  const shard = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    shard.set(new Uint8Array(p), offset);
    offset += p.byteLength;
  }
  const modelJson: ModelJson = {
    format: artifacts.format ?? (manifest.format === "graph" ? "graph-model" : "layers-model"),
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology as Record<string, unknown>,
    weightsManifest: [{ paths: [SINGLE_SHARD_FILE], weights: (artifacts.weightSpecs ?? []).map((w) => ({ ...w })) }],
  };
  if (artifacts.signature) modelJson.signature = artifacts.signature;
  if (artifacts.userDefinedMetadata) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
  return { manifest, modelJson, weights: new Map([[SINGLE_SHARD_FILE, shard.buffer]]) };
}

/**
 * The model's event-level evaluation, optional, next to model.json: kept with the
 * version it describes so the desktop shows the report of exactly what runs.
 */
export const REPORT_FILE = "report.json";
