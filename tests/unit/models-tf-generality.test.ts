import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelName } from "@/lib/models/channels";
import type { InteractionEvent } from "@/lib/models/detector";
import { DetectorRunner } from "@/lib/models/detector-runner";
import { modelFilesRead } from "@/lib/models/model-files-read";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfDetectorLoad } from "@/lib/models/tf-detector";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";
import { motionGenerate, type MotionName } from "@/lib/sim/motion-generator";
import { tinyModelFolderWrite, type TinyModelOptions } from "@/tests/support/tiny-models";

/**
 * Checkpoints the runtime has never seen, described only by their manifests, run on a
 * simulated 60 Hz phone stream and turned into events. The models score the window
 * mean of |gyro| (a raise swings the forearm at ~2-5 rad/s, rest is ~0.03 rad/s), so
 * each simulated raise should give exactly one event and rest none.
 */

const STREAM_RATE_HZ = 60;
const CHANNELS: ChannelName[] = ["accelGX", "accelGY", "accelGZ", "gyroX", "gyroY", "gyroNorm"];

const COMMON: TinyModelOptions = {
  interaction: "raise-to-speak",
  channels: CHANNELS,
  labels: [
    { name: "rest", role: "background" },
    { name: "raise", role: "event" },
  ],
  behaviour: { kind: "channel-mean", channel: "gyroNorm", gain: 10, bias: -3 },
  decision: { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 1500 },
};

const MODELS: { title: string; opts: TinyModelOptions }[] = [
  {
    title: "a layers model with a flattened input of 30 samples × 6 channels at 25 Hz",
    opts: { ...COMMON, id: "flat-25hz", format: "layers", layout: "flat", windowSamples: 30, hopSamples: 5, rateHz: 25 },
  },
  {
    title: "a graph model with a [T, C] input of 40 samples × 6 channels at 40 Hz",
    opts: { ...COMMON, id: "graph-40hz", format: "graph", layout: "tc", windowSamples: 40, hopSamples: 8, rateHz: 40 },
  },
];

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "wristlab-generality-"));
  await tfBackendInit(["webgl", "wasm", "cpu"], { wasmPath: tfWasmDistPath() });
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function eventsOn(opts: TinyModelOptions, motion: MotionName): Promise<{ events: InteractionEvent[]; segments: { startMs: number; endMs: number }[] }> {
  const dir = join(root, `${opts.id}-${motion}`);
  await tinyModelFolderWrite(dir, { ...opts, id: undefined });
  const read = await modelFilesRead(dir);
  if (!read.ok) throw new Error(read.errors.join("\n"));
  const detector = await tfDetectorLoad(read.files, { version: 3 });
  const events: InteractionEvent[] = [];
  let lastMs = 0;
  const runner = new DetectorRunner(detector, { deviceId: "sim-1", nowMs: () => lastMs, onEvent: (e) => events.push(e) });
  const track = motionGenerate({ motion, seconds: 20, rateHz: STREAM_RATE_HZ, seed: 5, startTimeMs: 1_700_000_000_000 });
  for (const s of track.samples) {
    lastMs = s[0];
    runner.push(s[0], s);
  }
  expect(runner.stats.windows).toBeGreaterThan(0);
  detector.dispose();
  return { events, segments: track.segments };
}

describe("models made in a test run from their manifests alone", () => {
  for (const { title, opts } of MODELS) {
    it(`${title}: one event per simulated raise, on the 60 Hz stream`, async () => {
      const { events, segments } = await eventsOn(opts, "raise");
      expect(segments.length).toBeGreaterThanOrEqual(5);
      expect(events).toHaveLength(segments.length);
      const dir = `${opts.id}-raise`;
      events.forEach((e, i) => {
        const seg = segments[i]!;
        expect(e).toMatchObject({ interaction: "raise-to-speak", label: "raise", detectorId: `model:${dir}@3`, deviceId: "sim-1" });
        // The window that fired overlaps the raise it reports, and the decision came at its end.
        expect(e.tStartMs).toBeLessThan(seg.endMs);
        expect(e.tEndMs).toBeGreaterThan(seg.startMs);
        expect(e.tEndMs - e.tStartMs).toBeCloseTo(((opts.windowSamples! - 1) * 1000) / opts.rateHz!, -1);
        expect(e.detectedAtMs).toBeGreaterThanOrEqual(e.tEndMs);
        expect(e.confidence).toBeGreaterThanOrEqual(0.5);
      });
    });

    it(`${title}: no event while the arm rests`, async () => {
      const { events } = await eventsOn(opts, "idle");
      expect(events).toEqual([]);
    });
  }
});
