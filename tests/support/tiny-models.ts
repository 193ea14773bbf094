import { readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { checkpointFiles } from "@/lib/models/checkpoint-files";
import { modelFilesWrite } from "@/lib/models/checkpoint-write";
import type { ChannelName } from "@/lib/models/channels";
import type { DecisionSettings, DetectorLabel } from "@/lib/models/detector";
import type { Interaction, ModelManifest } from "@/lib/models/manifest";
import { SINGLE_SHARD_FILE, type ModelFiles } from "@/lib/models/model-files";
import { MODEL_JSON_FILE, type ModelJson } from "@/lib/models/weights-check";

/**
 * Tiny TF.js checkpoints built inside tests, with weights written out explicitly so
 * every run is identical and a test can say what the model will answer.
 *
 * The model is one dense softmax layer over the flattened window: logits are 0 for
 * every label but the target, whose logit is set by `behaviour`:
 * - `constant`: the target's probability is `prob` whatever the input;
 * - `channel-mean`: the target's logit is `gain * mean(channel over the window) + bias`,
 *   on the normalised input, so with two labels its probability is the logistic of
 *   that (a still phone and a moving one give visibly different scores).
 */

export type TinyBehaviour =
  | { kind: "constant"; prob: number; label?: string }
  | { kind: "channel-mean"; channel: ChannelName; gain: number; bias: number; label?: string };

export interface TinyModelOptions {
  id?: string;
  name?: string;
  interaction?: Interaction;
  format?: "layers" | "graph";
  rateHz?: number;
  windowSamples?: number;
  hopSamples?: number;
  channels?: readonly ChannelName[];
  layout?: "tc" | "flat";
  normalisation?: ModelManifest["input"]["normalisation"];
  /** Default: background, then one event label "event". */
  labels?: readonly DetectorLabel[];
  decision?: Partial<DecisionSettings>;
  /** Default: constant, the first event label at 0.9. */
  behaviour?: TinyBehaviour;
}

export const TINY_CHANNELS: readonly ChannelName[] = ["accelGX", "accelGY", "accelGZ", "gyroX", "gyroY", "gyroZ"];

type Resolved = Required<Omit<TinyModelOptions, "normalisation" | "decision">> & {
  normalisation: ModelManifest["input"]["normalisation"];
  decision: DecisionSettings;
};

function resolve(opts: TinyModelOptions): Resolved {
  const channels = opts.channels ?? TINY_CHANNELS;
  const labels = opts.labels ?? [
    { name: "background", role: "background" },
    { name: "event", role: "event" },
  ];
  return {
    id: opts.id ?? "tiny",
    name: opts.name ?? "Tiny test model",
    interaction: opts.interaction ?? "custom:tiny",
    format: opts.format ?? "layers",
    rateHz: opts.rateHz ?? 50,
    windowSamples: opts.windowSamples ?? 30,
    hopSamples: opts.hopSamples ?? 10,
    channels,
    layout: opts.layout ?? "flat",
    normalisation: opts.normalisation ?? { kind: "scale", scale: channels.map(() => 1) },
    labels,
    decision: { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 500, ...opts.decision },
    behaviour: opts.behaviour ?? { kind: "constant", prob: 0.9 },
  };
}

export function tinyManifest(opts: TinyModelOptions = {}): ModelManifest {
  const r = resolve(opts);
  return {
    manifestVersion: 1,
    id: r.id,
    name: r.name,
    interaction: r.interaction,
    format: r.format,
    input: {
      rateHz: r.rateHz,
      windowSamples: r.windowSamples,
      hopSamples: r.hopSamples,
      channels: [...r.channels],
      layout: r.layout,
      normalisation: r.normalisation,
    },
    output: { labels: r.labels.map((l) => ({ ...l })) },
    decision: r.decision,
    provenance: { trainedOn: "nothing: built with explicit weights by a test", trainedAt: "2025-06-01", metrics: {} },
  };
}

/** Dense weights: kernel [windowSamples * channels, labels] (row t*C + c), bias [labels]. */
export function tinyDenseWeights(opts: TinyModelOptions = {}): { kernel: Float32Array; bias: Float32Array } {
  const r = resolve(opts);
  const t = r.windowSamples;
  const c = r.channels.length;
  const n = r.labels.length;
  const b = r.behaviour;
  const target = b.label === undefined ? r.labels.findIndex((l) => l.role === "event") : r.labels.findIndex((l) => l.name === b.label);
  if (target < 0) throw new Error(`tiny model: no label ${b.label ?? "with role event"}`);
  const kernel = new Float32Array(t * c * n);
  const bias = new Float32Array(n);
  if (b.kind === "constant") {
    if (!(b.prob > 0 && b.prob < 1)) throw new Error("tiny model: prob must be strictly between 0 and 1");
    // softmax gives the target e^z / (e^z + n - 1) when every other logit is 0.
    bias[target] = Math.log((b.prob * (n - 1)) / (1 - b.prob));
  } else {
    const ci = r.channels.indexOf(b.channel);
    if (ci < 0) throw new Error(`tiny model: channel ${b.channel} is not an input`);
    for (let row = 0; row < t; row++) kernel[(row * c + ci) * n + target] = b.gain / t;
    bias[target] = b.bias;
  }
  return { kernel, bias };
}

/** The tiny model as a live tf.sequential (tidy-free: the caller disposes it). */
export function tinyLayersModel(opts: TinyModelOptions = {}): tf.LayersModel {
  const r = resolve(opts);
  const t = r.windowSamples;
  const c = r.channels.length;
  const n = r.labels.length;
  const dense = tf.layers.dense({ units: n, activation: "softmax", name: "probs" });
  const model = tf.sequential({
    name: "tiny",
    layers: r.layout === "tc" ? [tf.layers.flatten({ inputShape: [t, c], name: "flatten" }), dense] : [tf.layers.inputLayer({ inputShape: [t * c], name: "window" }), dense],
  });
  const { kernel, bias } = tinyDenseWeights(opts);
  tf.tidy(() => model.setWeights([tf.tensor2d(kernel, [t * c, n]), tf.tensor1d(bias)]));
  return model;
}

export interface CnnModelOptions {
  windowSamples?: number;
  channels?: number;
  labels?: number;
  /** Seeds the Glorot initialisers, so the weights (and so the scores) are the same every run. */
  seed?: number;
}

/**
 * A 1D CNN of the size the project's trained models have (input [100, 6]: 3,154
 * parameters): conv 16×5 -> max-pool 2 -> conv 32×5 -> global average -> dense
 * softmax. Untrained: for timing, leaks and round trips, not for its answers.
 */
export function tinyCnnModel(opts: CnnModelOptions = {}): tf.LayersModel {
  const { windowSamples = 100, channels = 6, labels = 2, seed = 1 } = opts;
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed * 10 + k });
  return tf.sequential({
    name: "cnn",
    layers: [
      tf.layers.conv1d({ inputShape: [windowSamples, channels], filters: 16, kernelSize: 5, activation: "relu", kernelInitializer: init(1), name: "conv1" }),
      tf.layers.maxPooling1d({ poolSize: 2, name: "pool1" }),
      tf.layers.conv1d({ filters: 32, kernelSize: 5, activation: "relu", kernelInitializer: init(2), name: "conv2" }),
      tf.layers.globalAveragePooling1d({ name: "mean_over_time" }),
      tf.layers.dense({ units: labels, activation: "softmax", kernelInitializer: init(3), name: "probs" }),
    ],
  });
}

