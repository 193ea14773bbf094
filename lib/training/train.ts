import * as tf from "@tensorflow/tfjs";
import type { MotionDataset } from "../data/motion-recording";
import type { DecisionSettings, DetectorInput } from "../models/detector";
import { manifestParse, MANIFEST_VERSION, type Interaction, type ModelManifest } from "../models/manifest";
import { cnnModelCreate, type CnnOptions } from "./cnn-model";
import { convGradKernelRegister } from "./conv1d-grad-kernel";
import { EpochSampler } from "./epoch-sampler";
import { groupSplit } from "./group-split";
import { standardizeApply, standardizeFit, type Standardize } from "./normalisation-fit";
import { classCounts, windowSetBuild, type WindowSet } from "./window-dataset";
import { windowMetrics, type WindowMetrics } from "./window-metrics";

/**
 * Trains the small CNN (cnn-model.ts) for one interaction on a labelled dataset, on
 * whatever TF.js backend is current (wasm in Node; our conv weight-gradient kernel
 * is registered here, see conv1d-grad-kernel.ts), and returns the model with a
 * complete manifest.
 *
 * Windows are cut as the live runtime cuts them (window-dataset.ts), split by
 * recording group (group-split.ts), standardised with statistics of the training
 * side only, and sampled with all events and a rotating slice of background per
 * epoch (epoch-sampler.ts). Training stops when the validation loss has not
 * improved for `patience` epochs and keeps the best epoch's weights.
 */

export interface TrainSpec {
  /** Folder name and manifest id. */
  id: string;
  name: string;
  interaction: Interaction;
  input: DetectorInput;
  /** The model's event labels, in output order after "background". */
  eventLabels: readonly string[];
  /** Dataset label -> model label (e.g. the simulator's "raise" -> "raise-to-speak"). */
  labelMap?: Readonly<Record<string, string>>;
  /** Default: threshold 0.7, smoothing 2, 2 windows in a row, refractory one window's duration. */
  decision?: Partial<DecisionSettings>;
  /** What the data was, for provenance (dataset name and licence are appended). */
  trainedOn: string;
  /** How it was made, e.g. the command line. */
  source?: string;
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  /** Mean training loss of the epoch (on the balanced sample). */
  loss: number;
  val: WindowMetrics;
  /** This epoch's wall time, training and validation. */
  seconds: number;
  /** If every remaining epoch runs: mean epoch time × epochs left. Early stopping can only shorten it. */
  etaSeconds: number;
  /** The validation loss improved (see MIN_IMPROVEMENT): these are the weights kept so far. */
  improved: boolean;
}

export interface TrainOptions {
  spec: TrainSpec;
  dataset: MotionDataset;
  /** Most epochs; default 30. */
  epochs?: number;
  batchSize?: number;
  seed?: number;
  learningRate?: number;
  /** Share of groups held out for validation; default 0.25. */
  valFraction?: number;
  /** Epochs without a better validation loss (see MIN_IMPROVEMENT) before stopping; default 6. */
  patience?: number;
  /** Background windows per event window in each epoch; default 3. */
  negativesPerEvent?: number;
  /** See WindowSetOptions; default one background window per 200 ms. */
  backgroundEveryMs?: number;
  minCoverage?: number;
  model?: Partial<Pick<CnnOptions, "filters" | "kernelSize">>;
  onProgress?: (p: TrainProgress) => void;
  /** Lines worth showing before the epochs start (window counts, split). */
  onInfo?: (line: string) => void;
}

export interface TrainResult {
  model: tf.LayersModel;
  manifest: ModelManifest;
  history: TrainProgress[];
  bestEpoch: number;
  stoppedEarly: boolean;
  split: { train: string[]; val: string[] };
  /** Windows per class (label order) on each side, as available (not as sampled per epoch). */
  windows: { train: number[]; val: number[]; ignored: number };
}

const PREDICT_BATCH = 512;
/**
 * A validation loss counts as better only when it falls by 1 % and by 1e-4: on easy
 * data it creeps towards zero by ever smaller steps that change no decision, and
 * counting those would never let training stop.
 */
const MIN_IMPROVEMENT = { share: 0.01, absolute: 1e-4 };

