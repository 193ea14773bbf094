import { pathToFileURL } from "node:url";
import { checkpointFiles } from "../lib/models/checkpoint-files";
import { channelValue } from "../lib/models/channels";
import type { Detector } from "../lib/models/detector";
import { DetectorRunner } from "../lib/models/detector-runner";
import type { ModelFiles } from "../lib/models/model-files";
import { tfBackendInit, type TfBackendName } from "../lib/models/tf-backend";
import { tfDetectorLoad } from "../lib/models/tf-detector";
import { tfWasmDistPath } from "../lib/models/tf-wasm-dist-path";
import type { SampleTuple } from "../lib/protocol/sample";
import { motionGenerate } from "../lib/sim/motion-generator";
import { percentileOfSorted } from "../lib/stream/percentile";
import { HEURISTICS, heuristicCreate } from "../lib/models/heuristics";
import { tinyCnnModel, tinyManifest, tinyModelFiles, type TinyModelOptions } from "../tests/support/tiny-models";

/**
 * `npx tsx scripts/bench-models.ts`: the live model runtime's cost in Node, on the
 * wasm and cpu backends (Node has no webgl).
 *
 * - Per window: `Detector.score` (normalise, tensor, predict, read back) of a 1D CNN
 *   of the size the project ships ([100, 6] at 50 Hz, ~3k parameters) and of tiny
 *   dense models over a flattened 30 × 6 window, layers and graph.
 * - Sample to event: on a simulated 60 Hz walk, the time from `DetectorRunner.push` of
 *   the sample that completes a window to the runner's `onEvent` for that window,
 *   over the windows that fire. The threshold is set at the median of the model's own
 *   scores on that stream, so the untrained CNN fires often enough to measure.
 *
 * Goals (issue 4): under 1 ms per window on wasm, under 5 ms from a window's last
 * sample to its event.
 */

const BACKENDS: readonly TfBackendName[] = ["wasm", "cpu"];
const WARMUP_WINDOWS = 200;
const TIMED_WINDOWS = 2000;
const PIPELINE_WINDOWS = 4000;
const STREAM_RATE_HZ = 60;

interface BenchModel {
  name: string;
  files: () => Promise<ModelFiles>;
}

export interface WindowLatency {
  model: string;
  backend: TfBackendName;
  windows: number;
  msP50: number;
  msP99: number;
}

export interface SampleToEvent {
  model: string;
  backend: TfBackendName;
  events: number;
  msP50: number;
  msP99: number;
}

export interface ModelsBenchResult {
  node: string;
  windowLatency: WindowLatency[];
  /** The rule-based detectors, which need no TF.js backend. */
  heuristicWindowLatency: Omit<WindowLatency, "backend">[];
  sampleToEvent: SampleToEvent[];
}

/** Scores the window mean of gyroZ, which swings with every step, so its events come and go. */
const DENSE: TinyModelOptions = {
  layout: "flat",
  windowSamples: 30,
  hopSamples: 3,
  rateHz: 25,
  behaviour: { kind: "channel-mean", channel: "gyroZ", gain: 4, bias: 0 },
};

const MODELS: BenchModel[] = [
  {
    name: "1D CNN [100, 6] @ 50 Hz, 3,154 params",
    files: async () => {
      const cnn = tinyCnnModel();
      const manifest = tinyManifest({ id: "bench-cnn", layout: "tc", windowSamples: 100, hopSamples: 5, rateHz: 50 });
      const files = await checkpointFiles(cnn, manifest);
      cnn.dispose();
      return files;
    },
  },
  {
    name: "dense [30 × 6 flat] @ 25 Hz, layers",
    files: () => tinyModelFiles({ ...DENSE, format: "layers" }),
  },
  {
    name: "dense [30 × 6 flat] @ 25 Hz, graph",
    files: () => tinyModelFiles({ ...DENSE, format: "graph" }),
  },
];

function percentiles(ms: number[]): { msP50: number; msP99: number } {
  const sorted = Float64Array.from(ms).sort();
  return { msP50: percentileOfSorted(sorted, 50), msP99: percentileOfSorted(sorted, 99) };
}

/** Consecutive windows of the detector's channels cut from a simulated walk, so inputs vary as they would live. */
function streamWindows(detector: Detector, count: number): Float32Array[] {
  const { windowSamples, channels } = detector.spec.input;
  const samples = motionGenerate({ motion: "walk", seconds: 20, rateHz: STREAM_RATE_HZ, seed: 8 }).samples;
  return Array.from({ length: count }, (_, w) => {
    const window = new Float32Array(windowSamples * channels.length);
    for (let t = 0; t < windowSamples; t++) {
      const sample = samples[(w * 7 + t) % samples.length]!;
      channels.forEach((c, i) => (window[t * channels.length + i] = channelValue(sample, c)));
    }
    return window;
  });
}

