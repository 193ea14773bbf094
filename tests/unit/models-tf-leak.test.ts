import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkpointFiles } from "@/lib/models/checkpoint-files";
import { DetectorRunner } from "@/lib/models/detector-runner";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfDetectorLoad } from "@/lib/models/tf-detector";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";
import { motionGenerate } from "@/lib/sim/motion-generator";
import { tinyCnnModel, tinyManifest, tinyModelFiles, TINY_CHANNELS } from "@/tests/support/tiny-models";

const WINDOWS = 10_000;

beforeAll(async () => {
  // wasm runs the CNN ~4x faster than cpu in Node, which keeps 10,000 windows to a few seconds.
  await tfBackendInit(["wasm"], { wasmPath: tfWasmDistPath() });
});

describe("no tensor leak", () => {
  it(`a 1D CNN (layers, [100, 6]) through the whole runner: tensors stay flat over ${WINDOWS} windows`, async () => {
    const cnn = tinyCnnModel();
    const files = await checkpointFiles(cnn, tinyManifest({ id: "cnn", layout: "tc", windowSamples: 100, hopSamples: 1, rateHz: 50 }));
    cnn.dispose();
    const baseline = tf.memory().numTensors;
    const detector = await tfDetectorLoad(files, { version: 1 });
    const loaded = tf.memory().numTensors;
    expect(loaded).toBeGreaterThan(baseline);

    // Hop 1 at 50 Hz: 10,000 windows need 200 s of stream (+ the first window).
    const track = motionGenerate({ motion: "walk", seconds: 203, rateHz: 60, seed: 2 });
    let afterFirst = -1;
    const runner = new DetectorRunner(detector, {
      deviceId: "d",
      nowMs: () => 0,
      onEvent: () => {},
      onScores: () => {
        if (afterFirst < 0) afterFirst = tf.memory().numTensors;
      },
    });
    for (const s of track.samples) runner.push(s[0], s);
    expect(runner.stats.windows).toBeGreaterThanOrEqual(WINDOWS);
    expect(afterFirst).toBe(loaded);
    expect(tf.memory().numTensors).toBe(loaded);
    detector.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 30_000);

  it(`a graph model scored directly: tensors and bytes stay flat over ${WINDOWS} windows`, async () => {
    const baseline = tf.memory().numTensors;
    const detector = await tfDetectorLoad(await tinyModelFiles({ format: "graph", layout: "flat" }), { version: 1 });
    const window = new Float32Array(30 * TINY_CHANNELS.length);
    detector.score(window, 0);
    const { numTensors, numBytes } = tf.memory();
    for (let i = 0; i < WINDOWS; i++) {
      window[i % window.length] = Math.sin(i);
      detector.score(window, i);
    }
    expect(tf.memory().numTensors).toBe(numTensors);
    expect(tf.memory().numBytes).toBe(numBytes);
    detector.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