function defaultDecision(input: DetectorInput): DecisionSettings {
  const windowMs = Math.round((input.windowSamples * 1000) / input.rateHz);
  return { thresholdProb: 0.7, smoothingWindows: 2, minConsecutiveWindows: 2, refractoryMs: Math.min(60_000, windowMs) };
}

function oneHot(labels: Int32Array, indices: Int32Array, classes: number): Float32Array {
  const out = new Float32Array(indices.length * classes);
  indices.forEach((i, k) => (out[k * classes + labels[i]!] = 1));
  return out;
}

/** Probabilities for standardised windows, batched so memory stays flat. */
export function predictWindows(model: tf.LayersModel, x: Float32Array, count: number, input: DetectorInput, classes: number): Float32Array {
  const per = input.windowSamples * input.channels.length;
  const out = new Float32Array(count * classes);
  for (let start = 0; start < count; start += PREDICT_BATCH) {
    const n = Math.min(PREDICT_BATCH, count - start);
    const probs = tf.tidy(() => {
      const batch = tf.tensor3d(x.subarray(start * per, (start + n) * per), [n, input.windowSamples, input.channels.length]);
      return (model.predict(batch) as tf.Tensor).dataSync() as Float32Array;
    });
    out.set(probs, start * classes);
  }
  return out;
}

/** Probabilities for the given windows of the set, standardised chunk by chunk so memory stays flat. */
function predictIndices(model: tf.LayersModel, set: WindowSet, indices: Int32Array, norm: Standardize, classes: number): Float32Array {
  const chunk = PREDICT_BATCH * 8;
  const out = new Float32Array(indices.length * classes);
  for (let start = 0; start < indices.length; start += chunk) {
    const part = indices.subarray(start, start + chunk);
    out.set(predictWindows(model, standardizeApply(set, part, norm), part.length, set.input, classes), start * classes);
  }
  return out;
}

/** Cross-entropy of each background window: how wrong the model is about it. */
function backgroundHardness(probs: Float32Array, classes: number): Float32Array {
  return Float32Array.from({ length: probs.length / classes }, (_, k) => -Math.log(Math.max(1e-7, probs[k * classes]!)));
}

function manifestBuild(spec: TrainSpec, set: WindowSet, norm: ModelManifest["input"]["normalisation"], dataset: MotionDataset, val: WindowMetrics): ModelManifest {
  const trainedOn = [spec.trainedOn.replace(/\.+$/, ""), `Dataset "${dataset.name}"`, dataset.licence ? `licence: ${dataset.licence}` : ""].filter(Boolean).join(". ");
  const metrics: Record<string, number> = {};
  if (Number.isFinite(val.eventF1)) metrics.windowF1Val = Number(val.eventF1.toFixed(4));
  if (Number.isFinite(val.accuracy)) metrics.windowAccuracyVal = Number(val.accuracy.toFixed(4));
  const manifest = {
    manifestVersion: MANIFEST_VERSION,
    id: spec.id,
    name: spec.name,
    interaction: spec.interaction,
    format: "layers",
    input: { ...spec.input, channels: [...spec.input.channels], layout: "tc", normalisation: norm },
    output: { labels: set.classNames.map((name, i) => ({ name, role: i === 0 ? "background" : "event" })) },
    decision: { ...defaultDecision(spec.input), ...spec.decision },
    provenance: {
      trainedOn: trainedOn.length > 500 ? `${trainedOn.slice(0, 497)}...` : trainedOn,
      trainedAt: new Date().toISOString(),
      metrics,
      ...(spec.source ? { source: spec.source.slice(0, 500) } : {}),
    },
  };
  const parsed = manifestParse(manifest);
  if (!parsed.ok) throw new Error(`the trained model's manifest is invalid:\n${parsed.errors.join("\n")}`);
  return parsed.manifest;
}

