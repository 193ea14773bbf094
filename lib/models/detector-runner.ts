import { SAMPLE_WIDTH, type SampleTuple } from "@/lib/protocol/sample";
import { channelValue, type ChannelName } from "./channels";
import { DecisionEngine } from "./decision";
import type { DecisionSettings, Detector, DetectorInput, DetectorLabel, InteractionEvent, ScoreFrame } from "./detector";
import { Resampler } from "./resampler";
import { WindowBuffer } from "./window-buffer";

/**
 * Runs one detector on one device's live stream: raw samples -> resampled frames at
 * the detector's rate -> windows every hop -> `score` -> decision -> events.
 *
 * It owns the stream state so the detector can be replaced under it (`swap`) without
 * a gap: same input, and the next hop is simply scored by the new detector; other
 * input, and the new pipeline is primed from the last `historyMs` of raw samples, so
 * it scores from its next hop instead of waiting a whole window.
 *
 * Exceptions from `score` propagate out of `push`: the host decides whether a
 * failing detector is dropped or retried.
 */

export interface DetectorRunnerOptions {
  deviceId: string;
  /** Server-clock epoch ms "now", for InteractionEvent.detectedAtMs. */
  nowMs: () => number;
  onEvent: (e: InteractionEvent) => void;
  onScores?: (f: ScoreFrame) => void;
  /** Raw samples kept to prime a swapped-in detector whose input differs. Default 10_000. */
  historyMs?: number;
  /** Longest raw spacing interpolated across; longer is a gap. Default 250. */
  maxGapMs?: number;
  /** See Resampler: box-filter each output frame over its cell (default) or sample the line. */
  antiAlias?: boolean;
}

export interface DetectorRunnerStats {
  /** Raw samples accepted. */
  samples: number;
  /** Resampled frames. */
  frames: number;
  /** Windows scored. */
  windows: number;
  events: number;
  /** Raw spacings longer than maxGapMs, each of which restarted the pipeline. */
  gaps: number;
}

export const DEFAULT_HISTORY_MS = 10_000;

export class DetectorRunner {
  readonly stats: DetectorRunnerStats = { samples: 0, frames: 0, windows: 0, events: 0, gaps: 0 };

  private current: Detector;
  private engine: DecisionEngine;
  private resampler!: Resampler;
  private windows!: WindowBuffer;
  private channels!: readonly ChannelName[];
  private values!: Float64Array;
  private readonly history: RawHistory;
  private lastMs = -Infinity;
  /** While priming a new pipeline from history: windows are built but not scored. */
  private replaying = false;

  constructor(
    detector: Detector,
    private readonly opts: DetectorRunnerOptions,
  ) {
    this.current = detector;
    this.history = new RawHistory(opts.historyMs ?? DEFAULT_HISTORY_MS);
    this.build(detector.spec.input);
    this.engine = new DecisionEngine(detector.spec.labels, detector.spec.decision);
  }

  get detector(): Detector {
    return this.current;
  }

  /** The decision settings in force (the spec's, or the last `setDecision`). */
  get decision(): Readonly<DecisionSettings> {
    return this.engine.settings;
  }

  /**
   * One raw sample on the server clock, tuple layout of lib/protocol/sample.ts (null
   * or NaN = missing). Samples with tMs <= the last accepted are ignored.
   */
  push(tMs: number, sample: ArrayLike<number | null>): void {
    if (!Number.isFinite(tMs) || tMs <= this.lastMs) return;
    this.lastMs = tMs;
    this.stats.samples++;
    this.history.push(tMs, sample);
    this.feed(tMs, sample);
  }

  /** Replaces the detector without losing stream state; returns the previous one (caller disposes it). */
  swap(next: Detector): Detector {
    const prev = this.current;
    if (next === prev) return prev;
    this.current = next;
    if (!inputEqual(prev.spec.input, next.spec.input)) {
      this.build(next.spec.input);
      this.replaying = true;
      try {
        this.history.forEach((tMs, sample) => this.feed(tMs, sample));
      } finally {
        this.replaying = false;
      }
    }
    // A new version usually ships its own tuned decision; the label runs and
    // refractory times still describe the same stream, so keep them where they apply.
    if (labelsEqual(prev.spec.labels, next.spec.labels)) {
      this.engine.setSettings(next.spec.decision);
    } else {
      const fresh = new DecisionEngine(next.spec.labels, next.spec.decision);
      fresh.inheritRefractory(this.engine);
      this.engine = fresh;
    }
    return prev;
  }

  /** Live tuning of threshold / smoothing / refractory; applies from the next window. */
  setDecision(d: DecisionSettings): void {
    this.engine.setSettings(d);
  }

  /** Drops all stream state (e.g. a different phone is selected). */
  reset(): void {
    this.lastMs = -Infinity;
    this.history.clear();
    this.resampler.reset();
    this.windows.clear();
    this.engine.reset();
    this.current.reset();
    Object.assign(this.stats, { samples: 0, frames: 0, windows: 0, events: 0, gaps: 0 });
  }

