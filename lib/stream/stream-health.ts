import { percentileOfSorted, SlidingMedian } from "./percentile";
import { RingBuffer } from "./ring-buffer";

/** The health figures of one device's stream, as reported in `DeviceInfo`. */
export interface StreamHealthSnapshot {
  /** Samples counted, each once. */
  samples: number;
  /** Sample rate over the last `rateWindowMs` of phone time. */
  rateHz: number;
  /** Population standard deviation of the sample intervals in that window, ms. */
  jitterMs: number;
  /** Pauses longer than max(100 ms, 4 typical intervals) since the start. */
  gaps: number;
  dropped: number;
  duplicates: number;
  /** Median and 95th percentile of the last `latencyWindow` sample ages, ms; null before any. */
  latencyMsP50: number | null;
  latencyMsP95: number | null;
}

export interface StreamHealthOptions {
  /** Phone time the rate and jitter are measured over, ms. Default 2000. */
  rateWindowMs?: number;
  /** How many of the newest latencies the percentiles cover. Default 512. */
  latencyWindow?: number;
}

/** A pause is an interval longer than this and than GAP_INTERVALS typical intervals. */
const GAP_MIN_MS = 100;
const GAP_INTERVALS = 4;
/**
 * Intervals the typical interval is the median of: long enough that a burst of up to
 * 7 late samples cannot move it, short enough to follow a real rate change within 8.
 */
const TYPICAL_INTERVAL_SAMPLES = 15;
/**
 * Rates the window is sized for. Browsers deliver 60-200 Hz and native sensors up to
 * ~500 Hz; above this the window loses its oldest samples and the rate reads low.
 */
const MAX_RATE_HZ = 1000;

const COL_T_MS = 0;
const COL_INTERVAL_MS = 1;

/**
 * The health of one device's stream, updated per sample in O(1) without allocating,
 * because the server runs one per device at 60-200 Hz each for 100+ devices.
 * {@link snapshot} does the O(window) work and is meant for the ~1-4 Hz room updates.
 *
 * Timing is measured on the phone's clock, so network bunching (batches, resends after
 * a reconnect) does not show up as jitter or gaps: those describe the sensor stream.
 * Latency is the network's share and is kept apart.
 */
export class StreamHealth {
  private readonly rateWindowMs: number;
  /** (tMs, interval to the previous sample or NaN) of recent samples. */
  private readonly recent: RingBuffer;
  /** Rows handed to the rings, reused so that a sample allocates nothing. */
  private readonly row = new Float64Array(2);
  private readonly latencyRow = new Float64Array(1);
  private readonly typicalIntervalMs = new SlidingMedian(TYPICAL_INTERVAL_SAMPLES);
  private readonly latenciesMs: RingBuffer;
  private readonly latencyScratch: Float64Array;
  /** Phone time of the first sample since the timeline (re)started; NaN before any. */
  private firstTMs = NaN;
  private lastTMs = NaN;
  private sampleCount = 0;
  private gapCount = 0;
  private droppedTotal = 0;
  private duplicateTotal = 0;

  constructor(opts: StreamHealthOptions = {}) {
    const rateWindowMs = opts.rateWindowMs ?? 2000;
    const latencyWindow = opts.latencyWindow ?? 512;
    if (!(rateWindowMs > 0 && Number.isFinite(rateWindowMs))) {
      throw new RangeError(`rateWindowMs must be a positive number, got ${rateWindowMs}`);
    }
    if (!Number.isSafeInteger(latencyWindow) || latencyWindow < 1) {
      throw new RangeError(`latencyWindow must be a positive integer, got ${latencyWindow}`);
    }
    this.rateWindowMs = rateWindowMs;
    this.recent = new RingBuffer(Math.ceil((rateWindowMs * MAX_RATE_HZ) / 1000) + 1, 2);
    this.latenciesMs = new RingBuffer(latencyWindow, 1);
    this.latencyScratch = new Float64Array(latencyWindow);
  }

