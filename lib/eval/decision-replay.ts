import type { DecisionSettings, DetectorLabel } from "../models/detector";
import { DecisionEngine } from "../models/decision";
import type { ScoreTrace } from "./run-detector";

/**
 * The runtime's decision run again over recorded window scores, with other settings:
 * the same {@link DecisionEngine}, fed the same probabilities and window times, and
 * restarted where the runner met a gap. At the settings the runner used it gives the
 * runner's events exactly (a unit test holds it to that), so a threshold sweep costs
 * no model calls.
 */

/** What matching needs of an event. */
export interface EventSpan {
  label: string;
  tStartMs: number;
  tEndMs: number;
  confidence: number;
}

export function decisionReplay(trace: ScoreTrace, labels: readonly DetectorLabel[], settings: DecisionSettings): EventSpan[] {
  if (trace.labelCount !== labels.length) {
    throw new RangeError(`the trace has ${trace.labelCount} probabilities per window, the labels are ${labels.length}`);
  }
  const engine = new DecisionEngine(labels, settings);
  const n = trace.labelCount;
  const out: EventSpan[] = [];
  for (let w = 0; w < trace.count; w++) {
    if (trace.restartBefore[w]) engine.restart();
    const fire = engine.update(trace.probs.subarray(w * n, (w + 1) * n), trace.tStartMs[w]!, trace.tEndMs[w]!);
    if (fire) out.push({ label: labels[fire.labelIndex]!.name, tStartMs: fire.tStartMs, tEndMs: fire.tEndMs, confidence: fire.confidence });
  }
  return out;
}
