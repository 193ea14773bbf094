import type { LabelledSegment, MotionDataset, MotionRecording } from "../data/motion-recording";
import type { DecisionSettings, Detector, DetectorKind } from "../models/detector";
import type { Interaction } from "../models/manifest";
import { matchToleranceMs } from "./event-match";
import { classMetrics, confusionMatrix, falseTriggers, type ClassMetrics, type Confusion, type FalseTriggers, type ScoredRecording } from "./metrics";
import { recordingScore, type ScoreOptions } from "./recording-score";
import { detectorRun, type DetectorRunOptions } from "./run-detector";
import { SWEEP_THRESHOLDS, thresholdSweep, type SweepPoint } from "./threshold-sweep";

export { reportText } from "./report-text";

/**
 * A detector judged on a dataset the way a wrist feature is judged: events, not
 * windows. It runs as live (run-detector.ts), its events are matched to the labelled
 * segments (event-match.ts, recording-score.ts) and counted (metrics.ts), and the
 * threshold is swept over the same window scores (threshold-sweep.ts). The report is plain JSON, written next
 * to a checkpoint and drawn by the desktop.
 */

export interface EvalOptions extends DetectorRunOptions, ScoreOptions {
  /**
   * Dataset label -> detector label, for datasets that name things their own way
   * (the simulator's "raise" is raise-to-speak's "raise-to-speak"). Unlisted labels
   * are taken as they are; a label equal to the detector's background label is
   * background time.
   */
  labelMap?: Readonly<Record<string, string>>;
  /** Default SWEEP_THRESHOLDS plus the decision's own threshold; an empty list skips the sweep. */
  thresholds?: readonly number[];
  /** Stamped into the report; default now. */
  evaluatedAt?: string;
}

export const EVAL_REPORT_VERSION = 1;

export interface EvalReport {
  version: typeof EVAL_REPORT_VERSION;
  detector: { id: string; name: string; kind: DetectorKind; interaction: Interaction };
  dataset: { name: string; licence?: string };
  evaluatedAt: string;
  /** The settings the events were decided with. */
  decision: DecisionSettings;
  matching: { toleranceMs: number; edgeMs: number; labelMap: Record<string, string> };
  counts: {
    recordings: number;
    /** Recordings without any segment of the detector's classes. */
    negativeRecordings: number;
    /** Segments of the detector's classes. */
    segments: number;
    /** Segments of other labels (negatives such as walking or another gesture). */
    otherSegments: number;
    events: number;
    windows: number;
    /**
     * Recordings too short for one window (clip datasets such as punch-flex hold ~1 s
     * clips): nothing was scored there, so their segments count as missed.
     */
    unscoredRecordings: number;
    /** Class segments not judged for lying within `edgeMs` of a recording's start or end. */
    edgeSegments: number;
  };
  durations: { totalHours: number; negativeHours: number; backgroundHours: number };
  classes: ClassMetrics[];
  /** All classes together (micro-averaged). */
  overall: ClassMetrics;
  confusion: Confusion;
  falseTriggers: { negativeStreams: FalseTriggers; background: FalseTriggers };
  sweep: SweepPoint[];
}

/** The recording's segments in the detector's labels, background ones dropped. */
export function segmentsForDetector(
  r: MotionRecording,
  labelMap: Readonly<Record<string, string>>,
  backgroundLabel: string,
): LabelledSegment[] {
  return r.segments
    .map((s) => ({ ...s, label: labelMap[s.label] ?? s.label }))
    .filter((s) => s.label !== backgroundLabel)
    .sort((a, b) => a.tStartMs - b.tStartMs);
}

export function evaluateDetector(detector: Detector, dataset: MotionDataset, opts: EvalOptions = {}): EvalReport {
  const { spec } = detector;
  const toleranceMs = matchToleranceMs(opts);
  const edgeMs = opts.edgeMs ?? 0;
  const labelMap = { ...opts.labelMap };
  const classes = spec.labels.filter((l) => l.role === "event").map((l) => l.name);
  const backgroundLabel = spec.labels.find((l) => l.role === "background")?.name ?? "background";

  const run = detectorRun(detector, dataset.recordings, opts);
  const prepared = run.recordings.map((r, i) => ({ run: r, segments: segmentsForDetector(dataset.recordings[i]!, labelMap, backgroundLabel) }));
  const scored: ScoredRecording[] = prepared.map(({ run: r, segments }) => recordingScore(r.events, segments, classes, r, { toleranceMs, edgeMs }));

  const { perClass, overall } = classMetrics(classes, scored);
  const ft = falseTriggers(classes, scored);
  const thresholds = opts.thresholds ?? [...new Set([...SWEEP_THRESHOLDS, run.decision.thresholdProb])].sort((a, b) => a - b);
  const sweep = thresholdSweep(
    prepared.map(({ run: r, segments }) => ({ scores: r.scores, segments, tStartMs: r.tStartMs, durationMs: r.durationMs })),
    spec.labels,
    run.decision,
    { toleranceMs, edgeMs, thresholds },
  );
  const otherSegments = scored.reduce((n, r) => n + r.segments.filter((s) => !classes.includes(s.label)).length, 0);
  const totalMs = scored.reduce((ms, r) => ms + r.durationMs, 0);

  return {
    version: EVAL_REPORT_VERSION,
    detector: { id: spec.id, name: spec.name, kind: spec.kind, interaction: spec.interaction },
    dataset: dataset.licence === undefined ? { name: dataset.name } : { name: dataset.name, licence: dataset.licence },
    evaluatedAt: opts.evaluatedAt ?? new Date().toISOString(),
    decision: run.decision,
    matching: { toleranceMs, edgeMs, labelMap },
    counts: {
      recordings: scored.length,
      negativeRecordings: scored.filter((r) => !r.edgeSegments?.length && !r.segments.some((s) => classes.includes(s.label))).length,
      segments: overall.segments,
      otherSegments,
      events: overall.events,
      windows: run.recordings.reduce((n, r) => n + r.scores.count, 0),
      unscoredRecordings: run.recordings.filter((r) => r.scores.count === 0).length,
      edgeSegments: scored.reduce((n, r) => n + (r.edgeSegments?.length ?? 0), 0),
    },
    durations: { totalHours: totalMs / 3_600_000, negativeHours: ft.negativeStreams.hours, backgroundHours: ft.background.hours },
    classes: perClass,
    overall,
    confusion: confusionMatrix(classes, scored, backgroundLabel),
    falseTriggers: ft,
    sweep,
  };
}
