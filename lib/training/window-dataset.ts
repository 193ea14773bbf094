import { recordingRow, type MotionRecording } from "../data/motion-recording";
import { SAMPLE_WIDTH } from "../protocol/sample";
import type { Detector, DetectorInput } from "../models/detector";
import { DetectorRunner } from "../models/detector-runner";
import { DEFAULT_MIN_COVERAGE, IGNORE, segmentsRelabel, windowClass } from "./window-labels";

/**
 * Recordings turned into training windows exactly as the live runtime sees them:
 * each recording is pushed, sample by sample, through a real {@link DetectorRunner}
 * whose detector only copies the windows it is handed. Resampling, anti-aliasing,
 * gap handling, channel extraction and hop are therefore the runtime's own, not a
 * re-implementation that could drift from it; a model trained here is scored live
 * on the very windows it learnt from. Values stay in the channels' units (NaN for a
 * missing sensor): normalisation is fitted later, on the training split only.
 */

export interface WindowSet {
  input: DetectorInput;
  /** `["background", ...eventLabels]`: class i is `classNames[i]`. */
  classNames: string[];
  count: number;
  /** `count` windows of `windowSamples` × channels values, time-major, raw units. */
  x: Float32Array;
  /** Class index per window (see window-labels.ts), IGNORE for half-seen events. */
  labels: Int32Array;
  /** Index into `groups` per window. */
  groupIndex: Int32Array;
  groups: string[];
  /** Index into the recordings passed in, per window. */
  recordingIndex: Int32Array;
  tEndMs: Float64Array;
  /** Recordings that gave no window at all (shorter than one window, or all gaps). */
  emptyRecordings: string[];
}

export interface WindowSetOptions {
  input: DetectorInput;
  /** The model's event label names, in output order after the background. */
  eventLabels: readonly string[];
  /** Dataset label -> model label; unlisted labels stay as they are. */
  labelMap?: Readonly<Record<string, string>>;
  minCoverage?: number;
  /**
   * Keep one background window per this many ms (all event and ignored windows are
   * kept). Neighbouring windows a hop apart are near copies; thinning the background
   * keeps memory and epochs in proportion without losing any kind of negative.
   * Default 0: keep all.
   */
  backgroundEveryMs?: number;
}

/** A detector that scores nothing, handing each window to `take`. */
function captureDetector(input: DetectorInput, take: (window: Float32Array, tEndMs: number) => void): Detector {
  const probs = new Float32Array([1, 0]);
  return {
    spec: {
      id: "training:capture",
      name: "window capture",
      kind: "model",
      interaction: "custom:capture",
      input,
      labels: [
        { name: "background", role: "background" },
        { name: "event", role: "event" },
      ],
      decision: { thresholdProb: 1, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 0 },
    },
    score(window, tEndMs) {
      take(window, tEndMs);
      return probs;
    },
    reset() {},
    dispose() {},
  };
}

/** Growable typed storage, so a dataset of unknown size is copied once at the end. */
class Chunks {
  private readonly parts: Float32Array[] = [];
  private current: Float32Array;
  private used = 0;

  constructor(private readonly chunkValues: number) {
    this.current = new Float32Array(chunkValues);
  }

  push(values: Float32Array): void {
    if (this.used + values.length > this.current.length) {
      this.parts.push(this.current.subarray(0, this.used));
      this.current = new Float32Array(Math.max(this.chunkValues, values.length));
      this.used = 0;
    }
    this.current.set(values, this.used);
    this.used += values.length;
  }

  concat(): Float32Array {
    const all = [...this.parts, this.current.subarray(0, this.used)];
    const out = new Float32Array(all.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of all) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }
}

export function windowSetBuild(recordings: readonly MotionRecording[], opts: WindowSetOptions): WindowSet {
  const { input, eventLabels } = opts;
  const minCoverage = opts.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const periodMs = 1000 / input.rateHz;
  const valuesPerWindow = input.windowSamples * input.channels.length;
  const x = new Chunks(valuesPerWindow * 4096);
  const labels: number[] = [];
  const groupIndex: number[] = [];
  const recordingIndex: number[] = [];
  const tEnds: number[] = [];
  const groups: string[] = [];
  const emptyRecordings: string[] = [];

  recordings.forEach((rec, r) => {
    let g = groups.indexOf(rec.group);
    if (g < 0) g = groups.push(rec.group) - 1;
    const segments = segmentsRelabel(rec.segments, opts.labelMap ?? {});
    let lastBackgroundEndMs = -Infinity;
    let windows = 0;
    const detector = captureDetector(input, (window, tEndMs) => {
      windows++;
      // A frame is the mean over its own cell (see Resampler), so the window covers half a period either side.
      const tStartMs = tEndMs - (input.windowSamples - 1) * periodMs;
      const label = windowClass({ fromMs: tStartMs - periodMs / 2, toMs: tEndMs + periodMs / 2 }, segments, eventLabels, minCoverage);
      if (label === 0) {
        if (tEndMs - lastBackgroundEndMs < (opts.backgroundEveryMs ?? 0)) return;
        lastBackgroundEndMs = tEndMs;
      }
      x.push(window);
      labels.push(label);
      groupIndex.push(g);
      recordingIndex.push(r);
      tEnds.push(tEndMs);
    });
    const runner = new DetectorRunner(detector, { deviceId: rec.id, nowMs: () => 0, onEvent: () => {}, historyMs: 0 });
    const row = new Float64Array(SAMPLE_WIDTH);
    for (let i = 0; i < rec.length; i++) {
      recordingRow(rec, i, row);
      runner.push(row[0]!, row);
    }
    if (windows === 0) emptyRecordings.push(rec.id);
  });

  return {
    input,
    classNames: ["background", ...eventLabels],
    count: labels.length,
    x: x.concat(),
    labels: Int32Array.from(labels),
    groupIndex: Int32Array.from(groupIndex),
    groups,
    recordingIndex: Int32Array.from(recordingIndex),
    tEndMs: Float64Array.from(tEnds),
    emptyRecordings,
  };
}

/** Windows per class (index = class), IGNORE not counted, over `indices` (default all). */
export function classCounts(set: WindowSet, indices?: ArrayLike<number>): number[] {
  const counts = set.classNames.map(() => 0);
  const n = indices ? indices.length : set.count;
  for (let k = 0; k < n; k++) {
    const label = set.labels[indices ? indices[k]! : k]!;
    if (label !== IGNORE) counts[label]!++;
  }
  return counts;
}
