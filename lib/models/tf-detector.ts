import * as tf from "@tensorflow/tfjs";
import type { Detector, DetectorSpec } from "./detector";
import { MANIFEST_FILE, type ModelManifest } from "./manifest";
import { modelFilesArtifacts, type ModelFiles } from "./model-files";
import { MODEL_JSON_FILE } from "./weights-check";
import { shapeToText } from "./layers-input-shape";

/**
 * A TF.js checkpoint as a {@link Detector}. Everything it needs comes from the
 * manifest and the files, so any layers or graph model whose input is one window
 * (`[1, T, C]` or `[1, T*C]`) and whose single output is one probability per label
 * (softmax, or per-label sigmoid) runs without code. Outputs are used as they are:
 * a model that ends in logits gives meaningless thresholds.
 *
 * No Node imports: this runs in the browser worker. The backend is whatever
 * `tfBackendInit` made current.
 */

type Model = tf.LayersModel | tf.GraphModel;

export interface TfDetectorOptions {
  /** Shown in the id (`model:<id>@<version>`), so two versions of one model can run side by side. */
  version: number | string;
}

async function modelLoad(files: ModelFiles): Promise<Model> {
  const handler = tf.io.fromMemory(modelFilesArtifacts(files));
  try {
    return files.manifest.format === "graph" ? await tf.loadGraphModel(handler) : await tf.loadLayersModel(handler);
  } catch (e) {
    throw new Error(`${MODEL_JSON_FILE} could not be loaded as a ${files.manifest.format} model: ${(e as Error).message}`);
  }
}

/** The window shape the manifest promises, batch first. */
function expectedShape(m: ModelManifest): number[] {
  const { windowSamples: t, channels, layout } = m.input;
  return layout === "tc" ? [1, t, channels.length] : [1, t * channels.length];
}

function inputShapeOf(model: Model): (number | null)[] | undefined {
  const inputs = model.inputs;
  if (inputs.length !== 1) throw new Error(`${MODEL_JSON_FILE} has ${inputs.length} inputs, but a detector feeds exactly one window`);
  // A graph model's Placeholder writes a free dimension as -1 (and may have no shape at all).
  return inputs[0]!.shape?.map((d) => (d === null || d < 0 ? null : d));
}

function inputCheck(model: Model, m: ModelManifest): void {
  const actual = inputShapeOf(model);
  if (!actual) return;
  const expected = expectedShape(m);
  // The batch dimension may be free or fixed at 1; the rest must match exactly.
  const matches = actual.length === expected.length && actual.every((d, i) => (i === 0 ? d === null || d === 1 : d === expected[i]));
  if (matches) return;
  const { windowSamples: t, channels, layout } = m.input;
  const want = `${t} samples × ${channels.length} channels${layout === "flat" ? " flattened" : ""}`;
  throw new Error(
    `${MODEL_JSON_FILE}'s input shape is ${shapeToText(actual)}, but ${MANIFEST_FILE}'s input (${want}, layout "${layout}") needs ${shapeToText([null, ...expected.slice(1)])}`,
  );
}

function outputCheck(shape: readonly number[], m: ModelManifest): void {
  const labels = m.output.labels.length;
  if (shape.length === 2 && shape[1] === labels) return;
  const got = shape.length === 2 ? `${shape[1]} values per window` : `shape ${shapeToText([...shape])}`;
  throw new Error(`${MODEL_JSON_FILE}'s output has ${got}, but ${MANIFEST_FILE} lists ${labels} labels (output.labels); they must match one to one`);
}

/** Per-channel affine map from the manifest: `x * a[c] + b[c]`. */
function normalisationCoefficients(m: ModelManifest): { a: Float32Array; b: Float32Array } {
  const n = m.input.normalisation;
  const c = m.input.channels.length;
  const a = new Float32Array(c);
  const b = new Float32Array(c);
  for (let i = 0; i < c; i++) {
    if (n.kind === "standardize") {
      a[i] = 1 / n.std[i]!;
      b[i] = -n.mean[i]! / n.std[i]!;
    } else {
      a[i] = n.scale[i]!;
    }
  }
  return { a, b };
}

/** One window through the model; `warmUp` has checked that it has a single output. */
function predictOne(model: Model, input: Float32Array, shape: readonly number[]): tf.Tensor {
  return model.predict(tf.tensor(input, [...shape], "float32")) as tf.Tensor;
}

/** One prediction on a zero window, which also compiles the backend's kernels; returns the output shape. */
function warmUp(model: Model, shape: readonly number[]): number[] {
  return tf.tidy(() => {
    let out: ReturnType<Model["predict"]>;
    try {
      out = model.predict(tf.zeros([...shape]));
    } catch (e) {
      throw new Error(`${MODEL_JSON_FILE} failed on a window of shape ${shapeToText([...shape])} (from ${MANIFEST_FILE}'s input): ${(e as Error).message}`);
    }
    if (!(out instanceof tf.Tensor)) throw new Error(`${MODEL_JSON_FILE} has several outputs, but a detector needs exactly one (the label probabilities)`);
    return out.shape;
  });
}

function specOf(m: ModelManifest, version: number | string): DetectorSpec {
  return {
    id: `model:${m.id}@${version}`,
    name: m.name,
    kind: "model",
    interaction: m.interaction,
    input: { rateHz: m.input.rateHz, windowSamples: m.input.windowSamples, hopSamples: m.input.hopSamples, channels: [...m.input.channels] },
    labels: m.output.labels.map((l) => ({ name: l.name, role: l.role })),
    decision: { ...m.decision },
  };
}

/**
 * Loads, checks the real input and output shapes against the manifest and warms up
 * (the first predict compiles kernels or shaders). Every error message names the
 * file at fault and is meant for the user.
 */
export async function tfDetectorLoad(files: ModelFiles, opts: TfDetectorOptions): Promise<Detector> {
  await tf.ready();
  const m = files.manifest;
  const model = await modelLoad(files);
  const shape = expectedShape(m);
  const size = shape.reduce((x, y) => x * y, 1);
  try {
    inputCheck(model, m);
    outputCheck(warmUp(model, shape), m);
  } catch (e) {
    model.dispose();
    throw e;
  }

  const { a, b } = normalisationCoefficients(m);
  const channels = m.input.channels.length;
  const input = new Float32Array(size);
  let disposed = false;
  return {
    spec: specOf(m, opts.version),
    score(window: Float32Array): Float32Array {
      if (disposed) throw new Error(`model ${m.id} was disposed`);
      if (window.length !== size) throw new Error(`model ${m.id} needs windows of ${size} values, got ${window.length}`);
      for (let row = 0; row < size; row += channels) {
        for (let c = 0; c < channels; c++) {
          const v = window[row + c]! * a[c]! + b[c]!;
          // A missing sensor becomes the channel's training mean (0 after standardising).
          input[row + c] = Number.isNaN(v) ? 0 : v;
        }
      }
      return tf.tidy(() => Float32Array.from(predictOne(model, input, shape).dataSync()));
    },
    reset() {},
    dispose() {
      if (disposed) return;
      disposed = true;
      model.dispose();
    },
  };
}
