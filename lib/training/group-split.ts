import { rngStream } from "../sim/prng";
import { shuffleInPlace } from "./epoch-sampler";
import { IGNORE } from "./window-labels";
import type { WindowSet } from "./window-dataset";

/**
 * Train/validation split by recording group (subject, session, sim seed): every
 * window of a group lands on one side, because windows of one recording overlap and
 * share its person, phone and mounting; splitting them would grade the model on
 * data it has as good as seen.
 *
 * Groups are stratified by their most frequent event class (background when they
 * hold none), so that a dataset whose groups each hold one gesture (a clip per
 * recording, as in punch-flex) still has every class on both sides when it can.
 */

export interface GroupSplit {
  train: string[];
  val: string[];
  /** Window indices per side, IGNORE windows excluded. */
  trainIndices: Int32Array;
  valIndices: Int32Array;
}

/** The group's most frequent non-background class, else 0. */
function groupStratum(counts: readonly number[]): number {
  let best = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c]! > 0 && (best === 0 || counts[c]! > counts[best]!)) best = c;
  return best;
}

export function groupSplit(set: WindowSet, valFraction: number, seed: number): GroupSplit {
  if (!(valFraction > 0 && valFraction < 1)) throw new RangeError(`valFraction must be between 0 and 1, got ${valFraction}`);
  if (set.groups.length < 2) {
    throw new Error(`all windows come from one recording group (${set.groups[0] ?? "none"}): a split by group needs at least two`);
  }
  const perGroup = set.groups.map(() => set.classNames.map(() => 0));
  for (let i = 0; i < set.count; i++) {
    const label = set.labels[i]!;
    if (label !== IGNORE) perGroup[set.groupIndex[i]!]![label]!++;
  }
  const strata = new Map<number, number[]>();
  perGroup.forEach((counts, g) => {
    const s = groupStratum(counts);
    strata.set(s, [...(strata.get(s) ?? []), g]);
  });

  const rng = rngStream(seed, "training/group-split");
  const isVal = new Uint8Array(set.groups.length);
  for (const [, members] of [...strata].sort(([a], [b]) => a - b)) {
    // The seeded stream makes a seed always give the same split.
    const groups = shuffleInPlace(Int32Array.from(members), rng);
    // Round, but leave a stratum of two or more groups one on each side.
    const wanted = Math.round(groups.length * valFraction);
    const take = groups.length >= 2 ? Math.min(groups.length - 1, Math.max(1, wanted)) : 0;
    for (const g of groups.slice(0, take)) isVal[g] = 1;
  }
  if (!isVal.includes(1)) isVal[set.groups.length - 1] = 1;

  const train: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < set.count; i++) {
    if (set.labels[i] === IGNORE) continue;
    (isVal[set.groupIndex[i]!] ? val : train).push(i);
  }
  return {
    train: set.groups.filter((_, g) => !isVal[g]),
    val: set.groups.filter((_, g) => isVal[g]),
    trainIndices: Int32Array.from(train),
    valIndices: Int32Array.from(val),
  };
}
