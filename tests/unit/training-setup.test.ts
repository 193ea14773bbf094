import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { MotionDataset, MotionRecording } from "@/lib/data/motion-recording";
import { SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { cnnModelCreate } from "@/lib/training/cnn-model";
import { EpochSampler } from "@/lib/training/epoch-sampler";
import { CUSTOM_PRESET, INTERACTION_PRESETS } from "@/lib/training/interaction-presets";
import { EVERYDAY_NEGATIVES, SYNTH_RECIPES, synthDataset, synthDescription, synthSeeds } from "@/lib/training/synthetic-data";
import { inputPlan, labelPlan, presetFor } from "@/lib/training/train-setup";

describe("synthetic data", () => {
  it("draws train and test seeds from disjoint ranges", () => {
    const train = synthSeeds("train", 500);
    const test = synthSeeds("test", 500);
    expect(train.filter((s) => test.includes(s))).toEqual([]);
    expect(new Set(train).size).toBe(500);
    expect(() => synthSeeds("train", 0)).toThrow(RangeError);
    expect(() => synthSeeds("train", 1e6)).toThrow(RangeError);
  });

  it("mixes every everyday negative and the other gestures into each interaction's data", () => {
    for (const [interaction, recipe] of Object.entries(SYNTH_RECIPES)) {
      for (const motion of ["idle", "walk", "typing", "swing", "random", "shake"] as const) expect(recipe.negatives).toContain(motion);
      expect(recipe.negatives).not.toContain(recipe.positive);
      const gestures = ["raise", "double-tap", "flick", "scrub", "tap"].filter((g) => g !== recipe.positive);
      for (const g of gestures) expect(recipe.negatives).toContain(g);
      expect(recipe.eventLabel).toBe(interaction);
    }
    expect(EVERYDAY_NEGATIVES).toHaveLength(6);
  });

  it("makes one group per seed, positives labelled by the simulator, deterministic", () => {
    const opts = { interaction: "raise-to-speak" as const, seeds: [7, 8], negativeSeconds: 3, positiveSeconds: 12, negatives: ["walk", "typing"] as const };
    const a = synthDataset(opts);
    expect(a.recordings.map((r) => r.id)).toEqual([
      "synthetic/raise#7",
      "synthetic/walk#7",
      "synthetic/typing#7",
      "synthetic/raise#8",
      "synthetic/walk#8",
      "synthetic/typing#8",
    ]);
    expect(a.recordings.map((r) => r.group)).toEqual(["seed:7", "seed:7", "seed:7", "seed:8", "seed:8", "seed:8"]);
    const raise = a.recordings[0]!;
    expect(raise.segments.map((s) => s.label)).toContain("raise");
    expect(raise.segments.map((s) => s.label)).toContain("lower");
    expect(SYNTH_RECIPES["raise-to-speak"].labelMap).toEqual({ raise: "raise-to-speak" });
    const walk = a.recordings[1]!;
    expect(walk.segments).toEqual([{ label: "walk", tStartMs: walk.segments[0]!.tStartMs, tEndMs: walk.segments[0]!.tStartMs + 3000 }]);
    expect(walk.samples[0]!).toBeGreaterThan(walk.segments[0]!.tStartMs);
    for (const r of a.recordings) {
      expect(r.samples.length).toBe(r.length * SAMPLE_WIDTH);
      for (let i = 1; i < r.length; i++) expect(r.samples[i * SAMPLE_WIDTH]!).toBeGreaterThan(r.samples[(i - 1) * SAMPLE_WIDTH]!);
    }
    const b = synthDataset(opts);
    expect(b.recordings.map((r) => Array.from(r.samples.subarray(0, 200)))).toEqual(a.recordings.map((r) => Array.from(r.samples.subarray(0, 200))));
    expect(synthDescription(opts)).toMatch(/SYNTHETIC.*2 seeds \(7-8\).*walk, typing.*retrain on recorded data/);
  });
});

function clip(id: string, label: string): MotionRecording {
  const length = 119;
  const samples = new Float64Array(length * SAMPLE_WIDTH);
  for (let i = 0; i < length; i++) samples[i * SAMPLE_WIDTH] = i * (1000 / 119);
  return { id, group: id, source: "test", samples, length, segments: [{ label, tStartMs: 0, tEndMs: 1000 }] };
}

const CLIPS: MotionDataset = { name: "clips", recordings: [clip("a", "punch"), clip("b", "flex"), clip("c", "idle")] };

describe("labelPlan", () => {
  it("keeps a custom interaction's labels, leaving out the ones that mean background", () => {
    expect(labelPlan("custom:punch-flex", CLIPS)).toEqual({ eventLabels: ["flex", "punch"], labelMap: {} });
    expect(labelPlan("custom:punch-flex", CLIPS, ["punch"])).toEqual({ eventLabels: ["punch"], labelMap: {} });
  });

  it("maps the one label a built-in interaction learns onto its name", () => {
    expect(labelPlan("flick", CLIPS, ["punch"])).toEqual({ eventLabels: ["flick"], labelMap: { punch: "flick" } });
    const named: MotionDataset = { name: "taps", recordings: [clip("a", "double-tap"), clip("b", "walk")] };
    expect(labelPlan("double-tap", named)).toEqual({ eventLabels: ["double-tap"], labelMap: {} });
  });

  it("says what is wrong in words", () => {
    expect(() => labelPlan("flick", CLIPS)).toThrow(/several labels \(flex, punch\).*--labels/);
    expect(() => labelPlan("flick", CLIPS, ["kick"])).toThrow(/kick not found in clips; its labels are: flex, idle, punch/);
  });
});

describe("inputPlan", () => {
  it("takes the interaction's preset, with overrides", () => {
    expect(presetFor("double-tap")).toBe(INTERACTION_PRESETS["double-tap"]);
    expect(presetFor("custom:wave")).toBe(CUSTOM_PRESET);
    const plan = inputPlan(presetFor("flick"), { rateHz: 100, hopSamples: 10, channels: ["gyroX", "gyroNorm"] });
    expect(plan.input).toEqual({ rateHz: 100, windowSamples: 50, hopSamples: 10, channels: ["gyroX", "gyroNorm"] });
    expect(plan.notes).toEqual([]);
  });

  it("shrinks the window to fit short clips, unless the window was given", () => {
    const plan = inputPlan(CUSTOM_PRESET, {}, CLIPS);
    // ~0.99 s clips at 50 Hz: 85 % of 49.6 frames.
    expect(plan.input.windowSamples).toBe(42);
    expect(plan.notes[0]).toMatch(/window shortened to 42 samples/);
    expect(inputPlan(CUSTOM_PRESET, { windowSamples: 50 }, CLIPS).input.windowSamples).toBe(50);
  });

  it("rejects what cannot work", () => {
    expect(() => inputPlan(CUSTOM_PRESET, { channels: ["accelQ"] })).toThrow(/accelQ/);
    expect(() => inputPlan(CUSTOM_PRESET, { windowSamples: 20, hopSamples: 30 })).toThrow(/--hop/);
    expect(() => inputPlan(CUSTOM_PRESET, { rateHz: 0 })).toThrow(/--rate/);
    expect(() => inputPlan(CUSTOM_PRESET, { windowSamples: 2.5 })).toThrow(/--window/);
  });
});

describe("cnnModelCreate", () => {
  beforeAll(async () => {
    await tfBackendInit(["cpu"]);
  });

  it("is small, seeded, and outputs one probability per class", () => {
    const a = cnnModelCreate({ windowSamples: 100, channels: 6, classes: 2, seed: 3 });
    const b = cnnModelCreate({ windowSamples: 100, channels: 6, classes: 2, seed: 3 });
    const c = cnnModelCreate({ windowSamples: 100, channels: 6, classes: 2, seed: 4 });
    expect(a.countParams()).toBeGreaterThanOrEqual(3000);
    expect(a.countParams()).toBeLessThanOrEqual(10_000);
    const weights = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    expect(weights(b)).toEqual(weights(a));
    expect(weights(c)).not.toEqual(weights(a));
    const probs = tf.tidy(() => Array.from((a.predict(tf.randomNormal([3, 100, 6], 0, 1, "float32", 1)) as tf.Tensor).dataSync()));
    expect(probs).toHaveLength(6);
    for (let k = 0; k < 3; k++) expect(probs[2 * k]! + probs[2 * k + 1]!).toBeCloseTo(1, 5);
    [a, b, c].forEach((m) => m.dispose());
  });
});

describe("EpochSampler", () => {
  // 10 event windows (labels 1) and 200 background windows (label 0), window i at index i.
  const labels = Int32Array.from({ length: 210 }, (_, i) => (i < 10 ? 1 : 0));
  const indices = Int32Array.from({ length: 210 }, (_, i) => i);

  it("takes every event and three times as many distinct background windows, shuffled", () => {
    const sampler = new EpochSampler(indices, labels, 3, 1);
    const epoch = sampler.next();
    expect(epoch).toHaveLength(40);
    expect(new Set(epoch).size).toBe(40);
    expect(Array.from(epoch).filter((i) => i < 10).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(epoch.subarray(0, 10)).every((i) => i < 10)).toBe(false);
  });

  it("comes round to every background window within a few epochs", () => {
    const sampler = new EpochSampler(indices, labels, 3, 2);
    const seen = new Set<number>();
    for (let e = 0; e < 7; e++) for (const i of sampler.next()) seen.add(i);
    expect(seen.size).toBe(210);
  });

  it("always includes the hard negatives once told which they are, and half the slots stay uniform", () => {
    const sampler = new EpochSampler(indices, labels, 3, 3);
    const hard = [17, 42, 99, 150, 203];
    sampler.hardnessSet(Float32Array.from(sampler.background, (i) => (hard.includes(i) ? 2 : 0)));
    for (let e = 0; e < 5; e++) {
      const epoch = Array.from(sampler.next());
      for (const h of hard) expect(epoch).toContain(h);
      expect(epoch).toHaveLength(40);
    }
    expect(() => sampler.hardnessSet(new Float32Array(3))).toThrow(RangeError);
  });

  it("is the same for the same seed", () => {
    const a = new EpochSampler(indices, labels, 3, 9);
    const b = new EpochSampler(indices, labels, 3, 9);
    expect(Array.from(a.next())).toEqual(Array.from(b.next()));
  });
});
