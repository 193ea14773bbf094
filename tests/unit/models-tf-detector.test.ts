import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChannelName } from "@/lib/models/channels";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfDetectorLoad } from "@/lib/models/tf-detector";
import { tinyModelFiles, type TinyModelOptions } from "@/tests/support/tiny-models";

beforeAll(async () => {
  await tfBackendInit(["cpu"]);
});

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** A time-major window where every row is `row`. */
function steadyWindow(samples: number, row: readonly number[]): Float32Array {
  const w = new Float32Array(samples * row.length);
  for (let t = 0; t < samples; t++) w.set(row, t * row.length);
  return w;
}

const FORMATS = ["layers", "graph"] as const;
const LAYOUTS = ["tc", "flat"] as const;

describe("tfDetectorLoad", () => {
  for (const format of FORMATS) {
    for (const layout of LAYOUTS) {
      it(`runs a ${format} model with layout ${layout} from its manifest alone`, async () => {
        const channels: ChannelName[] = ["accelGX", "accelGY", "gyroZ"];
        // Standardise accelGY around 9.8 m/s² with std 2; the model sees (x - 9.8) / 2.
        const opts: TinyModelOptions = {
          id: "tilt",
          format,
          layout,
          windowSamples: 20,
          channels,
          rateHz: 25,
          normalisation: { kind: "standardize", mean: [0, 9.8, 0], std: [1, 2, 1] },
          behaviour: { kind: "channel-mean", channel: "accelGY", gain: 3, bias: 0 },
        };
        const detector = await tfDetectorLoad(await tinyModelFiles(opts), { version: 7 });
        expect(detector.spec).toMatchObject({
          id: "model:tilt@7",
          kind: "model",
          interaction: "custom:tiny",
          input: { rateHz: 25, windowSamples: 20, hopSamples: 10, channels },
          labels: [
            { name: "background", role: "background" },
            { name: "event", role: "event" },
          ],
        });
        for (const gy of [9.8, 11.8, 6.8]) {
          const probs = detector.score(steadyWindow(20, [0.3, gy, -1]), 0);
          expect(probs).toBeInstanceOf(Float32Array);
          expect(probs[1]).toBeCloseTo(logistic((3 * (gy - 9.8)) / 2), 5);
          expect(probs[0]! + probs[1]!).toBeCloseTo(1, 5);
        }
        detector.dispose();
      });
    }
  }

  it("applies a per-channel scale, and a missing sensor (NaN) counts as 0 after normalising", async () => {
    const detector = await tfDetectorLoad(
      await tinyModelFiles({
        channels: ["accelX", "gyroX"],
        windowSamples: 10,
        normalisation: { kind: "scale", scale: [1, 0.5] },
        behaviour: { kind: "channel-mean", channel: "gyroX", gain: 1, bias: 0.25 },
      }),
      { version: "a" },
    );
    expect(detector.score(steadyWindow(10, [5, 2]), 0)[1]).toBeCloseTo(logistic(0.5 * 2 + 0.25), 5);
    const half = steadyWindow(10, [5, 2]);
    for (let t = 0; t < 5; t++) half[t * 2 + 1] = NaN;
    expect(detector.score(half, 0)[1]).toBeCloseTo(logistic((0.5 * 2 * 5) / 10 + 0.25), 5);
    expect(detector.score(steadyWindow(10, [NaN, NaN]), 0)[1]).toBeCloseTo(logistic(0.25), 5);
    detector.dispose();
  });

  it("rejects a window of the wrong length and scoring after dispose", async () => {
    const detector = await tfDetectorLoad(await tinyModelFiles(), { version: 1 });
    expect(() => detector.score(new Float32Array(179), 0)).toThrow("needs windows of 180 values, got 179");
    detector.dispose();
    detector.dispose();
    expect(() => detector.score(new Float32Array(180), 0)).toThrow(/disposed/);
  });

  it("frees every tensor it made on dispose", async () => {
    const before = tf.memory().numTensors;
    const detectors = await Promise.all(FORMATS.map(async (format) => tfDetectorLoad(await tinyModelFiles({ format }), { version: 1 })));
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    for (const d of detectors) d.score(new Float32Array(180), 0);
    for (const d of detectors) d.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("tfDetectorLoad refuses a checkpoint that does not fit its manifest", () => {
  /** The model of `model` with the manifest of `manifest`. */
  async function mismatched(model: TinyModelOptions, manifest: TinyModelOptions) {
    const files = await tinyModelFiles(model);
    files.manifest = (await tinyModelFiles(manifest)).manifest;
    return tfDetectorLoad(files, { version: 1 });
  }

  it("names both shapes when the window length differs (layers, flat)", async () => {
    await expect(mismatched({ windowSamples: 30 }, { windowSamples: 40 })).rejects.toThrow(
      `model.json's input shape is [null, 180], but manifest.json's input (40 samples × 6 channels flattened, layout "flat") needs [null, 240]`,
    );
  });

  it("names both shapes when the layout differs (graph, tc model vs flat manifest)", async () => {
    await expect(mismatched({ format: "graph", layout: "tc" }, { format: "graph", layout: "flat" })).rejects.toThrow(
      `model.json's input shape is [null, 30, 6], but manifest.json's input (30 samples × 6 channels flattened, layout "flat") needs [null, 180]`,
    );
  });

  it("names the channel count when the manifest lists fewer channels", async () => {
    await expect(mismatched({ layout: "tc" }, { layout: "tc", channels: ["accelGX", "accelGY", "accelGZ"] })).rejects.toThrow(
      `needs [null, 30, 3]`,
    );
  });

  for (const format of FORMATS) {
    it(`says how many outputs and labels there are when they differ (${format})`, async () => {
      const threeLabels = [
        { name: "none", role: "background" },
        { name: "tap", role: "event" },
        { name: "flick", role: "event" },
      ] as const;
      await expect(mismatched({ format }, { format, labels: threeLabels })).rejects.toThrow(
        "model.json's output has 2 values per window, but manifest.json lists 3 labels (output.labels); they must match one to one",
      );
    });
  }

  it("falls back to the first prediction's error when a graph input has no declared shape", async () => {
    const files = await tinyModelFiles({ format: "graph" });
    const nodes = files.modelJson.modelTopology.node as { name: string; attr: Record<string, unknown> }[];
    delete nodes.find((n) => n.name === "window")!.attr.shape;
    files.manifest = (await tinyModelFiles({ format: "graph", windowSamples: 40 })).manifest;
    await expect(tfDetectorLoad(files, { version: 1 })).rejects.toThrow(/^model\.json failed on a window of shape \[1, 240\] \(from manifest\.json's input\): .+/);
  });

  it("names a missing weight shard and a manifest format that does not match the files", async () => {
    const files = await tinyModelFiles();
    files.weights.clear();
    await expect(tfDetectorLoad(files, { version: 1 })).rejects.toThrow("group1-shard1of1.bin is missing");
    const graphAsLayers = await tinyModelFiles({ format: "graph" });
    graphAsLayers.manifest = { ...graphAsLayers.manifest, format: "layers" };
    await expect(tfDetectorLoad(graphAsLayers, { version: 1 })).rejects.toThrow(/^model\.json could not be loaded as a layers model: /);
  });

  it("leaves no tensors behind after a refused load", async () => {
    const before = tf.memory().numTensors;
    await expect(mismatched({ windowSamples: 30 }, { windowSamples: 31 })).rejects.toThrow();
    await expect(mismatched({ format: "graph" }, { format: "graph", windowSamples: 31 })).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });
});
