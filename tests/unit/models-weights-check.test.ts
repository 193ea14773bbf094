import { describe, expect, it } from "vitest";
import { modelJsonParse, weightBytes, weightsCheck, type ModelJson, type WeightEntry } from "@/lib/models/weights-check";

const dense = (over: Partial<WeightEntry> = {}): WeightEntry[] => [
  { name: "dense/kernel", shape: [6, 2], dtype: "float32", ...over },
  { name: "dense/bias", shape: [2], dtype: "float32", ...over },
];

function modelJson(groups: ModelJson["weightsManifest"]): ModelJson {
  return { format: "layers-model", modelTopology: { class_name: "Sequential" }, weightsManifest: groups };
}

/** Shard sizes as a lookup; absent names are missing files. */
const sizes =
  (table: Record<string, number>) =>
  (path: string): number | null =>
    table[path] ?? null;

describe("weightBytes", () => {
  it("uses TF.js bytes per element for each dtype", () => {
    const entry = (dtype: WeightEntry["dtype"]): WeightEntry => ({ name: "w", shape: [3, 4], dtype });
    expect(weightBytes(entry("float32"))).toEqual({ bytes: 48, exact: true });
    expect(weightBytes(entry("int32"))).toEqual({ bytes: 48, exact: true });
    expect(weightBytes(entry("float16"))).toEqual({ bytes: 24, exact: true });
    expect(weightBytes(entry("bool"))).toEqual({ bytes: 12, exact: true });
    expect(weightBytes(entry("complex64"))).toEqual({ bytes: 96, exact: true });
    expect(weightBytes({ name: "scalar", shape: [], dtype: "float32" })).toEqual({ bytes: 4, exact: true });
  });

  it("sizes quantized weights by the quantization dtype, and strings only from below", () => {
    const w: WeightEntry = { name: "w", shape: [3, 4], dtype: "float32" };
    expect(weightBytes({ ...w, quantization: { dtype: "uint8", scale: 0.01, min: -1 } })).toEqual({ bytes: 12, exact: true });
    expect(weightBytes({ ...w, quantization: { dtype: "uint16", scale: 0.01, min: -1 } })).toEqual({ bytes: 24, exact: true });
    expect(weightBytes({ ...w, quantization: { dtype: "float16" } })).toEqual({ bytes: 24, exact: true });
    expect(weightBytes({ ...w, dtype: "string" })).toEqual({ bytes: 48, exact: false });
  });
});

describe("weightsCheck", () => {
  const one = modelJson([{ paths: ["group1-shard1of1.bin"], weights: dense() }]);

  it("passes when the shard is exactly as large as the weights", () => {
    expect(weightsCheck(one, sizes({ "group1-shard1of1.bin": 56 }))).toEqual([]);
  });

  it("names the file whose size is wrong", () => {
    expect(weightsCheck(one, sizes({ "group1-shard1of1.bin": 40 }))).toEqual([
      "group1-shard1of1.bin is 40 bytes, but model.json's weights need 56",
    ]);
    expect(weightsCheck(one, sizes({ "group1-shard1of1.bin": 60 }))).toEqual([
      "group1-shard1of1.bin is 60 bytes, but model.json's weights need 56",
    ]);
  });

  it("names missing shards", () => {
    expect(weightsCheck(one, sizes({}))).toEqual([
      "group1-shard1of1.bin is missing (listed in model.json's weightsManifest[0].paths)",
    ]);
  });

  it("adds up a group's shards, since TF.js concatenates them", () => {
    const two = modelJson([{ paths: ["g1-s1of2.bin", "g1-s2of2.bin"], weights: dense() }]);
    expect(weightsCheck(two, sizes({ "g1-s1of2.bin": 32, "g1-s2of2.bin": 24 }))).toEqual([]);
    expect(weightsCheck(two, sizes({ "g1-s1of2.bin": 32, "g1-s2of2.bin": 20 }))).toEqual([
      "g1-s1of2.bin + g1-s2of2.bin are 52 bytes in total, but model.json's weights need 56",
    ]);
  });

  it("checks each group on its own", () => {
    const groups = modelJson([
      { paths: ["a.bin"], weights: dense() },
      { paths: ["b.bin"], weights: dense({ quantization: { dtype: "uint8", scale: 0.1, min: 0 } }) },
    ]);
    expect(weightsCheck(groups, sizes({ "a.bin": 56, "b.bin": 14 }))).toEqual([]);
    expect(weightsCheck(groups, sizes({ "a.bin": 56, "b.bin": 56 }))).toEqual(["b.bin is 56 bytes, but model.json's weights need 14"]);
  });

  it("accepts longer shards for string weights, whose size shape cannot fix", () => {
    const strings = modelJson([{ paths: ["s.bin"], weights: [{ name: "vocab", shape: [2], dtype: "string" }] }]);
    expect(weightsCheck(strings, sizes({ "s.bin": 20 }))).toEqual([]);
    expect(weightsCheck(strings, sizes({ "s.bin": 6 }))).toEqual(["s.bin is 6 bytes, but model.json's weights need at least 8"]);
  });
});

describe("modelJsonParse", () => {
  const valid = { format: "layers-model", modelTopology: {}, weightsManifest: [{ paths: ["w.bin"], weights: dense() }] };
  const errorsOf = (json: unknown) => {
    const r = modelJsonParse(json, "model.json");
    return r.ok ? [] : r.errors;
  };

  it("accepts TF.js output and keeps fields it does not know", () => {
    const r = modelJsonParse({ ...valid, generatedBy: "keras v2.15", convertedBy: "TensorFlow.js Converter v4.22.0" }, "model.json");
    expect(r.ok && r.modelJson.generatedBy).toBe("keras v2.15");
  });

  it("names the broken field", () => {
    expect(errorsOf({ ...valid, weightsManifest: undefined })).toEqual(["model.json: weightsManifest is missing"]);
    expect(errorsOf({ ...valid, weightsManifest: [{ paths: [], weights: [] }] })).toEqual([
      "model.json: weightsManifest[0].paths must have at least 1 value",
    ]);
    expect(errorsOf({ ...valid, weightsManifest: [{ paths: ["w.bin"], weights: dense({ dtype: "float64" as "float32" }) }] })).toEqual([
      'model.json: weightsManifest[0].weights[0].dtype must be "float32" or "float16" or "int32" or "bool" or "string" or "complex64"',
      'model.json: weightsManifest[0].weights[1].dtype must be "float32" or "float16" or "int32" or "bool" or "string" or "complex64"',
    ]);
    expect(errorsOf({ ...valid, weightsManifest: [{ paths: ["w.bin"], weights: [{ name: "k", shape: [6, -2], dtype: "float32" }] }] })).toEqual([
      "model.json: weightsManifest[0].weights[0].shape[1] must be at least 0",
    ]);
  });

  it("needs scale and min to decode integer quantization", () => {
    const weights = [{ name: "k", shape: [2], dtype: "float32", quantization: { dtype: "uint8" } }];
    expect(errorsOf({ ...valid, weightsManifest: [{ paths: ["w.bin"], weights }] })).toEqual([
      "model.json: weightsManifest[0].weights[0].quantization is uint8 but lacks scale or min",
    ]);
  });

  it("refuses shard paths that leave the model folder", () => {
    for (const path of ["../other/w.bin", "/etc/passwd", "a\\..\\b.bin"]) {
      expect(errorsOf({ ...valid, weightsManifest: [{ paths: [path], weights: [] }] })).toEqual([
        "model.json: weightsManifest[0].paths[0] must be a file inside the model folder",
      ]);
    }
  });
});