  /**
   * Counts one new sample. `tMs` is its time on the phone's clock; `latencyMs` its age
   * on arrival (at the server, or at a viewer), or null while no clock estimate makes
   * that knowable. Samples must come in order, duplicates already removed.
   */
  addSample(tMs: number, latencyMs: number | null): void {
    this.sampleCount++;
    if (latencyMs !== null && Number.isFinite(latencyMs)) {
      this.latencyRow[0] = latencyMs;
      this.latenciesMs.push(this.latencyRow);
    }
    if (!Number.isFinite(tMs)) return;

    let intervalMs = NaN;
    if (tMs >= this.lastTMs) {
      intervalMs = tMs - this.lastTMs;
      const typical = this.typicalIntervalMs.value;
      // Before any interval there is nothing to call a pause relative to.
      if (!Number.isNaN(typical) && intervalMs > Math.max(GAP_MIN_MS, GAP_INTERVALS * typical)) {
        this.gapCount++;
      }
      this.typicalIntervalMs.push(intervalMs);
    } else {
      // First sample, or the phone's clock went back (a reload gives the page a new
      // time origin): intervals across it mean nothing, so the window starts over.
      this.recent.clear();
      this.firstTMs = tMs;
    }
    this.lastTMs = tMs;
    this.row[COL_T_MS] = tMs;
    this.row[COL_INTERVAL_MS] = intervalMs;
    this.recent.push(this.row);
  }

  /** Samples that never arrived (holes in the sequence numbers). */
  addDropped(n: number): void {
    this.droppedTotal += checkCount(n);
  }

  /** Samples that arrived again and were discarded. */
  addDuplicates(n: number): void {
    this.duplicateTotal += checkCount(n);
  }

  /** The running totals alone: O(1), for callers that refresh the windowed figures less often. */
  counters(): Pick<StreamHealthSnapshot, "samples" | "gaps" | "dropped" | "duplicates"> {
    return { samples: this.sampleCount, gaps: this.gapCount, dropped: this.droppedTotal, duplicates: this.duplicateTotal };
  }

  /**
   * The figures now. The rate window ends at the newest sample, or at `nowTMs` (phone
   * time) if that is later, so that a stream that stopped decays to 0 Hz instead of
   * reporting its last rate forever.
   */
  snapshot(nowTMs?: number): StreamHealthSnapshot {
    if (nowTMs !== undefined && !Number.isFinite(nowTMs)) {
      throw new RangeError(`nowTMs must be finite, got ${nowTMs}`);
    }
    const endTMs = nowTMs === undefined || !(nowTMs > this.lastTMs) ? this.lastTMs : nowTMs;
    const startTMs = endTMs - this.rateWindowMs;

    // Intervals ending inside the window: their spread by Welford's running variance,
    // and their number with the one straddling the window's start counted by the part
    // inside, so the rate neither steps by a whole sample as the window slides nor
    // counts a long pause before it at full weight.
    let intervalsInWindow = 0;
    let intervals = 0;
    let meanMs = 0;
    let sumSquaresMs2 = 0;
    for (let row = this.recent.length - 1; row >= 0; row--) {
      const tMs = this.recent.at(row, COL_T_MS);
      if (tMs <= startTMs) break;
      const intervalMs = this.recent.at(row, COL_INTERVAL_MS);
      if (Number.isNaN(intervalMs)) continue;
      intervalsInWindow += tMs - intervalMs < startTMs ? (tMs - startTMs) / intervalMs : 1;
      intervals++;
      const delta = intervalMs - meanMs;
      meanMs += delta / intervals;
      sumSquaresMs2 += delta * (intervalMs - meanMs);
    }
    // A stream younger than the window is measured over its own span.
    const spanMs = Math.min(this.rateWindowMs, endTMs - this.firstTMs);

    const latencies = this.latenciesMs.length;
    let latencyMsP50: number | null = null;
    let latencyMsP95: number | null = null;
    if (latencies > 0) {
      this.latenciesMs.copyChannel(0, this.latencyScratch, latencies);
      const sorted = this.latencyScratch.subarray(0, latencies).sort();
      latencyMsP50 = percentileOfSorted(sorted, 50);
      latencyMsP95 = percentileOfSorted(sorted, 95);
    }

    return {
      samples: this.sampleCount,
      rateHz: spanMs > 0 ? (intervalsInWindow * 1000) / spanMs : 0,
      jitterMs: intervals > 1 ? Math.sqrt(sumSquaresMs2 / intervals) : 0,
      gaps: this.gapCount,
      dropped: this.droppedTotal,
      duplicates: this.duplicateTotal,
      latencyMsP50,
      latencyMsP95,
    };
  }
}

function checkCount(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${n}`);
  }
  return n;
}
