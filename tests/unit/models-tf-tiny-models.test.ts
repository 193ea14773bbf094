import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelFilesRead } from "@/lib/models/model-files-read";
import { modelFolderValidate } from "@/lib/models/model-folder";
import {
  corruptModelJson,
  tinyGraphModel,
  tinyLayersModel,
  tinyManifest,
  tinyModelFolderWrite,
  truncateWeights,
  type TinyModelOptions,
} from "@/tests/support/tiny-models";

let root: string;

beforeAll(async () => {
  await tf.setBackend("cpu");
  root = await mkdtemp(join(tmpdir(), "wristlab-tiny-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function predict(model: tf.LayersModel | tf.GraphModel, window: Float32Array, shape: number[]): number[] {
  return tf.tidy(() => Array.from((model.predict(tf.tensor(window, [1, ...shape])) as tf.Tensor).dataSync()));
}

/** A window whose channel 1 (accelGY) is `value` everywhere and the rest are noise-free ramps. */
function window(t: number, c: number, value: number): Float32Array {
  const w = new Float32Array(t * c);
  for (let row = 0; row < t; row++) for (let ch = 0; ch < c; ch++) w[row * c + ch] = ch === 1 ? value : row * 0.1 - ch;
  return w;
}

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

describe("tiny models", () => {
  it("a constant model says its event label with the asked probability, whatever the input", () => {
    const model = tinyLayersModel({ behaviour: { kind: "constant", prob: 0.83 } });
    for (const v of [0, 5, -20]) {
      const [bg, event] = predict(model, window(30, 6, v), [180]);
      expect(event).toBeCloseTo(0.83, 5);
      expect(bg).toBeCloseTo(0.17, 5);
    }
    model.dispose();
  });

  it("with three labels the constant target gets prob and the others share the rest", () => {
    const labels = [
      { name: "idle", role: "background" },
      { name: "tap", role: "event" },
      { name: "flick", role: "event" },
    ] as const;
    const model = tinyLayersModel({ labels, behaviour: { kind: "constant", prob: 0.6, label: "flick" }, layout: "tc" });
    const probs = predict(model, window(30, 6, 1), [30, 6]);
    expect(probs[2]).toBeCloseTo(0.6, 5);
    expect(probs[0]).toBeCloseTo(0.2, 5);
    expect(probs[1]).toBeCloseTo(0.2, 5);
    model.dispose();
  });

  it("a channel-mean model follows the window mean of its channel, in both layouts", () => {
    const opts: TinyModelOptions = { behaviour: { kind: "channel-mean", channel: "accelGY", gain: 2, bias: -3 } };
    const flat = tinyLayersModel({ ...opts, layout: "flat" });
    const tc = tinyLayersModel({ ...opts, layout: "tc" });
    for (const v of [0, 1.5, 4]) {
      const expected = logistic(2 * v - 3);
      expect(predict(flat, window(30, 6, v), [180])[1]).toBeCloseTo(expected, 5);
      expect(predict(tc, window(30, 6, v), [30, 6])[1]).toBeCloseTo(expected, 5);
    }
    flat.dispose();
    tc.dispose();
  });

  it("the hand-written graph model runs through tf.loadGraphModel and agrees with the layers model", async () => {
    const opts: TinyModelOptions = { layout: "tc", behaviour: { kind: "channel-mean", channel: "accelGY", gain: -1, bias: 0.5 } };
    const graph = await tinyGraphModel(opts);
    const layers = tinyLayersModel(opts);
    expect(graph.inputs[0]!.shape).toEqual([-1, 30, 6]);
    for (const v of [-2, 0, 3]) {
      const g = predict(graph, window(30, 6, v), [30, 6]);
      expect(g[1]).toBeCloseTo(logistic(-v + 0.5), 5);
      expect(g[0]! + g[1]!).toBeCloseTo(1, 5);
      predict(layers, window(30, 6, v), [30, 6]).forEach((p, i) => expect(g[i]).toBeCloseTo(p, 5));
    }
    graph.dispose();
    layers.dispose();
  });

  it("writes model folders that pass the registry's validation and read back", async () => {
    const cases: TinyModelOptions[] = [
      { format: "layers", layout: "flat" },
      { format: "layers", layout: "tc", windowSamples: 100, rateHz: 50, channels: ["accelGNorm", "gyroNorm"] },
      { format: "graph", layout: "flat", windowSamples: 30 },
      { format: "graph", layout: "tc" },
    ];
    for (const [i, opts] of cases.entries()) {
      const dir = join(root, `ok-${i}`);
      await tinyModelFolderWrite(dir, opts);
      const checked = await modelFolderValidate(dir);
      expect(checked.ok ? [] : checked.errors).toEqual([]);
      const read = await modelFilesRead(dir);
      if (!read.ok) throw new Error(read.errors.join("\n"));
      expect(read.files.manifest).toEqual(tinyManifest({ ...opts, id: `ok-${i}` }));
      expect(read.files.modelJson.format).toBe(opts.format === "graph" ? "graph-model" : "layers-model");
    }
  });

  it("corruptModelJson and truncateWeights break a folder in the way the registry reports", async () => {
    const corrupt = join(root, "corrupt");
    await tinyModelFolderWrite(corrupt);
    await corruptModelJson(corrupt);
    const c = await modelFolderValidate(corrupt);
    expect(c.ok).toBe(false);
    expect(c.ok ? "" : c.errors.join("\n")).toMatch(/model\.json is not valid JSON/);

    const truncated = join(root, "truncated");
    await tinyModelFolderWrite(truncated, { format: "graph" });
    await truncateWeights(truncated);
    const t = await modelFolderValidate(truncated);
    expect(t.ok ? "" : t.errors.join("\n")).toMatch(/group1-shard1of1\.bin is \d+ bytes, but model\.json's weights need \d+/);
    const read = await modelFilesRead(truncated);
    expect(read.ok).toBe(false);
  });
});
