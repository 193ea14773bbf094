import { SAMPLE_WIDTH } from "../protocol/sample";
import { recordingDurationMs, recordingRow, type MotionRecording } from "../data/motion-recording";
import type { DecisionSettings, Detector, DetectorInput, InteractionEvent } from "../models/detector";
import { DetectorRunner } from "../models/detector-runner";

/**
 * Replays recordings through the live runtime, unchanged: one fresh
 * {@link DetectorRunner} per recording (so no smoothing history, run or refractory
 * time leaks from one recording into the next), every sample row pushed in order
 * with its own time as tMs. What the evaluation scores is therefore exactly what a
 * user would have seen live, resampling, windowing, gaps and decision included.
 *
 * Besides the events it keeps every window's raw probabilities (a {@link ScoreTrace}),
 * so other decision settings can be tried afterwards without scoring again.
 */

export interface DetectorRunOptions {
  /** Overrides the spec's decision settings, field by field. */
  decision?: Partial<DecisionSettings>;
  /** Passed to the runner; the live defaults when absent. */
  maxGapMs?: number;
  antiAlias?: boolean;
  deviceId?: string;
}

/** Every scored window of one recording, in stream order. */
export interface ScoreTrace {
  labelCount: number;
  /** Windows scored. */
  count: number;
  tStartMs: Float64Array;
  tEndMs: Float64Array;
  /** Raw probabilities, `count` rows of `labelCount`, label order. */
  probs: Float32Array;
  /** 1 where the runner met a gap before this window and restarted its decision. */
  restartBefore: Uint8Array;
}

export interface RecordingRun {
  recordingId: string;
  /** Time of the first sample (0 when there is none) and the span to the last. */
  tStartMs: number;
  durationMs: number;
  events: InteractionEvent[];
  scores: ScoreTrace;
}

export interface DetectorRun {
  detectorId: string;
  /** The settings the runner decided with: the spec's, with the overrides applied. */
  decision: DecisionSettings;
  recordings: RecordingRun[];
}

/**
 * Start of the window ending at `tEndMs`. The resampler puts frame k at exactly
 * `k * 1000 / rateHz`, so recovering k and stepping back `windowSamples - 1` frames
 * gives the runner's own number, not merely a close one; a replayed decision then
 * reports the same event times as the live one.
 */
export function windowStartMs(tEndMs: number, input: DetectorInput): number {
  const kEnd = Math.round((tEndMs * input.rateHz) / 1000);
  return ((kEnd - (input.windowSamples - 1)) * 1000) / input.rateHz;
}

export function decisionResolve(detector: Detector, overrides: Partial<DecisionSettings> = {}): DecisionSettings {
  return { ...detector.spec.decision, ...overrides };
}

export function recordingRun(detector: Detector, recording: MotionRecording, opts: DetectorRunOptions = {}): RecordingRun {
  const { spec } = detector;
  const labelCount = spec.labels.length;
  const events: InteractionEvent[] = [];
  const tStart: number[] = [];
  const tEnd: number[] = [];
  const probs: number[] = [];
  const restart: number[] = [];
  let streamMs = NaN;
  let gapsSeen = 0;

  // The detector may carry state from an earlier recording; the runner never resets it on its own.
  detector.reset();
  const runner: DetectorRunner = new DetectorRunner(detector, {
    deviceId: opts.deviceId ?? "eval",
    // Offline there is no wall clock: "now" is the stream time of the sample being pushed.
    nowMs: () => streamMs,
    maxGapMs: opts.maxGapMs,
    antiAlias: opts.antiAlias,
    onEvent: (e) => events.push(e),
    onScores: (f) => {
      tStart.push(windowStartMs(f.tEndMs, spec.input));
      tEnd.push(f.tEndMs);
      for (let i = 0; i < labelCount; i++) probs.push(f.probs[i]!);
      restart.push(runner.stats.gaps !== gapsSeen ? 1 : 0);
      gapsSeen = runner.stats.gaps;
    },
  });
  if (opts.decision) runner.setDecision(decisionResolve(detector, opts.decision));

  const row = new Float64Array(SAMPLE_WIDTH);
  for (let i = 0; i < recording.length; i++) {
    recordingRow(recording, i, row);
    streamMs = row[0]!;
    runner.push(streamMs, row);
  }
  return {
    recordingId: recording.id,
    tStartMs: recording.length > 0 ? recording.samples[0]! : 0,
    durationMs: recordingDurationMs(recording),
    events,
    scores: {
      labelCount,
      count: tEnd.length,
      tStartMs: Float64Array.from(tStart),
      tEndMs: Float64Array.from(tEnd),
      probs: Float32Array.from(probs),
      restartBefore: Uint8Array.from(restart),
    },
  };
}

export function detectorRun(detector: Detector, recordings: readonly MotionRecording[], opts: DetectorRunOptions = {}): DetectorRun {
  return {
    detectorId: detector.spec.id,
    decision: decisionResolve(detector, opts.decision),
    recordings: recordings.map((r) => recordingRun(detector, r, opts)),
  };
}
