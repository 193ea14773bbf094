import { beforeAll, describe, expect, it } from "vitest";
import { samplesPack, type MotionRecording } from "@/lib/data/motion-recording";
import { manifestParse } from "@/lib/models/manifest";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfDetectorLoad } from "@/lib/models/tf-detector";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";
import { motionGenerate } from "@/lib/sim/motion-generator";
import { convGradKernelRegister } from "@/lib/training/conv1d-grad-kernel";
import { teachSlug, teachTrain } from "@/lib/training/teach";

/** What the teach panel hands over: 2 s clips around simulated flicks, labelled by name, and walking as "anything else". */
function examples(): MotionRecording[] {
  const run = motionGenerate({ motion: "flick", seconds: 16, rateHz: 60, seed: 4 });
  return run.segments.slice(0, 5).map((seg, i) => {
    const rows = run.samples.filter((s) => s[0] >= seg.startMs - 800 && s[0] < seg.endMs + 800);
    return {
      id: `example-${i}`,
      group: `example-${i}`,
      source: "test",
      samples: samplesPack(rows),
      length: rows.length,
      segments: [{ label: "flick again", tStartMs: seg.startMs, tEndMs: seg.endMs }],
    };
  });
}

function other(): MotionRecording {
  const run = motionGenerate({ motion: "walk", seconds: 15, rateHz: 60, seed: 5 });
  return { id: "other", group: "other", source: "test", samples: samplesPack(run.samples), length: run.samples.length, segments: [] };
}

beforeAll(async () => {
  convGradKernelRegister();
  await tfBackendInit(["wasm"], { wasmPath: tfWasmDistPath() });
});

describe("teachTrain", () => {
  it("turns a few examples and other motion into a checkpoint the runtime loads", async () => {
    const ex = examples();
    expect(ex.length).toBe(5);
    const result = await teachTrain({ name: "Flick again", examples: ex, others: [other()], epochs: 4 });
    const parsed = manifestParse(result.files.manifest);
    expect(parsed.ok).toBe(true);
    expect(result.files.manifest).toMatchObject({ id: "taught-flick-again", interaction: "custom:flick-again", format: "layers" });
    expect(result.files.manifest.output.labels.map((l) => l.name)).toEqual(["background", "flick-again"]);
    expect(result.epochs).toBeGreaterThan(0);
    const detector = await tfDetectorLoad(result.files, { version: 1 });
    const { windowSamples, channels } = detector.spec.input;
    const probs = detector.score(new Float32Array(windowSamples * channels.length), 0);
    expect(probs.length).toBe(2);
    expect(probs[0]! + probs[1]!).toBeCloseTo(1, 4);
    detector.dispose();
  }, 60_000);

  it("asks for enough examples and for other motion", async () => {
    await expect(teachTrain({ name: "x", examples: examples().slice(0, 2), others: [other()] })).rejects.toThrow(/at least 3 examples/);
    await expect(teachTrain({ name: "x", examples: examples(), others: [] })).rejects.toThrow(/other motion/);
  });

  it("makes ids from any name", () => {
    expect(teachSlug("  Wave, hello! ")).toBe("wave-hello");
    expect(teachSlug("!!!")).toBe("gesture");
  });
});