  private build(input: DetectorInput): void {
    const n = input.channels.length;
    this.channels = input.channels;
    this.values = new Float64Array(n);
    this.windows = new WindowBuffer(input.windowSamples, input.hopSamples, n);
    this.resampler = new Resampler({
      rateHz: input.rateHz,
      channelCount: n,
      maxGapMs: this.opts.maxGapMs,
      antiAlias: this.opts.antiAlias,
      onFrame: this.onFrame,
      onGap: this.onGap,
    });
  }

  private feed(tMs: number, sample: ArrayLike<number | null>): void {
    // channelValue reads by index with `?? NaN`, so any array-like row of the wire layout will do.
    const row = sample as unknown as SampleTuple;
    const { channels, values } = this;
    for (let c = 0; c < channels.length; c++) values[c] = channelValue(row, channels[c]!);
    this.resampler.push(tMs, values);
  }

  private readonly onFrame = (tMs: number, frame: Float32Array): void => {
    if (!this.replaying) this.stats.frames++;
    if (this.windows.push(tMs, frame) && !this.replaying) this.score();
  };

  private readonly onGap = (): void => {
    this.windows.clear();
    if (this.replaying) return;
    this.stats.gaps++;
    this.current.reset();
    this.engine.restart();
  };

  private score(): void {
    const { spec } = this.current;
    const w = this.windows;
    const probs = this.current.score(w.window, w.tEndMs);
    if (probs.length !== spec.labels.length) {
      throw new RangeError(`detector ${spec.id} returned ${probs.length} probabilities for ${spec.labels.length} labels`);
    }
    this.stats.windows++;
    const fire = this.engine.update(probs, w.tStartMs, w.tEndMs);
    const { deviceId, onScores, onEvent } = this.opts;
    onScores?.({ detectorId: spec.id, deviceId, tEndMs: w.tEndMs, probs, smoothed: this.engine.smoothed.slice() });
    if (!fire) return;
    this.stats.events++;
    onEvent({
      interaction: spec.interaction,
      label: spec.labels[fire.labelIndex]!.name,
      confidence: fire.confidence,
      tStartMs: fire.tStartMs,
      tEndMs: fire.tEndMs,
      detectedAtMs: this.opts.nowMs(),
      detectorId: spec.id,
      deviceId,
    });
  }
}

export function inputEqual(a: DetectorInput, b: DetectorInput): boolean {
  return (
    a.rateHz === b.rateHz &&
    a.windowSamples === b.windowSamples &&
    a.hopSamples === b.hopSamples &&
    a.channels.length === b.channels.length &&
    a.channels.every((c, i) => c === b.channels[i])
  );
}

function labelsEqual(a: readonly DetectorLabel[], b: readonly DetectorLabel[]): boolean {
  return a.length === b.length && a.every((l, i) => l.name === b[i]!.name && l.role === b[i]!.role);
}

/**
 * The last `historyMs` of raw samples (server time + the wire fields), in one
 * growable Float64Array ring so recording them costs no allocation per sample.
 */
class RawHistory {
  private buf = new Float64Array(1024 * SAMPLE_WIDTH);
  private capacity = 1024;
  private oldest = 0;
  private size = 0;
  private readonly row = new Float64Array(SAMPLE_WIDTH);

  constructor(private readonly historyMs: number) {}

  push(tMs: number, sample: ArrayLike<number | null>): void {
    if (!(this.historyMs > 0)) return;
    const W = SAMPLE_WIDTH;
    while (this.size > 0 && this.buf[this.oldest * W]! < tMs - this.historyMs) {
      this.oldest = this.oldest + 1 === this.capacity ? 0 : this.oldest + 1;
      this.size--;
    }
    if (this.size === this.capacity) this.grow();
    const base = ((this.oldest + this.size) % this.capacity) * W;
    this.buf[base] = tMs;
    for (let f = 1; f < W; f++) this.buf[base + f] = sample[f] ?? NaN;
    this.size++;
  }

  /** Oldest first; `sample` is reused between calls, its field 0 is the server time. */
  forEach(fn: (tMs: number, sample: Float64Array) => void): void {
    const W = SAMPLE_WIDTH;
    for (let i = 0; i < this.size; i++) {
      const base = ((this.oldest + i) % this.capacity) * W;
      this.row.set(this.buf.subarray(base, base + W));
      fn(this.row[0]!, this.row);
    }
  }

  clear(): void {
    this.oldest = 0;
    this.size = 0;
  }

  private grow(): void {
    const W = SAMPLE_WIDTH;
    const next = new Float64Array(this.capacity * 2 * W);
    for (let i = 0; i < this.size; i++) {
      const base = ((this.oldest + i) % this.capacity) * W;
      next.set(this.buf.subarray(base, base + W), i * W);
    }
    this.buf = next;
    this.capacity *= 2;
    this.oldest = 0;
  }
}
