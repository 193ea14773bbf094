import type { InteractionEvent } from "./detector";

/**
 * How often two detectors (or a detector and hand labels) report the same events.
 *
 * Two events match when they are of the same interaction and their intervals
 * [tStartMs, tEndMs] overlap or lie at most `toleranceMs` apart: detectors with
 * different windows report one motion with different extents, and a short event
 * just before a long one's start is still the same motion.
 *
 * Matching is one-to-one and greedy in time: A's events in order of start, each
 * takes the earliest-starting unmatched B event it matches. Events of one detector
 * are spaced by its refractory time, so a real choice between candidates is rare;
 * in a dense burst the greedy pairing may be one short of the largest possible.
 */

export interface AgreementOptions {
  /** Largest gap between two events' intervals that still matches. Default 500. */
  toleranceMs?: number;
}

export interface Agreement {
  matched: number;
  onlyA: number;
  onlyB: number;
  /** matched / (matched + onlyA + onlyB): 1 when both report the same events; NaN when both are empty. */
  agreement: number;
  /** Indices into a and b of each matched pair, in order of a's start times. */
  pairs: Array<[number, number]>;
}

export const DEFAULT_AGREEMENT_TOLERANCE_MS = 500;

export function eventAgreement(
  a: readonly InteractionEvent[],
  b: readonly InteractionEvent[],
  opts: AgreementOptions = {},
): Agreement {
  const tol = opts.toleranceMs ?? DEFAULT_AGREEMENT_TOLERANCE_MS;
  if (!(tol >= 0)) throw new RangeError(`toleranceMs must be >= 0, got ${tol}`);
  const byStart = (xs: readonly InteractionEvent[]) => xs.map((_, i) => i).sort((i, j) => xs[i]!.tStartMs - xs[j]!.tStartMs);
  const orderB = byStart(b);
  const taken = new Uint8Array(b.length);
  const pairs: Array<[number, number]> = [];
  for (const i of byStart(a)) {
    const ea = a[i]!;
    for (const j of orderB) {
      const eb = b[j]!;
      if (eb.tStartMs > ea.tEndMs + tol) break;
      if (taken[j] || eb.interaction !== ea.interaction || eb.tEndMs < ea.tStartMs - tol) continue;
      taken[j] = 1;
      pairs.push([i, j]);
      break;
    }
  }
  const matched = pairs.length;
  const onlyA = a.length - matched;
  const onlyB = b.length - matched;
  const total = matched + onlyA + onlyB;
  return { matched, onlyA, onlyB, agreement: total === 0 ? NaN : matched / total, pairs };
}
