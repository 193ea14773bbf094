import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelManifest } from "@/lib/models/manifest";
import { modelFolderValidate } from "@/lib/models/model-folder";
import type { ModelJson } from "@/lib/models/weights-check";

const ID = "raise-to-speak-demo";
const SHARD = "group1-shard1of1.bin";
/** dense/kernel [6, 2] + dense/bias [2], float32. */
const SHARD_BYTES = (6 * 2 + 2) * 4;

let root: string;
let manifest: ModelManifest;

/**
 * The smallest real layers model matching the README manifest: a [100, 6] window,
 * averaged over time, then Dense(2). Only the kernel and bias have weights.
 */
function modelJson(inputShape: (number | null)[] = [null, 100, 6]): ModelJson {
  return {
    format: "layers-model",
    generatedBy: "TensorFlow.js tfjs-layers v4.22.0",
    convertedBy: null,
    modelTopology: {
      class_name: "Sequential",
      config: {
        name: "sequential_1",
        layers: [
          { class_name: "InputLayer", config: { batch_input_shape: inputShape, dtype: "float32", name: "window" } },
          { class_name: "GlobalAveragePooling1D", config: { name: "mean_over_time" } },
          { class_name: "Dense", config: { units: 2, activation: "softmax", name: "dense" } },
        ],
      },
    },
    weightsManifest: [
      {
        paths: [SHARD],
        weights: [
          { name: "dense/kernel", shape: [6, 2], dtype: "float32" },
          { name: "dense/bias", shape: [2], dtype: "float32" },
        ],
      },
    ],
  };
}

interface FolderParts {
  manifest?: string | null;
  modelJson?: string | null;
  shards?: Record<string, number>;
  name?: string;
}

let folders = 0;
/** A model folder written from parts; null leaves the file out. Defaults are the valid model. */
async function folder(parts: FolderParts = {}): Promise<string> {
  const dir = join(root, String(folders++), parts.name ?? ID);
  await mkdir(dir, { recursive: true });
  const m = parts.manifest === undefined ? JSON.stringify(manifest) : parts.manifest;
  const j = parts.modelJson === undefined ? JSON.stringify(modelJson()) : parts.modelJson;
  if (m !== null) await writeFile(join(dir, "manifest.json"), m);
  if (j !== null) await writeFile(join(dir, "model.json"), j);
  for (const [file, bytes] of Object.entries(parts.shards ?? { [SHARD]: SHARD_BYTES })) {
    await writeFile(join(dir, file), new Uint8Array(bytes));
  }
  return dir;
}

const manifestWith = (change: (m: ModelManifest) => void) => {
  const m = structuredClone(manifest);
  change(m);
  return JSON.stringify(m);
};
const modelJsonWith = (change: (j: ModelJson) => void, inputShape?: (number | null)[]) => {
  const j = modelJson(inputShape);
  change(j);
  return JSON.stringify(j);
};

