import type { StudyFigures, StudyResults } from "../protocol/studies";

/**
 * Geometry for the study report's plots (drawn as plain SVG by the page): round
 * axes, bands per condition, dot spreads and wrapped labels. Pure numbers, so a
 * plot's layout is tested without a browser.
 */

export interface PlotAxis {
  /** Top of the axis; the bottom is always 0 (rates and times start there). */
  max: number;
  step: number;
  ticks: number[];
}

/** Steps a reader counts in without effort, as multiples of a power of ten. */
const NICE_STEPS = [1, 2, 2.5, 5, 10];

/**
 * An axis from 0 to a round number at or above `maxValue`, in about `target` steps
 * of 1, 2, 2.5 or 5 × 10^k. Nothing to show (0, negative, NaN) gives 0..1, so the
 * plot still has a scale.
 */
export function axisNice(maxValue: number, target = 5): PlotAxis {
  if (!(maxValue > 0) || !Number.isFinite(maxValue)) return axisOf(1, 0.25);
  const raw = maxValue / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = magnitude * (NICE_STEPS.find((s) => s * magnitude >= raw * (1 - 1e-9)) ?? 10);
  return axisOf(Math.ceil(maxValue / step - 1e-9) * step, step);
}

function axisOf(max: number, step: number): PlotAxis {
  const count = Math.round(max / step);
  // toPrecision drops float noise such as 0.30000000000000004 from the tick labels.
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: Number(max.toPrecision(12)), step, ticks };
}

/** A value of 0..`axisMax` to a y pixel: 0 at `bottomPx`, `axisMax` at `topPx` (SVG y grows down). */
export function scaleY(value: number, axisMax: number, bottomPx: number, topPx: number): number {
  const clamped = Math.min(axisMax, Math.max(0, value));
  return bottomPx - (clamped / axisMax) * (bottomPx - topPx);
}

export interface PlotBand {
  centerPx: number;
  /** The drawable width inside the band: bars and dot spreads stay within it. */
  innerPx: number;
}

/** `count` equal bands across `widthPx` from `leftPx`, each with `padFraction` of its width left empty. */
export function bandsLayout(count: number, leftPx: number, widthPx: number, padFraction = 0.3): PlotBand[] {
  const bandPx = count > 0 ? widthPx / count : widthPx;
  return Array.from({ length: count }, (_, i) => ({ centerPx: leftPx + bandPx * (i + 0.5), innerPx: bandPx * (1 - padFraction) }));
}

/**
 * x offsets (centred on 0) for `count` dots across `widthPx`, in order: dots of equal
 * value sit side by side instead of on top of each other, and the same index lands on
 * the same offset in every band, so a participant can be followed across conditions.
 */
export function dotOffsets(count: number, widthPx: number): number[] {
  if (count <= 1) return count === 1 ? [0] : [];
  return Array.from({ length: count }, (_, i) => -widthPx / 2 + (i * widthPx) / (count - 1));
}

/**
 * `text` wrapped at word boundaries into at most `maxLines` lines of `maxChars`; what
 * does not fit ends in "…" (the full text goes in the SVG's <title>).
 */
export function labelLines(text: string, maxChars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  const cut = (s: string) => `${s.slice(0, Math.max(0, maxChars - 1))}…`;
  const out = lines.slice(0, maxLines).map((l) => (l.length > maxChars ? cut(l) : l));
  const last = out[out.length - 1];
  if (lines.length > maxLines && last !== undefined && !last.endsWith("…")) out[out.length - 1] = last.length < maxChars ? `${last}…` : cut(last);
  return out;
}

export interface ReportCondition {
  id: string;
  name: string;
  /** Zero trials when no trial of the condition is finished yet. */
  figures: StudyFigures;
}

export const FIGURES_NONE: StudyFigures = {
  trials: 0,
  successes: 0,
  successRate: 0,
  timeToTriggerMsP50: null,
  detectionLatencyMsMean: null,
  falseTriggers: 0,
  falseTriggersPerMin: 0,
};

/**
 * The conditions in the study's order (the first is the baseline of the comparison),
 * each with its figures; a condition only the results know (not in the definition)
 * comes after, so no finished trial drops out of the report.
 */
export function reportConditions(results: Pick<StudyResults, "study" | "byCondition">): ReportCondition[] {
  const figures = new Map(results.byCondition.map((c) => [c.condition, c]));
  const known = results.study.conditions.map((c) => ({ id: c.id, name: c.name, figures: figures.get(c.id)?.figures ?? FIGURES_NONE }));
  const ids = new Set(known.map((c) => c.id));
  const extra = results.byCondition.filter((c) => !ids.has(c.condition)).map((c) => ({ id: c.condition, name: c.name, figures: c.figures }));
  return [...known, ...extra];
}

/**
 * The participants with a finished trial, in the results' participant order (then any
 * only the cells name): the dots' left-to-right order and the rows of the paired table.
 */
export function reportParticipants(results: Pick<StudyResults, "byParticipant" | "cells">): string[] {
  const withTrials = new Set(results.cells.filter((c) => c.figures.trials > 0).map((c) => c.participant));
  const ordered = [...new Set([...results.byParticipant.map((p) => p.participant), ...results.cells.map((c) => c.participant)])];
  return ordered.filter((p) => withTrials.has(p));
}
