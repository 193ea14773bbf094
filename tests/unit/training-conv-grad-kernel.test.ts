import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";
import { rngStream } from "@/lib/sim/prng";
import { convGradKernelRegister, convGradKernelRegistered } from "@/lib/training/conv1d-grad-kernel";

/**
 * Our Conv2DBackpropFilter against tfjs's own cpu kernel, the reference: the
 * references are computed before ours replaces it, then both backends must agree.
 */

interface Case {
  name: string;
  /** conv1d: x [b, w, cin], filter [k, cin, cout]; conv2d (height > 1): x [b, h, w, cin], filter [kh, kw, cin, cout]. */
  x: number[];
  filter: number[];
  stride: number;
  pad: "same" | "valid";
  /** conv2d only; wasm runs NHWC convolutions alone. */
  format?: "NHWC" | "NCHW";
}

const CASES: Case[] = [
  { name: "conv1d same, stride 1", x: [3, 20, 6], filter: [5, 6, 16], stride: 1, pad: "same" },
  { name: "conv1d valid, stride 1", x: [2, 17, 4], filter: [3, 4, 8], stride: 1, pad: "valid" },
  { name: "conv1d same, stride 2, odd length", x: [2, 19, 3], filter: [4, 3, 5], stride: 2, pad: "same" },
  { name: "conv1d valid, stride 2", x: [4, 21, 5], filter: [5, 5, 6], stride: 2, pad: "valid" },
  { name: "conv1d, cout not a multiple of 4", x: [3, 12, 2], filter: [3, 2, 7], stride: 1, pad: "same" },
  { name: "conv1d, kernel as long as the input", x: [2, 6, 3], filter: [6, 3, 4], stride: 1, pad: "valid" },
  { name: "conv2d NHWC (height > 1), same, stride 2", x: [2, 7, 9, 3], filter: [3, 2, 3, 5], stride: 2, pad: "same" },
  { name: "conv2d NCHW, valid, stride 1", x: [2, 3, 7, 9], filter: [3, 2, 3, 5], stride: 1, pad: "valid", format: "NCHW" },
];
const WASM_CASES = CASES.filter((c) => c.format !== "NCHW");
/**
 * A real batch of the CNN's second layer. Its gradients reach ~100 (float32 spacing
 * ~1e-5), and XNNPACK sums in float32, so it is held to 1e-5 of the largest one.
 */
const BATCH_CASE: Case = { name: "training batch", x: [32, 50, 16], filter: [5, 16, 32], stride: 1, pad: "same" };

function maxRelativeDiff(a: Float32Array, b: Float32Array): number {
  const scale = b.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return maxAbsDiff(a, b) / scale;
}

function random(shape: number[], seed: number): tf.Tensor {
  const rng = rngStream(seed, "conv-grad-test");
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: size }, () => rng.uniform(-1, 1)), shape);
}

/** d(sum(conv(x, filter) * weights)) / d filter, through the registered kernels. */
function filterGradient(c: Case, seed: number): Float32Array {
  return tf.tidy(() => {
    const x = random(c.x, seed);
    const filter = random(c.filter, seed + 1);
    const conv = (f: tf.Tensor) =>
      c.x.length === 3
        ? tf.conv1d(x as tf.Tensor3D, f as tf.Tensor3D, c.stride, c.pad)
        : tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad, c.format ?? "NHWC");
    // Weighting the outputs makes every dy entry different, so a misplaced index shows.
    const weights = random(conv(filter).shape, seed + 2);
    return tf.grad((f: tf.Tensor) => conv(f).mul(weights).sum())(filter).dataSync() as Float32Array;
  });
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const references = new Map<string, Float32Array>();
let stockCpuMs = Infinity;
let stockWasm: { filter: boolean; input: boolean } | null = null;
const TIMING: Case = { name: "timing", x: [32, 100, 6], filter: [5, 6, 16], stride: 1, pad: "same" };

beforeAll(async () => {
  await tfBackendInit(["cpu"]);
  expect(convGradKernelRegistered("cpu")).toBe(false);
  // tf-backend.ts imports the wasm backend, which registers all its kernels on import.
  stockWasm = { filter: !!tf.getKernel("Conv2DBackpropFilter", "wasm"), input: !!tf.getKernel("Conv2DBackpropInput", "wasm") };
  CASES.forEach((c, i) => references.set(c.name, filterGradient(c, 10 * i)));
  references.set(BATCH_CASE.name, filterGradient(BATCH_CASE, 77));
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    filterGradient(TIMING, 99);
    stockCpuMs = Math.min(stockCpuMs, performance.now() - t0);
  }
  convGradKernelRegister();
});

