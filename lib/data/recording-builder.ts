import { SAMPLE_WIDTH } from "../protocol/sample";
import type { LabelledSegment, MotionRecording } from "./motion-recording";

/**
 * Collects sample rows (and optional per-sample labels) of one recording as an
 * importer reads them, then packs them into a {@link MotionRecording}. Rows are
 * copied into one growing Float64Array, so a 100k-row file costs one buffer, not
 * 100k tuples.
 */
export class RecordingBuilder {
  private data = new Float64Array(SAMPLE_WIDTH * 1024);
  private labels: string[] = [];
  private hasLabels = false;
  length = 0;

  /** Time of the last row pushed, -Infinity before the first. */
  get lastTMs(): number {
    return this.length === 0 ? -Infinity : this.data[(this.length - 1) * SAMPLE_WIDTH]!;
  }

  /** Appends a copy of `row` ({@link SAMPLE_WIDTH} values); `label` "" is background. */
  push(row: ArrayLike<number>, label = ""): void {
    if ((this.length + 1) * SAMPLE_WIDTH > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(row, this.length * SAMPLE_WIDTH);
    this.labels.push(label);
    if (label !== "") this.hasLabels = true;
    this.length++;
  }

  /**
   * The recording; segments are the runs of equal non-empty per-sample labels
   * unless `segments` are given.
   */
  build(meta: { id: string; group: string; source: string }, segments?: LabelledSegment[]): MotionRecording {
    const samples = this.data.slice(0, this.length * SAMPLE_WIDTH);
    return {
      ...meta,
      samples,
      length: this.length,
      segments: segments ?? (this.hasLabels ? segmentsFromLabels(samples, this.length, this.labels) : []),
    };
  }
}

/** Mean sample spacing, the best guess for how long the last sample lasts. */
export function meanPeriodMs(samples: Float64Array, length: number): number {
  if (length < 2) return 0;
  return (samples[(length - 1) * SAMPLE_WIDTH]! - samples[0]!) / (length - 1);
}

/**
 * Runs of equal non-empty labels as segments. A segment ends where the next run's
 * first sample starts (end is exclusive), or one mean period after the last sample.
 */
export function segmentsFromLabels(samples: Float64Array, length: number, labels: readonly string[]): LabelledSegment[] {
  const out: LabelledSegment[] = [];
  const tailMs = meanPeriodMs(samples, length) || 1;
  const tAt = (i: number) => (i < length ? samples[i * SAMPLE_WIDTH]! : samples[(length - 1) * SAMPLE_WIDTH]! + tailMs);
  let start = 0;
  for (let i = 1; i <= length; i++) {
    if (i < length && labels[i] === labels[start]) continue;
    const label = labels[start]!;
    if (label !== "") out.push({ label, tStartMs: tAt(start), tEndMs: tAt(i) });
    start = i;
  }
  return out;
}

/** One segment over a whole recording, for datasets with one label per recording. */
export function segmentWhole(samples: Float64Array, length: number, label: string, periodMs: number): LabelledSegment[] {
  if (length === 0) return [];
  return [{ label, tStartMs: samples[0]!, tEndMs: samples[(length - 1) * SAMPLE_WIDTH]! + periodMs }];
}