const dims = (shape: readonly number[]) => ({ dim: shape.map((d) => ({ size: String(d) })) });
const constNode = (name: string, dtype: "DT_FLOAT" | "DT_INT32", shape: readonly number[]) => ({
  name,
  op: "Const",
  attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: dims(shape) } } },
});
const float = { type: "DT_FLOAT" };

/**
 * A graph-model `model.json` written by hand, in the GraphDef JSON that
 * tensorflowjs_converter emits for a SavedModel: Placeholder -> Reshape -> MatMul ->
 * BiasAdd -> Softmax, with the constants as weights in one shard.
 */
export function tinyGraphModelFiles(opts: TinyModelOptions = {}): ModelFiles {
  const r = resolve(opts);
  const t = r.windowSamples;
  const c = r.channels.length;
  const n = r.labels.length;
  const input = r.layout === "tc" ? [-1, t, c] : [-1, t * c];
  const node = [
    { name: "window", op: "Placeholder", attr: { dtype: float, shape: { shape: dims(input) } } },
    constNode("flatten/shape", "DT_INT32", [2]),
    { name: "flatten", op: "Reshape", input: ["window", "flatten/shape"], attr: { T: float, Tshape: { type: "DT_INT32" } } },
    constNode("dense/kernel", "DT_FLOAT", [t * c, n]),
    { name: "dense/matmul", op: "MatMul", input: ["flatten", "dense/kernel"], attr: { T: float, transpose_a: { b: false }, transpose_b: { b: false } } },
    constNode("dense/bias", "DT_FLOAT", [n]),
    { name: "dense/logits", op: "BiasAdd", input: ["dense/matmul", "dense/bias"], attr: { T: float, data_format: { s: btoa("NHWC") } } },
    { name: "probs", op: "Softmax", input: ["dense/logits"], attr: { T: float } },
  ];
  const { kernel, bias } = tinyDenseWeights(opts);
  const shard = new Uint8Array(8 + kernel.byteLength + bias.byteLength);
  shard.set(new Uint8Array(new Int32Array([-1, t * c]).buffer), 0);
  shard.set(new Uint8Array(kernel.buffer), 8);
  shard.set(new Uint8Array(bias.buffer), 8 + kernel.byteLength);
  const modelJson: ModelJson = {
    format: "graph-model",
    generatedBy: "tests/support/tiny-models.ts",
    convertedBy: null,
    modelTopology: { node, library: {}, versions: { producer: 1 } },
    weightsManifest: [
      {
        paths: [SINGLE_SHARD_FILE],
        weights: [
          { name: "flatten/shape", shape: [2], dtype: "int32" },
          { name: "dense/kernel", shape: [t * c, n], dtype: "float32" },
          { name: "dense/bias", shape: [n], dtype: "float32" },
        ],
      },
    ],
  };
  return { manifest: tinyManifest({ ...opts, format: "graph" }), modelJson, weights: new Map([[SINGLE_SHARD_FILE, shard.buffer]]) };
}