export async function trainModel(opts: TrainOptions): Promise<TrainResult> {
  const { spec, dataset } = opts;
  const epochs = opts.epochs ?? 30;
  const batchSize = opts.batchSize ?? 32;
  const seed = opts.seed ?? 1;
  const patience = opts.patience ?? 6;
  const info = opts.onInfo ?? (() => {});
  convGradKernelRegister();

  const set = windowSetBuild(dataset.recordings, {
    input: spec.input,
    eventLabels: spec.eventLabels,
    labelMap: spec.labelMap,
    minCoverage: opts.minCoverage,
    backgroundEveryMs: opts.backgroundEveryMs ?? 200,
  });
  if (set.emptyRecordings.length > 0) {
    info(`${set.emptyRecordings.length} recording(s) are shorter than one window (${spec.input.windowSamples} samples at ${spec.input.rateHz} Hz) and give no windows, e.g. ${set.emptyRecordings[0]}`);
  }
  const split = groupSplit(set, opts.valFraction ?? 0.25, seed);
  const counts = { train: classCounts(set, split.trainIndices), val: classCounts(set, split.valIndices), ignored: set.count - split.trainIndices.length - split.valIndices.length };
  const described = (c: number[]) => c.map((n, i) => `${set.classNames[i]} ${n}`).join(", ");
  info(`windows: train ${described(counts.train)} (${split.train.length} groups); validation ${described(counts.val)} (${split.val.length} groups); ${counts.ignored} half-seen events left out`);
  if (counts.train.slice(1).every((n) => n === 0)) throw new Error(`no training window shows a whole ${spec.eventLabels.join(" or ")}: check the labels and the window length`);
  if (counts.train[0] === 0) info(`no background windows: the model never learns "nothing happening" and will fire on any motion; add recordings of ordinary motion`);

  const norm = standardizeFit(set, split.trainIndices);
  const classes = set.classNames.length;
  const valX = standardizeApply(set, split.valIndices, norm);
  const valY = Int32Array.from(split.valIndices, (i) => set.labels[i]!);
  const sampler = new EpochSampler(split.trainIndices, set.labels, opts.negativesPerEvent ?? 3, seed);
  info(`each epoch: ${sampler.eventCount} event + ${sampler.backgroundPerEpoch} of ${sampler.background.length} background windows (half of them the hardest)`);

  const { windowSamples, channels } = spec.input;
  const model = cnnModelCreate({ windowSamples, channels: channels.length, classes, seed, ...opts.model });
  model.compile({ optimizer: tf.train.adam(opts.learningRate ?? 0.001), loss: "categoricalCrossentropy" });

  const history: TrainProgress[] = [];
  let best: { loss: number; epoch: number; weights: tf.Tensor[] } | null = null;
  let spentSeconds = 0;
  let stoppedEarly = false;
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const t0 = performance.now();
      const picked = sampler.next();
      const xs = tf.tensor3d(standardizeApply(set, picked, norm), [picked.length, windowSamples, channels.length]);
      const ys = tf.tensor2d(oneHot(set.labels, picked, classes), [picked.length, classes]);
      let loss: number;
      try {
        const h = await model.fit(xs, ys, { epochs: 1, batchSize, shuffle: false, verbose: 0 });
        loss = Number(h.history.loss?.[0]);
      } finally {
        xs.dispose();
        ys.dispose();
      }
      const val = windowMetrics(predictWindows(model, valX, valY.length, spec.input, classes), valY, classes);
      if (epoch < epochs) sampler.hardnessSet(backgroundHardness(predictIndices(model, set, sampler.background, norm, classes), classes));
      const seconds = (performance.now() - t0) / 1000;
      spentSeconds += seconds;
      const improved = !best || val.loss < best.loss - Math.max(MIN_IMPROVEMENT.absolute, MIN_IMPROVEMENT.share * best.loss);
      if (improved) {
        best?.weights.forEach((w) => w.dispose());
        best = { loss: val.loss, epoch, weights: model.getWeights().map((w) => w.clone()) };
      }
      const progress = { epoch, epochs, loss, val, seconds, etaSeconds: (spentSeconds / epoch) * (epochs - epoch), improved };
      history.push(progress);
      opts.onProgress?.(progress);
      if (epoch - best!.epoch >= patience && epoch < epochs) {
        stoppedEarly = true;
        break;
      }
    }
    model.setWeights(best!.weights);
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    best?.weights.forEach((w) => w.dispose());
  }

  const bestEpoch = best!.epoch;
  const manifest = manifestBuild(spec, set, norm, dataset, history[bestEpoch - 1]!.val);
  return { model, manifest, history, bestEpoch, stoppedEarly, split: { train: split.train, val: split.val }, windows: counts };
}