function windowLatency(detector: Detector): { msP50: number; msP99: number } {
  const windows = streamWindows(detector, 64);
  for (let i = 0; i < WARMUP_WINDOWS; i++) detector.score(windows[i % windows.length]!, i);
  const ms: number[] = [];
  for (let i = 0; i < TIMED_WINDOWS; i++) {
    const t0 = performance.now();
    detector.score(windows[i % windows.length]!, i);
    ms.push(performance.now() - t0);
  }
  return percentiles(ms);
}

function samplesFor(detector: Detector, windows: number): SampleTuple[] {
  const { rateHz, windowSamples, hopSamples } = detector.spec.input;
  const seconds = (windowSamples + windows * hopSamples) / rateHz + 1;
  return motionGenerate({ motion: "walk", seconds, rateHz: STREAM_RATE_HZ, seed: 9 }).samples;
}

/** The event label's median score on this stream, so a threshold there flips often. */
function medianScore(detector: Detector, samples: readonly SampleTuple[]): number {
  const scores: number[] = [];
  const eventIndex = detector.spec.labels.findIndex((l) => l.role === "event");
  const runner = new DetectorRunner(detector, { deviceId: "bench", nowMs: () => 0, onEvent: () => {}, onScores: (f) => scores.push(f.probs[eventIndex]!) });
  for (const s of samples.slice(0, samples.length / 4)) runner.push(s[0], s);
  return percentileOfSorted(Float64Array.from(scores).sort(), 50);
}

function sampleToEvent(detector: Detector): { events: number; msP50: number; msP99: number } {
  const samples = samplesFor(detector, PIPELINE_WINDOWS);
  const threshold = Math.min(1, Math.max(Number.EPSILON, medianScore(detector, samples)));
  let pushStart = 0;
  const ms: number[] = [];
  const runner = new DetectorRunner(detector, {
    deviceId: "bench",
    nowMs: () => 0,
    onEvent: () => ms.push(performance.now() - pushStart),
  });
  runner.setDecision({ thresholdProb: threshold, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 0 });
  for (const s of samples) {
    pushStart = performance.now();
    runner.push(s[0], s);
  }
  return { events: ms.length, ...percentiles(ms) };
}

export async function modelsBench(): Promise<ModelsBenchResult> {
  const windowRows: WindowLatency[] = [];
  const eventRows: SampleToEvent[] = [];
  for (const backend of BACKENDS) {
    await tfBackendInit([backend], { wasmPath: tfWasmDistPath() });
    for (const model of MODELS) {
      const detector = await tfDetectorLoad(await model.files(), { version: 1 });
      windowRows.push({ model: model.name, backend, windows: TIMED_WINDOWS, ...windowLatency(detector) });
      eventRows.push({ model: model.name, backend, ...sampleToEvent(detector) });
      detector.dispose();
    }
  }
  const heuristicRows = HEURISTICS.map((h) => {
    const detector = heuristicCreate(h.name);
    return { model: h.title, windows: TIMED_WINDOWS, ...windowLatency(detector) };
  });
  return { node: process.version, windowLatency: windowRows, heuristicWindowLatency: heuristicRows, sampleToEvent: eventRows };
}

/** The result as a table, one line per model and backend. */
export function modelsBenchLines(r: ModelsBenchResult): string[] {
  const width = Math.max(...r.windowLatency.map((w) => w.model.length));
  const ms = (v: number) => v.toFixed(3).padStart(8);
  const lines = [`${"model".padEnd(width)}  backend  window p50  window p99  sample->event p50  p99       events`];
  r.windowLatency.forEach((w, i) => {
    const e = r.sampleToEvent[i]!;
    lines.push(`${w.model.padEnd(width)}  ${w.backend.padEnd(7)}  ${ms(w.msP50)} ms ${ms(w.msP99)} ms ${ms(e.msP50)} ms        ${ms(e.msP99)} ms ${String(e.events).padStart(6)}`);
  });
  for (const h of r.heuristicWindowLatency) lines.push(`${h.model.padEnd(width)}  rule     ${ms(h.msP50)} ms ${ms(h.msP99)} ms`);
  return lines;
}

async function main(): Promise<void> {
  const result = await modelsBench();
  console.log(`Model runtime in Node: Detector.score per window (${TIMED_WINDOWS} windows after ${WARMUP_WINDOWS} warm-up), and DetectorRunner.push of a window's last sample to its event (60 Hz sim stream)`);
  for (const line of modelsBenchLines(result)) console.log(line);
  console.log(JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
