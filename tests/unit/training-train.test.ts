import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointWrite } from "@/lib/models/checkpoint-write";
import { modelFilesRead } from "@/lib/models/model-files-read";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfDetectorLoad } from "@/lib/models/tf-detector";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";
import { INTERACTION_PRESETS } from "@/lib/training/interaction-presets";
import { standardizeApply, type Standardize } from "@/lib/training/normalisation-fit";
import { SYNTH_RECIPES, synthDataset, synthDescription } from "@/lib/training/synthetic-data";
import { trainModel, type TrainOptions, type TrainProgress, type TrainResult } from "@/lib/training/train";
import { windowSetBuild } from "@/lib/training/window-dataset";

/** A small flick set: 4 seeds (groups), 20 s of flicks and 6 s of a few negatives each. */
const SYNTH = { interaction: "flick" as const, seeds: [1, 2, 3, 4], positiveSeconds: 20, negativeSeconds: 6, negatives: ["idle", "typing", "random", "double-tap"] as const };
const DATASET = synthDataset(SYNTH);
const PRESET = INTERACTION_PRESETS.flick;

function options(overrides: Partial<TrainOptions> = {}): TrainOptions {
  return {
    spec: {
      id: "flick-test",
      name: "Flick test",
      interaction: "flick",
      input: PRESET.input,
      eventLabels: ["flick"],
      labelMap: SYNTH_RECIPES.flick.labelMap,
      decision: PRESET.decision,
      trainedOn: synthDescription(SYNTH),
      source: "training-train.test.ts",
    },
    dataset: DATASET,
    epochs: 2,
    seed: 5,
    valFraction: 0.5,
    ...overrides,
  };
}

let root: string;
let result: TrainResult;
const progress: TrainProgress[] = [];
const info: string[] = [];

beforeAll(async () => {
  await tfBackendInit(["wasm"], { wasmPath: tfWasmDistPath() });
  root = await mkdtemp(join(tmpdir(), "wristlab-train-"));
  result = await trainModel(options({ onProgress: (p) => progress.push(p), onInfo: (l) => info.push(l) }));
}, 60_000);

afterAll(async () => {
  result?.model.dispose();
  await rm(root, { recursive: true, force: true });
});

describe("trainModel", () => {
  it("trains on wasm and reports every epoch with validation figures and time left", () => {
    expect(tf.getBackend()).toBe("wasm");
    expect(progress.map((p) => p.epoch)).toEqual([1, 2]);
    for (const p of progress) {
      expect(p.epochs).toBe(2);
      expect(p.loss).toBeGreaterThan(0);
      expect(p.val.loss).toBeGreaterThan(0);
      expect(p.val.accuracy).toBeGreaterThan(0.5);
      expect(p.seconds).toBeGreaterThan(0);
    }
    expect(progress[0]!.etaSeconds).toBeCloseTo(progress[0]!.seconds, 6);
    expect(progress[1]!.etaSeconds).toBe(0);
    expect(result.history).toEqual(progress);
    expect(info.join("\n")).toMatch(/windows: train background \d+, flick \d+ \(2 groups\); validation background \d+, flick \d+ \(2 groups\)/);
  });

  it("splits by seed: no group on both sides", () => {
    expect(result.split.train).toHaveLength(2);
    expect(result.split.val).toHaveLength(2);
    expect(result.split.train.filter((g) => result.split.val.includes(g))).toEqual([]);
    expect([...result.split.train, ...result.split.val].sort()).toEqual(["seed:1", "seed:2", "seed:3", "seed:4"]);
    expect(result.windows.train[1]).toBeGreaterThan(0);
    expect(result.windows.val[1]).toBeGreaterThan(0);
  });

  it("returns a complete manifest: input, training-side normalisation, labels, decision, provenance", () => {
    const m = result.manifest;
    expect(m.input).toMatchObject({ ...PRESET.input, layout: "tc" });
    expect(m.input.normalisation.kind).toBe("standardize");
    const norm = m.input.normalisation as Standardize;
    expect(norm.mean).toHaveLength(6);
    expect(norm.std.every((s) => s > 0)).toBe(true);
    expect(m.output.labels).toEqual([
      { name: "background", role: "background" },
      { name: "flick", role: "event" },
    ]);
    expect(m.decision).toEqual({ thresholdProb: 0.7, smoothingWindows: 2, minConsecutiveWindows: 2, refractoryMs: 1000 });
    expect(m.provenance.trainedOn).toMatch(/^SYNTHETIC.*Dataset "synthetic-flick"/);
    expect(Date.now() - Date.parse(m.provenance.trainedAt)).toBeLessThan(120_000);
    expect(m.provenance.metrics.windowF1Val).toBeGreaterThanOrEqual(0);
    expect(m.provenance.source).toBe("training-train.test.ts");
  });

  it("round-trips: written with checkpointWrite and loaded as a detector, it scores raw windows as the model scores standardised ones", async () => {
    const dir = join(root, "flick-test");
    await checkpointWrite(dir, result.model, result.manifest);
    const read = await modelFilesRead(dir);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const detector = await tfDetectorLoad(read.files, { version: 1 });
    // Windows of a seed the model never saw, cut as the runtime cuts them.
    const set = windowSetBuild(synthDataset({ ...SYNTH, seeds: [9] }).recordings, { input: PRESET.input, eventLabels: ["flick"] });
    const picked = Int32Array.from({ length: 40 }, (_, k) => Math.floor((k * set.count) / 40));
    const x = standardizeApply(set, picked, result.manifest.input.normalisation as Standardize);
    const per = PRESET.input.windowSamples * PRESET.input.channels.length;
    const expected = tf.tidy(() => (result.model.predict(tf.tensor3d(x, [picked.length, PRESET.input.windowSamples, 6])) as tf.Tensor).dataSync());
    let flickSeen = 0;
    picked.forEach((w, k) => {
      const scores = detector.score(set.x.slice(w * per, (w + 1) * per), set.tEndMs[w]!);
      expect(Math.abs(scores[0]! - expected[2 * k]!)).toBeLessThan(1e-5);
      expect(Math.abs(scores[1]! - expected[2 * k + 1]!)).toBeLessThan(1e-5);
      if (scores[1]! > 0.5) flickSeen++;
    });
    // The scores vary with the input: some windows look like flicks, most do not.
    expect(flickSeen).toBeGreaterThan(0);
    expect(flickSeen).toBeLessThan(picked.length);
    detector.dispose();
  });

  it("stops early when the validation loss stops improving, keeping the best epoch", async () => {
    const frozen = await trainModel(options({ epochs: 6, patience: 2, learningRate: 1e-12 }));
    expect(frozen.stoppedEarly).toBe(true);
    expect(frozen.history.length).toBeLessThan(6);
    expect(frozen.history.length - frozen.bestEpoch).toBe(2);
    frozen.model.dispose();
  }, 30_000);

  it("refuses data in which no window shows a whole event", async () => {
    const noFlicks = { ...DATASET, recordings: DATASET.recordings.filter((r) => !r.id.startsWith("synthetic/flick")) };
    await expect(trainModel(options({ dataset: noFlicks }))).rejects.toThrow(/no training window shows a whole flick/);
  });
});
