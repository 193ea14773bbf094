import { SAMPLE_WIDTH, type SampleTuple } from "../protocol/sample";

/**
 * The one in-memory form of labelled motion: what importers produce, what training
 * and evaluation consume, what the simulator's runs and (later) the playground's
 * recordings turn into. Samples keep the wire tuple's layout and units
 * (`lib/protocol/sample.ts`: time in epoch ms, m/s², rad/s, degrees; NaN where a
 * sensor is missing), so a recording replays through the live runtime unchanged.
 */

export interface LabelledSegment {
  label: string;
  /** On the samples' clock, inclusive start, exclusive end. */
  tStartMs: number;
  tEndMs: number;
}

export interface MotionRecording {
  /** Unique within its dataset, e.g. `punch-flex/punch.csv#03`. */
  id: string;
  /**
   * Who or what session it comes from (subject, recording session, sim seed):
   * splits keep a group on one side, never windows of one group on both.
   */
  group: string;
  /** Where it was read from (file path or `synthetic:<motion>`), for messages and provenance. */
  source: string;
  /** `length` rows of {@link SAMPLE_WIDTH} numbers, time-major, tMs strictly increasing. */
  samples: Float64Array;
  length: number;
  /** Labelled spans; time not covered by any segment is background. */
  segments: LabelledSegment[];
}

export interface MotionDataset {
  name: string;
  recordings: MotionRecording[];
  /** Licence and attribution of real data, carried into manifests' provenance. */
  licence?: string;
}

/** Row `i`'s fields; `out` is reused by callers on hot paths. */
export function recordingRow(r: MotionRecording, i: number, out: Float64Array = new Float64Array(SAMPLE_WIDTH)): Float64Array {
  out.set(r.samples.subarray(i * SAMPLE_WIDTH, (i + 1) * SAMPLE_WIDTH));
  return out;
}

/** Packs tuples (nulls become NaN) into a recording's sample rows. */
export function samplesPack(tuples: readonly SampleTuple[]): Float64Array {
  const out = new Float64Array(tuples.length * SAMPLE_WIDTH);
  tuples.forEach((t, i) => {
    for (let c = 0; c < SAMPLE_WIDTH; c++) out[i * SAMPLE_WIDTH + c] = t[c] ?? NaN;
  });
  return out;
}

export function recordingDurationMs(r: MotionRecording): number {
  return r.length < 2 ? 0 : r.samples[(r.length - 1) * SAMPLE_WIDTH]! - r.samples[0]!;
}