async function errorsIn(dir: string): Promise<string[]> {
  const r = await modelFolderValidate(dir);
  return r.ok ? [] : r.errors;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "wristlab-models-"));
  manifest = JSON.parse(await readFile("tests/fixtures/models/raise-to-speak-demo.manifest.json", "utf8"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("modelFolderValidate", () => {
  it("accepts a complete, consistent folder and returns both parsed files", async () => {
    const r = await modelFolderValidate(await folder());
    expect(r.ok).toBe(true);
    expect(r.ok && r.manifest.id).toBe(ID);
    expect(r.ok && r.modelJson.weightsManifest[0]?.paths).toEqual([SHARD]);
  });

  it("accepts a flat layout when the model's input is flattened", async () => {
    const dir = await folder({
      manifest: manifestWith((m) => (m.input.layout = "flat")),
      modelJson: JSON.stringify(modelJson([null, 600])),
    });
    expect(await errorsIn(dir)).toEqual([]);
  });

  it("names a missing shard", async () => {
    expect(await errorsIn(await folder({ shards: {} }))).toEqual([
      "group1-shard1of1.bin is missing (listed in model.json's weightsManifest[0].paths)",
    ]);
  });

  it("names a truncated shard and the bytes it should have", async () => {
    expect(await errorsIn(await folder({ shards: { [SHARD]: 50 } }))).toEqual([
      "group1-shard1of1.bin is 50 bytes, but model.json's weights need 56",
    ]);
  });

  it("catches weights whose dtype does not match the bytes written", async () => {
    const float16 = modelJsonWith((j) => {
      for (const w of j.weightsManifest.flatMap((g) => g.weights)) w.dtype = "float16";
    });
    expect(await errorsIn(await folder({ modelJson: float16 }))).toEqual([
      "group1-shard1of1.bin is 56 bytes, but model.json's weights need 28",
    ]);
  });

  it("reports missing and corrupted JSON files", async () => {
    expect(await errorsIn(await folder({ manifest: null }))).toEqual(["manifest.json is missing"]);
    expect(await errorsIn(await folder({ modelJson: null }))).toEqual(["model.json is missing"]);
    const [error] = await errorsIn(await folder({ modelJson: '{"format": "layers-model",' }));
    expect(error).toMatch(/^model\.json is not valid JSON: /);
  });

  it("reports bad manifest fields with their paths", async () => {
    const dir = await folder({ manifest: manifestWith((m) => (m.input.normalisation as { mean: number[] }).mean.pop()) });
    expect(await errorsIn(dir)).toEqual(["manifest.json: input.normalisation.mean has 5 values but input.channels has 6"]);
  });

  it("requires the manifest's format to match model.json's", async () => {
    expect(await errorsIn(await folder({ manifest: manifestWith((m) => (m.format = "graph")) }))).toEqual([
      'manifest.json says format "graph", but model.json is a layers-model',
    ]);
    expect(await errorsIn(await folder({ modelJson: modelJsonWith((j) => (j.format = "tfjs-savedmodel")) }))).toEqual([
      'model.json: format is "tfjs-savedmodel", but only "layers-model" and "graph-model" are supported',
    ]);
  });

  it("tells a graph model from a layers model when an old export has no format", async () => {
    const graph = modelJsonWith((j) => {
      delete j.format;
      j.modelTopology = { node: [{ name: "window", op: "Placeholder" }], versions: { producer: 1 } };
    });
    expect(await errorsIn(await folder({ modelJson: graph }))).toEqual([
      'manifest.json says format "layers", but model.json is a graph-model',
    ]);
    const dir = await folder({ modelJson: graph, manifest: manifestWith((m) => (m.format = "graph")) });
    expect(await errorsIn(dir)).toEqual([]);
  });

  it("requires a layers model's input shape to match window × channels", async () => {
    const dir = await folder({ modelJson: JSON.stringify(modelJson([null, 50, 6])) });
    expect(await errorsIn(dir)).toEqual([
      `model.json's input shape is [null, 50, 6], but manifest.json's input (100 samples × 6 channels, layout "tc") needs [null, 100, 6]`,
    ]);
    const flat = await folder({ manifest: manifestWith((m) => (m.input.layout = "flat")) });
    expect(await errorsIn(flat)).toEqual([
      `model.json's input shape is [null, 100, 6], but manifest.json's input (100 samples × 6 channels flattened, layout "flat") needs [null, 600]`,
    ]);
  });

  it("reads the input shape from Keras 3 functional exports too", async () => {
    const functional = (shape: number[]) =>
      modelJsonWith((j) => {
        j.modelTopology = {
          keras_version: "3.4.1",
          model_config: {
            class_name: "Functional",
            config: { layers: [{ class_name: "InputLayer", config: { batch_shape: shape } }, { class_name: "Dense", config: {} }] },
          },
        };
      });
    expect(await errorsIn(await folder({ modelJson: functional([1, 100, 6]) }))).toEqual([]);
    expect(await errorsIn(await folder({ modelJson: functional([1, 100, 3]) }))).toEqual([
      `model.json's input shape is [1, 100, 3], but manifest.json's input (100 samples × 6 channels, layout "tc") needs [null, 100, 6]`,
    ]);
  });

  it("requires the folder name to be the manifest id", async () => {
    expect(await errorsIn(await folder({ name: "raise-v2" }))).toEqual([
      'manifest.json: id is "raise-to-speak-demo" but the folder is named "raise-v2"; they must match',
    ]);
  });

  it("lists problems in both files at once", async () => {
    const dir = await folder({ manifest: manifestWith((m) => (m.input.rateHz = 0)), shards: {} });
    expect(await errorsIn(dir)).toEqual([
      "manifest.json: input.rateHz must be at least 1",
      "group1-shard1of1.bin is missing (listed in model.json's weightsManifest[0].paths)",
    ]);
  });
});
