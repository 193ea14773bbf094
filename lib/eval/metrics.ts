import type { LabelledSegment } from "../data/motion-recording";
import { percentileOfSorted } from "../stream/percentile";
import type { EventMatch } from "./event-match";

/**
 * Event-level figures from matched recordings (see event-match.ts for the rule).
 *
 * "Classes" are the detector's event labels. A ratio whose denominator is zero is
 * null, never NaN (JSON has no NaN, and 0 would claim a result): precision with no
 * events, recall with no segments of the class, a rate over zero hours, percentiles of
 * no delays. F1 is computed as 2·TP / (2·TP + FP + FN), which equals the harmonic mean
 * of precision and recall where both exist, is 0 when there were segments or events
 * but no true positive, and null only when there were neither.
 */

export interface ScoredRecording {
  tStartMs: number;
  durationMs: number;
  events: readonly { label: string; tEndMs: number }[];
  /** Labels already mapped to the detector's; segments of its background label left out. */
  segments: readonly LabelledSegment[];
  match: EventMatch;
  /**
   * Class segments too close to the recording's start or end to be judged, left out
   * of `segments` with the events placed on them (recording-score.ts). Not scored, but
   * still gesture time: neither background nor a sign of a negative stream.
   */
  edgeSegments?: readonly LabelledSegment[];
}

export interface Percentiles {
  count: number;
  /** Linear interpolation between ranks (type 7, as numpy and R). */
  p50: number | null;
  p95: number | null;
}

export interface ClassMetrics {
  label: string;
  segments: number;
  events: number;
  tp: number;
  /** Every event that is not a true positive, double detections included. */
  fp: number;
  /** The false positives that repeat an already matched segment of their label. */
  doubles: number;
  missed: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** From the gesture's end to the end of the deciding window, true positives only. */
  delayMs: Percentiles;
  /**
   * From the segment's start to the end of the deciding window: the figure that means
   * something for a long activity (a minute of handwashing is recognisable long before
   * it ends, so its delay from the end is hugely negative).
   */
  delayFromStartMs: Percentiles;
}

export interface Confusion {
  /** True labels: the classes, then other segment labels met, then background. */
  rows: string[];
  /** Detected labels: the classes, then "none". */
  cols: string[];
  /**
   * counts[row][col]. A class column counts events of that label placed on a segment
   * of the row's label (or on background); the none column counts segments on which
   * no event of any label was placed. Background's none cell is always 0: background
   * time has no units to count.
   */
  counts: number[][];
}

export interface FalseTriggers {
  events: number;
  hours: number;
  perHour: number | null;
  /** Events by detected label. */
  byLabel: Record<string, number>;
}

export const NONE_COLUMN = "none";
const HOUR_MS = 3_600_000;

export function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => (sorted.length === 0 ? null : percentileOfSorted(sorted, p));
  return { count: sorted.length, p50: at(50), p95: at(95) };
}

interface Tally {
  segments: number;
  tp: number;
  fp: number;
  doubles: number;
  delays: number[];
  delaysFromStart: number[];
}

function metricsOf(label: string, c: Tally): ClassMetrics {
  const missed = c.segments - c.tp;
  return {
    label,
    segments: c.segments,
    events: c.tp + c.fp,
    tp: c.tp,
    fp: c.fp,
    doubles: c.doubles,
    missed,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.segments),
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + missed),
    delayMs: percentiles(c.delays),
    delayFromStartMs: percentiles(c.delaysFromStart),
  };
}

