/**
 * Small readers over a detector window (time-major Float32Array, `channels` values per
 * row) and the burst finder the impulse heuristics share.
 */

/** √(a² + b² + c²) of three columns, one value per row; NaN where any is missing. */
export function windowNorm3(window: Float32Array, nChannels: number, c0: number, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) {
    const o = i * nChannels + c0;
    out[i] = Math.hypot(window[o]!, window[o + 1]!, window[o + 2]!);
  }
  return out;
}

/** Whether any of columns `c0 .. c0+count−1` has a NaN (a sensor the phone lacks, or a gap). */
export function windowHasNaN(window: Float32Array, nChannels: number, c0: number, count: number): boolean {
  for (let o = 0; o < window.length; o += nChannels) {
    for (let c = c0; c < c0 + count; c++) if (Number.isNaN(window[o + c]!)) return true;
  }
  return false;
}

/** Mean of column `c` over rows `[from, to)`. */
export function windowMean(window: Float32Array, nChannels: number, c: number, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += window[i * nChannels + c]!;
  return sum / Math.max(1, to - from);
}

/** Maximum of column `c` over rows `[from, to)`; NaN if any is NaN. */
export function windowMax(window: Float32Array, nChannels: number, c: number, from: number, to: number): number {
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = window[i * nChannels + c]!;
    if (Number.isNaN(v)) return NaN;
    if (v > max) max = v;
  }
  return max;
}

/** A run of samples at or above a floor: rows `start..end` inclusive. */
export interface Burst {
  start: number;
  end: number;
  peakIndex: number;
  peak: number;
}

/**
 * Runs of `signal ≥ floor` in rows `[from, to)`, where runs separated by at most
 * `mergeSamples` quieter rows count as one: a single physical event (a tap's
 * push-and-rebound, a twist's out-and-back through zero rate) must not read as two.
 */
export function burstsFind(signal: ArrayLike<number>, floor: number, mergeSamples: number, from = 0, to = signal.length): Burst[] {
  const bursts: Burst[] = [];
  let current: Burst | null = null;
  for (let i = from; i < to; i++) {
    const v = signal[i]!;
    if (!(v >= floor)) continue;
    if (current && i - current.end - 1 <= mergeSamples) {
      current.end = i;
      if (v > current.peak) {
        current.peak = v;
        current.peakIndex = i;
      }
    } else {
      current = { start: i, end: i, peakIndex: i, peak: v };
      bursts.push(current);
    }
  }
  return bursts;
}
