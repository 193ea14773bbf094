import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { manifestParse, type ModelManifest } from "@/lib/models/manifest";

const example = JSON.parse(readFileSync("tests/fixtures/models/raise-to-speak-demo.manifest.json", "utf8")) as ModelManifest;

type Standardize = { kind: "standardize"; mean: number[]; std: number[] };
/** The example's standardize normalisation, typed so tests can break it. */
const stdz = (m: ModelManifest) => m.input.normalisation as Standardize;
function label(m: ModelManifest, i: number) {
  const l = m.output.labels[i];
  if (!l) throw new Error(`the example manifest has no label ${i}`);
  return l;
}

/**
 * The README example with one change applied. Changes that no valid manifest could
 * make are written `as never`: the point is to feed the parser what the type forbids.
 */
function errorsOf(change: (m: ModelManifest) => void): string[] {
  const m = structuredClone(example);
  change(m);
  const r = manifestParse(m, "manifest.json");
  return r.ok ? [] : r.errors;
}

describe("manifestParse", () => {
  it("accepts the README example as written", () => {
    const r = manifestParse(example, "manifest.json");
    expect(r).toEqual({ ok: true, manifest: example });
  });

  it("accepts custom interactions, scale normalisation, graph format and flat layout", () => {
    const errors = errorsOf((m) => {
      m.interaction = "custom:wrist-twist";
      m.format = "graph";
      m.input.layout = "flat";
      m.input.normalisation = { kind: "scale", scale: [0.1, 0.1, 0.1, 1, 1, 1] };
      m.provenance.trainedAt = "2025-06-01T12:30:00Z";
      delete m.provenance.source;
    });
    expect(errors).toEqual([]);
  });

  it("names the field and the mismatch when normalisation does not fit the channels", () => {
    expect(errorsOf((m) => stdz(m).std.pop())).toEqual([
      "manifest.json: input.normalisation.std has 5 values but input.channels has 6",
    ]);
    expect(errorsOf((m) => (m.input.normalisation = { kind: "scale", scale: [1, 2, 3, 4, 5, 6, 7] }))).toEqual([
      "manifest.json: input.normalisation.scale has 7 values but input.channels has 6",
    ]);
    expect(errorsOf((m) => (stdz(m).std[2] = 0))).toEqual([
      "manifest.json: input.normalisation.std[2] must be more than 0",
    ]);
    expect(errorsOf((m) => (m.input.normalisation = { kind: "minmax" } as never))).toEqual([
      'manifest.json: input.normalisation.kind must be "standardize" (with mean and std) or "scale" (with scale)',
    ]);
  });

  it("rejects out-of-range input settings in plain words", () => {
    expect(errorsOf((m) => (m.input.rateHz = 2000))).toEqual(["manifest.json: input.rateHz must be at most 1000"]);
    expect(errorsOf((m) => (m.input.rateHz = 0.5))).toEqual(["manifest.json: input.rateHz must be at least 1"]);
    expect(errorsOf((m) => (m.input.windowSamples = 5000))).toEqual(["manifest.json: input.windowSamples must be at most 4096"]);
    expect(errorsOf((m) => (m.input.windowSamples = 99.5))).toEqual(["manifest.json: input.windowSamples must be a whole number"]);
    expect(errorsOf((m) => (m.input.hopSamples = 101))).toEqual([
      "manifest.json: input.hopSamples is 101 but must not exceed input.windowSamples (100), or samples would be skipped",
    ]);
    expect(errorsOf((m) => (m.input.hopSamples = 0))).toEqual(["manifest.json: input.hopSamples must be at least 1"]);
  });

  it("rejects unknown and repeated channels", () => {
    expect(errorsOf((m) => (m.input.channels[1] = "orientBeta" as never))).toEqual([
      "manifest.json: input.channels[1] must be one of accelGX, accelGY, accelGZ, accelX, accelY, accelZ, gyroX, gyroY, gyroZ, accelGNorm, accelNorm, gyroNorm",
    ]);
    expect(errorsOf((m) => (m.input.channels[5] = "gyroX"))).toEqual(["manifest.json: input.channels lists gyroX more than once"]);
    expect(errorsOf((m) => (m.input.channels = []))).toEqual(["manifest.json: input.channels must have at least 1 value"]);
  });

  it("needs exactly one background label and distinct label names", () => {
    expect(errorsOf((m) => (label(m, 1).role = "background"))).toEqual([
      'manifest.json: output.labels must have exactly one label with role "background", found 2',
    ]);
    expect(errorsOf((m) => (label(m, 0).role = "event"))).toEqual([
      'manifest.json: output.labels must have exactly one label with role "background", found 0',
    ]);
    expect(errorsOf((m) => m.output.labels.push({ name: "raise", role: "event" }))).toEqual([
      "manifest.json: output.labels lists raise more than once",
    ]);
    expect(errorsOf((m) => (label(m, 1).role = "gesture" as never))).toEqual([
      'manifest.json: output.labels[1].role must be "event" or "background"',
    ]);
  });

  it("checks version, id, interaction, format, decision and provenance", () => {
    expect(errorsOf((m) => (m.manifestVersion = 2 as never))).toEqual(["manifest.json: manifestVersion must be 1"]);
    expect(errorsOf((m) => (m.id = "Raise To Speak"))).toEqual([
      "manifest.json: id must be 1-64 lower-case letters, digits or dashes",
    ]);
    expect(errorsOf((m) => (m.interaction = "custom:" as never))).toEqual([
      "manifest.json: interaction must be one of raise-to-speak, double-tap, flick, handwash, tap or custom:<name> (lower-case letters, digits, dashes)",
    ]);
    expect(errorsOf((m) => (m.format = "tflite" as never))).toEqual(['manifest.json: format must be "layers" or "graph"']);
    expect(errorsOf((m) => (m.decision.thresholdProb = 0))).toEqual(["manifest.json: decision.thresholdProb must be more than 0"]);
    expect(errorsOf((m) => (m.decision.refractoryMs = -1))).toEqual(["manifest.json: decision.refractoryMs must be at least 0"]);
    expect(errorsOf((m) => (m.provenance.trainedAt = "last week"))).toEqual([
      "manifest.json: provenance.trainedAt must be a date like 2025-06-01",
    ]);
    expect(errorsOf((m) => (m.provenance.metrics = { f1: "high" } as never))).toEqual(["manifest.json: provenance.metrics.f1 must be a number"]);
  });

  it("reports missing fields, typos and non-objects", () => {
    expect(errorsOf((m) => Reflect.deleteProperty(m, "decision"))).toEqual(["manifest.json: decision is missing"]);
    expect(errorsOf((m) => Object.assign(m.input, { rateHZ: m.input.rateHz }))).toEqual([
      "manifest.json: input has unknown field rateHZ (a typo?)",
    ]);
    expect(manifestParse([], "manifest.json")).toEqual({ ok: false, errors: ["manifest.json: must be an object"] });
  });

  it("lists every independent problem at once", () => {
    const errors = errorsOf((m) => {
      Reflect.deleteProperty(m, "name");
      m.input.rateHz = 0;
      m.decision.smoothingWindows = 100;
    });
    expect(errors).toEqual([
      "manifest.json: name is missing",
      "manifest.json: input.rateHz must be at least 1",
      "manifest.json: decision.smoothingWindows must be at most 64",
    ]);
  });
});
