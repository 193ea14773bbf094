import { pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { tfBackendInit, type TfBackendName } from "../lib/models/tf-backend";
import { tfWasmDistPath } from "../lib/models/tf-wasm-dist-path";
import { rngStream } from "../lib/sim/prng";
import { cnnModelCreate } from "../lib/training/cnn-model";
import { convGradKernelRegister, convGradKernelRegistered } from "../lib/training/conv1d-grad-kernel";

/**
 * `npx tsx scripts/bench-training.ts`: what one training epoch costs in Node, the
 * issue's measure: 2,000 windows of 100 x 6, batch 32, the 1D CNN `npm run train`
 * trains (lib/training/cnn-model.ts), with our conv weight-gradient kernel on wasm
 * and on cpu. The first epoch is reported apart: it includes kernel warm-up. Stock
 * tfjs is measured too, on a few batches and scaled to an epoch, since a whole one
 * takes minutes on cpu and cannot run at all on wasm. Goal: under 3 s per epoch.
 */

const WINDOWS = 2000;
const WINDOW_SAMPLES = 100;
const CHANNELS = 6;
const BATCH = 32;
const STOCK_BATCHES = 4;
const BACKENDS: readonly TfBackendName[] = ["wasm", "cpu"];

export interface EpochTiming {
  backend: TfBackendName;
  /** First epoch, kernels and JIT cold. */
  firstEpochS: number;
  /** The next one: the steady cost. */
  epochS: number;
}

export interface TrainingBenchResult {
  node: string;
  windows: number;
  windowShape: [number, number];
  batchSize: number;
  params: number;
  epochs: EpochTiming[];
  /** Stock tfjs cpu, from STOCK_BATCHES batches scaled to an epoch; null when our kernel was already registered in this process. */
  stockCpuEpochS: number | null;
}

function trainingData(): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const rng = rngStream(1, "bench-training");
  const x = Float32Array.from({ length: WINDOWS * WINDOW_SAMPLES * CHANNELS }, () => rng.gaussian());
  const y = new Float32Array(WINDOWS * 2);
  for (let i = 0; i < WINDOWS; i++) y[i * 2 + (rng.next() < 0.25 ? 1 : 0)] = 1;
  return { x: tf.tensor3d(x, [WINDOWS, WINDOW_SAMPLES, CHANNELS]), y: tf.tensor2d(y, [WINDOWS, 2]) };
}

function modelCreate(): tf.LayersModel {
  const model = cnnModelCreate({ windowSamples: WINDOW_SAMPLES, channels: CHANNELS, classes: 2, seed: 1 });
  model.compile({ optimizer: tf.train.adam(0.002), loss: "categoricalCrossentropy" });
  return model;
}

async function epochSeconds(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const t0 = performance.now();
  await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
  return (performance.now() - t0) / 1000;
}

/** Stock cpu kernel: a few batches, after one untimed batch, scaled to an epoch. */
async function stockCpuEpochS(): Promise<number> {
  await tfBackendInit(["cpu"]);
  const model = modelCreate();
  const { x, y } = trainingData();
  const n = BATCH * (STOCK_BATCHES + 1);
  const xs = x.slice([0, 0, 0], [n, WINDOW_SAMPLES, CHANNELS]);
  const ys = y.slice([0, 0], [n, 2]);
  await model.fit(xs.slice([0, 0, 0], [BATCH, WINDOW_SAMPLES, CHANNELS]), ys.slice([0, 0], [BATCH, 2]), { epochs: 1, batchSize: BATCH, verbose: 0 });
  const t0 = performance.now();
  await model.fit(xs.slice([BATCH, 0, 0], [BATCH * STOCK_BATCHES, WINDOW_SAMPLES, CHANNELS]), ys.slice([BATCH, 0], [BATCH * STOCK_BATCHES, 2]), {
    epochs: 1,
    batchSize: BATCH,
    shuffle: false,
    verbose: 0,
  });
  const perBatchS = (performance.now() - t0) / 1000 / STOCK_BATCHES;
  tf.dispose([x, y, xs, ys]);
  model.dispose();
  return perBatchS * Math.ceil(WINDOWS / BATCH);
}

export async function trainingBench(opts: { stock?: boolean } = {}): Promise<TrainingBenchResult> {
  const stock = opts.stock !== false && !convGradKernelRegistered("cpu") ? await stockCpuEpochS() : null;
  convGradKernelRegister();
  const epochs: EpochTiming[] = [];
  let params = 0;
  for (const backend of BACKENDS) {
    await tfBackendInit([backend], { wasmPath: tfWasmDistPath() });
    const model = modelCreate();
    params = model.countParams();
    const { x, y } = trainingData();
    const firstEpochS = await epochSeconds(model, x, y);
    const epochS = await epochSeconds(model, x, y);
    epochs.push({ backend, firstEpochS, epochS });
    tf.dispose([x, y]);
    model.dispose();
  }
  return { node: process.version, windows: WINDOWS, windowShape: [WINDOW_SAMPLES, CHANNELS], batchSize: BATCH, params, epochs, stockCpuEpochS: stock };
}

export function trainingBenchLines(r: TrainingBenchResult): string[] {
  const s = (v: number) => `${v.toFixed(2).padStart(7)} s`;
  const lines = [
    `One training epoch: ${r.windows} windows of ${r.windowShape.join(" x ")}, batch ${r.batchSize}, 1D CNN of ${r.params} params (goal < 3 s)`,
    "backend         epoch      first epoch",
  ];
  for (const e of r.epochs) lines.push(`${`${e.backend} + ours`.padEnd(14)}${s(e.epochS)}   ${s(e.firstEpochS)}`);
  if (r.stockCpuEpochS !== null) lines.push(`${"cpu, stock".padEnd(14)}${s(r.stockCpuEpochS)}   (from ${STOCK_BATCHES} batches)`);
  lines.push(`${"wasm, stock".padEnd(14)}   fails: no Conv2DBackpropFilter kernel`);
  return lines;
}

async function main(): Promise<void> {
  const result = await trainingBench();
  for (const line of trainingBenchLines(result)) console.log(line);
  console.log(JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
