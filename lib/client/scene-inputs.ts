import type { SlotId } from "../models/host-protocol";
import type { ScoreInput } from "../scenes/scene-types";
import type { DesktopDetectors } from "./desktop-detectors";

/** A score older than this (stream time) says nothing about now: the phone stopped, or the slot is loading. */
export const SCORE_STALE_MS = 1500;

/**
 * Each role's newest score and whether it is above the role's threshold, read from
 * the detector runtime's score rings (no allocation per role beyond the result).
 */
export function sceneScores<S extends SlotId>(detectors: DesktopDetectors<S>, serverNowMs: number | null): Record<string, ScoreInput | null> {
  const state = detectors.getState();
  const out: Record<string, ScoreInput | null> = {};
  for (const role of detectors.slotIds) {
    const ring = detectors.scores[role];
    const threshold = state.slots[role].decision?.thresholdProb;
    const tEndMs = ring.length ? ring.latest(0) : NaN;
    const fresh = ring.length > 0 && state.slots[role].running !== null && (serverNowMs === null || serverNowMs - tEndMs <= SCORE_STALE_MS);
    if (!fresh || threshold === undefined) {
      out[role] = null;
      continue;
    }
    const score = ring.latest(1);
    out[role] = { score, above: score >= threshold };
  }
  return out;
}
