import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointFiles } from "@/lib/models/checkpoint-files";
import { checkpointWrite } from "@/lib/models/checkpoint-write";
import { modelFilesArtifacts } from "@/lib/models/model-files";
import { modelFilesRead } from "@/lib/models/model-files-read";
import { modelFolderValidate } from "@/lib/models/model-folder";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfDetectorLoad } from "@/lib/models/tf-detector";
import { tinyCnnModel, tinyLayersModel, tinyManifest } from "@/tests/support/tiny-models";

let root: string;

beforeAll(async () => {
  await tfBackendInit(["cpu"]);
  root = await mkdtemp(join(tmpdir(), "wristlab-checkpoint-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const CNN_MANIFEST = tinyManifest({ id: "cnn", layout: "tc", windowSamples: 100, rateHz: 50 });

/** A deterministic, non-constant [100, 6] window. */
function window(phase: number): Float32Array {
  return Float32Array.from({ length: 600 }, (_, i) => Math.sin(i * 0.37 + phase) * (1 + (i % 6)));
}

describe("checkpointWrite", () => {
  it("writes a folder that validates, holding exactly the three files, the shard sized by the parameters", async () => {
    const cnn = tinyCnnModel();
    const dir = join(root, "cnn");
    await checkpointWrite(dir, cnn, CNN_MANIFEST);
    expect((await readdir(dir)).sort()).toEqual(["group1-shard1of1.bin", "manifest.json", "model.json"]);
    expect((await stat(join(dir, "group1-shard1of1.bin"))).size).toBe(cnn.countParams() * 4);
    const checked = await modelFolderValidate(dir);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"))).toEqual(CNN_MANIFEST);
    cnn.dispose();
  });

  it("round-trips: the detector loaded from the folder scores exactly as the model that was saved", async () => {
    const cnn = tinyCnnModel({ seed: 4 });
    const dir = join(root, "cnn-round-trip");
    await checkpointWrite(dir, cnn, { ...CNN_MANIFEST, id: "cnn-round-trip" });
    const read = await modelFilesRead(dir);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const detector = await tfDetectorLoad(read.files, { version: 1 });
    for (const phase of [0, 1, 2]) {
      const expected = tf.tidy(() => Array.from((cnn.predict(tf.tensor3d(window(phase), [1, 100, 6])) as tf.Tensor).dataSync()));
      // The manifest's normalisation is scale 1, so the detector feeds the window unchanged.
      Array.from(detector.score(window(phase), 0)).forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 6));
    }
    detector.dispose();
    cnn.dispose();
  });

  it("keeps every weight bit for bit through ModelFiles", async () => {
    const cnn = tinyCnnModel({ seed: 9 });
    const files = await checkpointFiles(cnn, CNN_MANIFEST);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(modelFilesArtifacts(files)));
    const before = cnn.getWeights().map((w) => Array.from(w.dataSync()));
    const after = loaded.getWeights().map((w) => Array.from(w.dataSync()));
    expect(after).toEqual(before);
    expect(before.flat().some((v) => v !== 0)).toBe(true);
    cnn.dispose();
    loaded.dispose();
  });

  it("replaces an earlier version in place, leaving no temporary files", async () => {
    const dir = join(root, "versions");
    const manifest = tinyManifest({ id: "versions" });
    const v1 = tinyLayersModel({ behaviour: { kind: "constant", prob: 0.2 } });
    const v2 = tinyLayersModel({ behaviour: { kind: "constant", prob: 0.95 } });
    await checkpointWrite(dir, v1, manifest);
    await checkpointWrite(dir, v2, manifest);
    expect((await readdir(dir)).filter((f) => f.endsWith(".partial"))).toEqual([]);
    const read = await modelFilesRead(dir);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const detector = await tfDetectorLoad(read.files, { version: 2 });
    expect(detector.score(new Float32Array(180), 0)[1]).toBeCloseTo(0.95, 5);
    detector.dispose();
    v1.dispose();
    v2.dispose();
  });

  it("refuses a manifest that says graph for a layers model", async () => {
    const model = tinyLayersModel();
    await expect(checkpointFiles(model, tinyManifest({ format: "graph" }))).rejects.toThrow(`manifest.json says format "graph"`);
    model.dispose();
  });
});
