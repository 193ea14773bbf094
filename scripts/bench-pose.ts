import { getHeapSpaceStatistics } from "node:v8";
import { pathToFileURL } from "node:url";
import { AttitudeFilter } from "../lib/pose/attitude-filter";
import { PoseTracker } from "../lib/pose/pose-tracker";
import type { SampleTuple } from "../lib/protocol/sample";
import { motionGenerate } from "../lib/sim/motion-generator";

/**
 * `npx tsx scripts/bench-pose.ts`: the cost per sample of the pose engine in Node, on
 * simulated raise-and-hold data (rests, gestures and holds, so every branch runs): the
 * fusion alone (AttitudeFilter.updateSample) and the whole PoseTracker.push (fusion,
 * mapping, angles, wrist position, trail). Each is warmed up on 50k samples so that
 * the optimising compiler has run, then timed over 250k. Goal: under 5 µs per sample.
 * `--alloc` adds new-space growth per sample (run with `node --expose-gc --import tsx`).
 */
export interface PoseBenchResult {
  name: string;
  usPerSample: number;
  samples: number;
}

const WARMUP_SAMPLES = 50_000;
const TIMED_SAMPLES = 250_000;
const RATE_HZ = 1000;

function benchData(count: number): SampleTuple[] {
  return motionGenerate({ motion: "raise", seconds: count / RATE_HZ, rateHz: RATE_HZ, seed: 11 }).samples;
}

function timePerSampleUs(samples: SampleTuple[], push: (s: SampleTuple) => void): number {
  for (let i = 0; i < WARMUP_SAMPLES; i++) push(samples[i]!);
  const t0 = performance.now();
  for (let i = WARMUP_SAMPLES; i < WARMUP_SAMPLES + TIMED_SAMPLES; i++) push(samples[i]!);
  return ((performance.now() - t0) * 1000) / TIMED_SAMPLES;
}

/** µs per sample of the fusion alone and of PoseTracker.push. */
export async function poseBench(): Promise<PoseBenchResult[]> {
  const samples = benchData(WARMUP_SAMPLES + TIMED_SAMPLES);
  const filter = new AttitudeFilter();
  const tracker = new PoseTracker({ placement: "strapped", side: "left" });
  return [
    { name: "AttitudeFilter.updateSample (fusion)", usPerSample: timePerSampleUs(samples, (s) => filter.updateSample(s)), samples: TIMED_SAMPLES },
    { name: "PoseTracker.push", usPerSample: timePerSampleUs(samples, (s) => tracker.push(s)), samples: TIMED_SAMPLES },
  ];
}

/**
 * Bytes of young-generation growth per PoseTracker.push after warm-up, or null without
 * a `gc` global (`node --expose-gc`). Any object made per sample would show as ≥ 48.
 */
export function posePushAllocationBytes(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  const measured = 20_000;
  const samples = benchData(WARMUP_SAMPLES + measured);
  const tracker = new PoseTracker();
  for (let i = 0; i < WARMUP_SAMPLES; i++) tracker.push(samples[i]!);
  const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!.space_used_size;
  gc();
  const before = newSpace();
  for (let i = WARMUP_SAMPLES; i < WARMUP_SAMPLES + measured; i++) tracker.push(samples[i]!);
  return (newSpace() - before) / measured;
}

async function main(): Promise<void> {
  const alloc = process.argv.includes("--alloc");
  const results = await poseBench();
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${"benchmark".padEnd(width)}  µs/sample  samples`);
  for (const r of results) console.log(`${r.name.padEnd(width)}  ${r.usPerSample.toFixed(3).padStart(9)}  ${r.samples}`);
  const bytes = alloc ? posePushAllocationBytes() : undefined;
  if (bytes === null) console.log("allocation: run with node --expose-gc --import tsx to measure");
  else if (bytes !== undefined) console.log(`PoseTracker.push allocation: ${bytes.toFixed(1)} bytes/sample of new-space growth`);
  console.log(JSON.stringify({ node: process.version, results, ...(typeof bytes === "number" ? { pushBytesPerSample: bytes } : {}) }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
