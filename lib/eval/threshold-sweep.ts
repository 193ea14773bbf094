import type { LabelledSegment } from "../data/motion-recording";
import type { DecisionSettings, DetectorLabel } from "../models/detector";
import { decisionReplay } from "./decision-replay";
import { classMetrics, falseTriggers, type ScoredRecording } from "./metrics";
import { recordingScore, type ScoreOptions } from "./recording-score";
import type { ScoreTrace } from "./run-detector";

/**
 * Precision, recall, F1 and false triggers as the threshold moves, everything else in
 * the decision held: the recorded window scores go through the decision again at each
 * threshold ({@link decisionReplay}), so a sweep costs no model calls and the point at
 * the detector's own threshold agrees with the live run.
 */

export interface SweepRecording {
  scores: ScoreTrace;
  /** As in {@link ScoredRecording}: mapped labels, background segments left out. */
  segments: readonly LabelledSegment[];
  tStartMs: number;
  durationMs: number;
}

export interface SweepClassPoint {
  label: string;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface SweepPoint {
  thresholdProb: number;
  events: number;
  tp: number;
  fp: number;
  missed: number;
  /** Over all classes (micro). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Events per hour of negative streams, and off-class events per hour of background (see metrics.ts). */
  ftPerHour: number | null;
  backgroundFtPerHour: number | null;
  perClass: SweepClassPoint[];
}

/** 0.05, 0.10, ... 0.95, built from integers so each is the nearest double to its decimal. */
export const SWEEP_THRESHOLDS: readonly number[] = Array.from({ length: 19 }, (_, i) => (5 * (i + 1)) / 100);

export function thresholdSweep(
  recs: readonly SweepRecording[],
  labels: readonly DetectorLabel[],
  base: DecisionSettings,
  opts: ScoreOptions & { thresholds?: readonly number[] } = {},
): SweepPoint[] {
  const classes = labels.filter((l) => l.role === "event").map((l) => l.name);
  return (opts.thresholds ?? SWEEP_THRESHOLDS).map((thresholdProb) => {
    const settings = { ...base, thresholdProb };
    const scored: ScoredRecording[] = recs.map((r) => recordingScore(decisionReplay(r.scores, labels, settings), r.segments, classes, r, opts));
    const { perClass, overall } = classMetrics(classes, scored);
    const ft = falseTriggers(classes, scored);
    return {
      thresholdProb,
      events: overall.events,
      tp: overall.tp,
      fp: overall.fp,
      missed: overall.missed,
      precision: overall.precision,
      recall: overall.recall,
      f1: overall.f1,
      ftPerHour: ft.negativeStreams.perHour,
      backgroundFtPerHour: ft.background.perHour,
      perClass: perClass.map(({ label, precision, recall, f1 }) => ({ label, precision, recall, f1 })),
    };
  });
}
