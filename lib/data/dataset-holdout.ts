import { rngStream } from "../sim/prng";
import type { MotionDataset, MotionRecording } from "./motion-recording";

/**
 * A held-out test side of a recorded dataset, by recording group, for `npm run
 * train --holdout` and `npm run eval --holdout`: both compute the same split from
 * the same share and seed, so the evaluation never sees a group the model trained
 * (or validated) on. Groups are drawn per label (a recording's first segment's), so
 * every class is on both sides when it has two groups or more.
 */

export interface DatasetHoldout {
  train: MotionDataset;
  test: MotionDataset;
}

const stratum = (r: MotionRecording) => r.segments[0]?.label ?? "";

export function datasetHoldout(dataset: MotionDataset, share: number, seed = 1): DatasetHoldout {
  if (!(share > 0 && share < 1)) throw new RangeError(`the held-out share must be between 0 and 1, got ${share}`);
  const groupsByStratum = new Map<string, string[]>();
  for (const r of dataset.recordings) {
    const list = groupsByStratum.get(stratum(r)) ?? [];
    if (!list.includes(r.group)) list.push(r.group);
    groupsByStratum.set(stratum(r), list);
  }
  const rng = rngStream(seed, "data/holdout");
  const testGroups = new Set<string>();
  for (const [, groups] of [...groupsByStratum].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...groups].sort();
    for (let i = sorted.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
    }
    const n = sorted.length < 2 ? 0 : Math.max(1, Math.round(share * sorted.length));
    for (const g of sorted.slice(0, n)) testGroups.add(g);
  }
  const side = (test: boolean): MotionDataset => ({
    ...dataset,
    name: `${dataset.name} (${test ? "held-out" : "training"} ${Math.round((test ? share : 1 - share) * 100)}% of groups, seed ${seed})`,
    recordings: dataset.recordings.filter((r) => testGroups.has(r.group) === test),
  });
  return { train: side(false), test: side(true) };
}
