import type { InteractionEvent } from "@/lib/models/detector";
import { DetectorRunner } from "@/lib/models/detector-runner";
import { heuristicCreate } from "@/lib/models/heuristics";
import { motionGenerate, type MotionName, type MotionSegment } from "@/lib/sim/motion-generator";

/**
 * Helpers for the heuristic tests: sim motion through the full runtime (resampling,
 * windows, decision) exactly as the desktop runs it, and hand-built windows.
 */

export const START_MS = 1_700_000_000_000;

export interface SimRun {
  events: InteractionEvent[];
  segments: MotionSegment[];
  /** Event-label probability per scored window. */
  scores: number[];
}

export function simRun(name: string, motion: MotionName, seed: number, seconds = 60, rateHz = 60): SimRun {
  const track = motionGenerate({ motion, seconds, seed, rateHz, startTimeMs: START_MS });
  const events: InteractionEvent[] = [];
  const scores: number[] = [];
  const runner = new DetectorRunner(heuristicCreate(name), {
    deviceId: "sim",
    nowMs: () => 0,
    onEvent: (e) => events.push(e),
    onScores: (f) => scores.push(f.probs[1]!),
  });
  for (const s of track.samples) runner.push(s[0], s);
  return { events, segments: track.segments, scores };
}

export interface Matching {
  /** Per segment with room after it for the rule to finish: the delay from the segment's end to the matched event's window end, or null if missed. */
  delaysMs: (number | null)[];
  /** Events matching no segment. */
  unmatched: InteractionEvent[];
}

/**
 * Pairs each `label` segment with the first unused event whose window ends within
 * [segment start, segment end + maxDelayMs]. Only segments starting at or after
 * `fromMs` and ending `maxDelayMs` before `toMs` count as detected or missed: at the
 * run's start the first window is still filling, at its end the rule may have had no
 * time to see a gesture out. An event for any segment is matched, though.
 */
export function eventsMatch(run: SimRun, label: MotionName, maxDelayMs: number, fromMs: number, toMs: number): Matching {
  const used = new Set<InteractionEvent>();
  const delaysMs: (number | null)[] = [];
  for (const s of run.segments) {
    if (s.label !== label) continue;
    const e = run.events.find((ev) => !used.has(ev) && ev.tEndMs >= s.startMs && ev.tEndMs <= s.endMs + maxDelayMs);
    if (e) used.add(e);
    if (s.startMs >= fromMs && s.endMs + maxDelayMs <= toMs) delaysMs.push(e ? e.tEndMs - s.endMs : null);
  }
  return { delaysMs, unmatched: run.events.filter((e) => !used.has(e)) };
}

/** A time-major window of `rows` rows, one value per channel from `row(i, tMs)`; row i ends at `tEndMs`. */
export function windowBuild(rows: number, rateHz: number, tEndMs: number, row: (i: number, tMs: number) => readonly number[]): Float32Array {
  const first = row(0, tEndMs - ((rows - 1) * 1000) / rateHz);
  const w = new Float32Array(rows * first.length);
  for (let i = 0; i < rows; i++) w.set(row(i, tEndMs - ((rows - 1 - i) * 1000) / rateHz), i * first.length);
  return w;
}