describe("Conv2DBackpropFilter", () => {
  it("is missing on stock wasm (which has the input gradient), and ours fills the gap", () => {
    expect(stockWasm).toEqual({ filter: false, input: true });
    expect(convGradKernelRegistered("wasm")).toBe(true);
  });

  it.each(CASES)("cpu: $name equals tfjs's own kernel within 1e-5", (c) => {
    expect(convGradKernelRegistered("cpu")).toBe(true);
    const i = CASES.indexOf(c);
    const ours = filterGradient(c, 10 * i);
    expect(ours.some((v) => v !== 0)).toBe(true);
    expect(maxAbsDiff(ours, references.get(c.name)!)).toBeLessThan(1e-5);
  });

  it("cpu: a training-sized batch agrees to float32 precision", () => {
    expect(maxRelativeDiff(filterGradient(BATCH_CASE, 77), references.get(BATCH_CASE.name)!)).toBeLessThan(1e-5);
  });

  it("registering twice changes nothing", () => {
    const before = tf.getKernel("Conv2DBackpropFilter", "cpu")!.kernelFunc;
    convGradKernelRegister();
    expect(tf.getKernel("Conv2DBackpropFilter", "cpu")!.kernelFunc).toBe(before);
  });

  it("is many times faster than the stock cpu kernel on a training-sized batch", () => {
    let oursMs = Infinity;
    for (let round = 0; round < 2; round++) {
      const t0 = performance.now();
      filterGradient(TIMING, 99);
      oursMs = Math.min(oursMs, performance.now() - t0);
    }
    // Measured ~100x; a loose bound so a busy machine does not fail it.
    expect(oursMs * 5).toBeLessThan(stockCpuMs);
  });

  it("leaves dilated convolutions to tfjs, which has no gradient for them at all", () => {
    const x = random([1, 12, 2], 1);
    const f = random([3, 2, 2], 2);
    expect(() => tf.grad((k: tf.Tensor) => tf.conv1d(x as tf.Tensor3D, k as tf.Tensor3D, 1, "same", "NWC", 2).sum())(f)).toThrow(/dilation/);
  });

  describe("on wasm", () => {
    beforeAll(async () => {
      await tfBackendInit(["wasm"], { wasmPath: tfWasmDistPath() });
    });

    it.each(WASM_CASES)("$name equals tfjs's cpu kernel within 1e-5", (c) => {
      expect(tf.getBackend()).toBe("wasm");
      const i = CASES.indexOf(c);
      expect(maxAbsDiff(filterGradient(c, 10 * i), references.get(c.name)!)).toBeLessThan(1e-5);
    });

    it("a training-sized batch agrees to float32 precision", () => {
      expect(maxRelativeDiff(filterGradient(BATCH_CASE, 77), references.get(BATCH_CASE.name)!)).toBeLessThan(1e-5);
    });

    it("trains a conv1d model: the loss falls on a task it can learn", async () => {
      // Class 1 windows hold a bump on channel 0, class 0 windows are noise.
      const rng = rngStream(5, "conv-grad-train");
      const n = 64;
      const xs = new Float32Array(n * 30 * 2);
      const ys = new Float32Array(n * 2);
      for (let k = 0; k < n; k++) {
        const label = k % 2;
        ys[k * 2 + label] = 1;
        for (let t = 0; t < 30; t++) {
          xs[(k * 30 + t) * 2] = rng.uniform(-0.3, 0.3) + (label === 1 && t >= 12 && t < 18 ? 2 : 0);
          xs[(k * 30 + t) * 2 + 1] = rng.uniform(-0.3, 0.3);
        }
      }
      const model = tf.sequential({
        layers: [
          tf.layers.conv1d({ inputShape: [30, 2], filters: 4, kernelSize: 3, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
          tf.layers.globalMaxPooling1d(),
          tf.layers.dense({ units: 2, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
        ],
      });
      model.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy" });
      const x = tf.tensor3d(xs, [n, 30, 2]);
      const y = tf.tensor2d(ys, [n, 2]);
      const h = await model.fit(x, y, { epochs: 15, batchSize: 16, shuffle: false, verbose: 0 });
      const losses = h.history.loss as number[];
      expect(losses.at(-1)!).toBeLessThan(0.5 * losses[0]!);
      tf.dispose([x, y]);
      model.dispose();
    });
  });
});