/** Per class, and over all classes together (micro: counts summed before dividing), labelled "all". */
export function classMetrics(classes: readonly string[], recs: readonly ScoredRecording[]): { perClass: ClassMetrics[]; overall: ClassMetrics } {
  const blank = (): Tally => ({ segments: 0, tp: 0, fp: 0, doubles: 0, delays: [], delaysFromStart: [] });
  const byClass = new Map(classes.map((c) => [c, blank()]));
  const all = blank();
  for (const r of recs) {
    for (const s of r.segments) {
      const c = byClass.get(s.label);
      if (!c) continue;
      c.segments++;
      all.segments++;
    }
    r.match.events.forEach((v, i) => {
      const e = r.events[i]!;
      const c = byClass.get(e.label);
      if (!c) throw new Error(`event label "${e.label}" is not one of the classes ${classes.join(", ")}`);
      for (const t of [c, all]) {
        if (v.outcome === "tp") {
          t.tp++;
          t.delays.push(v.delayMs!);
          t.delaysFromStart.push(e.tEndMs - r.segments[v.segment]!.tStartMs);
        } else {
          t.fp++;
          if (v.outcome === "double") t.doubles++;
        }
      }
    });
  }
  return { perClass: classes.map((c) => metricsOf(c, byClass.get(c)!)), overall: metricsOf("all", all) };
}

export function confusionMatrix(classes: readonly string[], recs: readonly ScoredRecording[], backgroundRow: string): Confusion {
  const others: string[] = [];
  for (const r of recs) {
    for (const s of r.segments) if (!classes.includes(s.label) && !others.includes(s.label)) others.push(s.label);
  }
  const rows = [...classes, ...others, backgroundRow];
  const cols = [...classes, NONE_COLUMN];
  const counts = rows.map(() => cols.map(() => 0));
  const rowOf = (label: string) => rows.indexOf(label);
  const bg = rows.length - 1;
  for (const r of recs) {
    const placed = r.segments.map(() => 0);
    r.match.events.forEach((v, i) => {
      const row = v.segment < 0 ? bg : rowOf(r.segments[v.segment]!.label);
      if (v.segment >= 0) placed[v.segment]!++;
      counts[row]![cols.indexOf(r.events[i]!.label)]!++;
    });
    r.segments.forEach((s, j) => {
      if (placed[j] === 0) counts[rowOf(s.label)]![cols.length - 1]!++;
    });
  }
  return { rows, cols, counts };
}

/** Total length of the union of `spans`, clipped to [fromMs, toMs]. */
function coveredMs(spans: readonly LabelledSegment[], fromMs: number, toMs: number): number {
  const sorted = spans
    .map((s) => [Math.max(fromMs, s.tStartMs), Math.min(toMs, s.tEndMs)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let endMs = -Infinity;
  for (const [a, b] of sorted) {
    if (b <= endMs) continue;
    total += b - Math.max(a, endMs);
    endMs = b;
  }
  return total;
}

function triggers(events: number, ms: number, byLabel: Record<string, number>): FalseTriggers {
  const hours = ms / HOUR_MS;
  return { events, hours, perHour: ratio(events, hours), byLabel };
}

/**
 * Two views of "fires when it should not":
 * - negativeStreams: recordings with no segment of any class (ordinary wear, walking,
 *   other gestures); every event there is false, counted per hour of those recordings.
 * - background: over all recordings, the events the confusion matrix places off the
 *   classes (on background or on a segment of another label), per hour of time not
 *   covered by any class segment.
 */
export function falseTriggers(classes: readonly string[], recs: readonly ScoredRecording[]): { negativeStreams: FalseTriggers; background: FalseTriggers } {
  const negByLabel: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
  const bgByLabel: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
  let negEvents = 0;
  let negMs = 0;
  let bgEvents = 0;
  let bgMs = 0;
  for (const r of recs) {
    const target = [...r.segments.filter((s) => classes.includes(s.label)), ...(r.edgeSegments ?? [])];
    bgMs += r.durationMs - coveredMs(target, r.tStartMs, r.tStartMs + r.durationMs);
    const negative = target.length === 0;
    if (negative) negMs += r.durationMs;
    r.match.events.forEach((v, i) => {
      const label = r.events[i]!.label;
      if (negative) {
        negEvents++;
        negByLabel[label] = (negByLabel[label] ?? 0) + 1;
      }
      if (v.segment < 0 || !classes.includes(r.segments[v.segment]!.label)) {
        bgEvents++;
        bgByLabel[label] = (bgByLabel[label] ?? 0) + 1;
      }
    });
  }
  return { negativeStreams: triggers(negEvents, negMs, negByLabel), background: triggers(bgEvents, bgMs, bgByLabel) };
}