/** The hand-written graph model loaded through TF.js, as the runtime would. */
export async function tinyGraphModel(opts: TinyModelOptions = {}): Promise<tf.GraphModel> {
  const { modelJson, weights } = tinyGraphModelFiles(opts);
  return tf.loadGraphModel(
    tf.io.fromMemory({
      format: "graph-model",
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
      weightData: weights.get(SINGLE_SHARD_FILE)!,
    }),
  );
}

/** A complete checkpoint in memory, in the format `opts.format` asks for. */
export async function tinyModelFiles(opts: TinyModelOptions = {}): Promise<ModelFiles> {
  if (resolve(opts).format === "graph") return tinyGraphModelFiles(opts);
  const model = tinyLayersModel(opts);
  try {
    return await checkpointFiles(model, tinyManifest(opts));
  } finally {
    model.dispose();
  }
}

/**
 * Writes a valid model folder at `dir` (manifest.json, model.json, one shard). The
 * id defaults to the folder's name, which the registry requires; shards are written
 * first and manifest.json last, each file by rename.
 */
export async function tinyModelFolderWrite(dir: string, opts: TinyModelOptions = {}): Promise<ModelFiles> {
  const files = await tinyModelFiles({ ...opts, id: opts.id ?? basename(dir) });
  await modelFilesWrite(dir, files);
  return files;
}

/** Replaces model.json with text that is not JSON. */
export async function corruptModelJson(dir: string): Promise<void> {
  await writeFile(join(dir, MODEL_JSON_FILE), '{"format": "layers-model", "modelTopology": {');
}

/** Cuts every weight shard of the folder to half its length (at least one byte short). */
export async function truncateWeights(dir: string): Promise<void> {
  const shards = (await readdir(dir)).filter((f) => f.endsWith(".bin"));
  if (shards.length === 0) throw new Error(`no .bin shard in ${dir}`);
  for (const f of shards) {
    const bytes = await readFile(join(dir, f));
    await writeFile(join(dir, f), bytes.subarray(0, Math.min(bytes.length - 1, Math.floor(bytes.length / 2))));
  }
}
