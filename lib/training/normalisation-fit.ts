import type { ModelManifest } from "../models/manifest";
import type { WindowSet } from "./window-dataset";

/**
 * Per-channel standardisation, fitted on the training windows only (fitting on
 * validation data too would leak it into the model's input), and applied exactly as
 * `tfDetectorLoad` applies the manifest's: `x / std - mean / std`, then a missing
 * value (NaN) becomes 0, the channel's training mean.
 */

export type Standardize = Extract<ModelManifest["input"]["normalisation"], { kind: "standardize" }>;

/**
 * A channel that never varies in training (a sensor the data lacks, a constant)
 * would divide by ~0 and blow up any live noise; this floor keeps it harmless.
 */
export const MIN_STD = 1e-3;

/** Mean and std per channel over every frame of the given windows, NaN skipped. */
export function standardizeFit(set: WindowSet, indices: ArrayLike<number>): Standardize {
  const channels = set.input.channels.length;
  const perWindow = set.input.windowSamples * channels;
  const sum = new Float64Array(channels);
  const sumSq = new Float64Array(channels);
  const n = new Float64Array(channels);
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k]! * perWindow;
    for (let v = 0; v < perWindow; v += channels) {
      for (let c = 0; c < channels; c++) {
        const x = set.x[base + v + c]!;
        if (Number.isNaN(x)) continue;
        sum[c]! += x;
        sumSq[c]! += x * x;
        n[c]!++;
      }
    }
  }
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < channels; c++) {
    if (n[c] === 0) {
      throw new Error(`channel ${set.input.channels[c]} has no values in any training window: the data lacks that sensor, pick other channels`);
    }
    const m = sum[c]! / n[c]!;
    mean.push(m);
    std.push(Math.max(MIN_STD, Math.sqrt(Math.max(0, sumSq[c]! / n[c]! - m * m))));
  }
  return { kind: "standardize", mean, std };
}

/** The given windows, standardised, as one [indices.length, windowSamples, channels] block. */
export function standardizeApply(set: WindowSet, indices: ArrayLike<number>, norm: Standardize, out?: Float32Array): Float32Array {
  const channels = set.input.channels.length;
  const perWindow = set.input.windowSamples * channels;
  const result = out ?? new Float32Array(indices.length * perWindow);
  // The detector's own float32 coefficients and arithmetic, so training sees the same bits it will live.
  const a = Float32Array.from(norm.std, (s) => 1 / s);
  const b = Float32Array.from(norm.std, (s, c) => -norm.mean[c]! / s);
  for (let k = 0; k < indices.length; k++) {
    const src = indices[k]! * perWindow;
    const dst = k * perWindow;
    for (let v = 0; v < perWindow; v += channels) {
      for (let c = 0; c < channels; c++) {
        const x = set.x[src + v + c]! * a[c]! + b[c]!;
        result[dst + v + c] = Number.isNaN(x) ? 0 : x;
      }
    }
  }
  return result;
}
