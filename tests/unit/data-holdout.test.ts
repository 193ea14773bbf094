import { describe, expect, it } from "vitest";
import { datasetHoldout } from "@/lib/data/dataset-holdout";
import type { MotionDataset, MotionRecording } from "@/lib/data/motion-recording";

const rec = (id: string, group: string, label: string | null): MotionRecording => ({
  id,
  group,
  source: "test",
  samples: new Float64Array(13),
  length: 1,
  segments: label ? [{ label, tStartMs: 0, tEndMs: 1 }] : [],
});

const dataset: MotionDataset = {
  name: "clips",
  recordings: [
    ...Array.from({ length: 8 }, (_, i) => rec(`punch#${i}`, `punch-${i}`, "punch")),
    ...Array.from({ length: 4 }, (_, i) => rec(`flex#${i}`, `flex-${i}`, "flex")),
    rec("walk-a", "subject-1", null),
    rec("walk-b", "subject-1", null),
    rec("walk-c", "subject-2", null),
  ],
};

describe("datasetHoldout", () => {
  it("holds out whole groups, a share of each label's groups, the same way every time", () => {
    const a = datasetHoldout(dataset, 0.25, 1);
    const b = datasetHoldout(dataset, 0.25, 1);
    expect(a.test.recordings.map((r) => r.id)).toEqual(b.test.recordings.map((r) => r.id));
    const testGroups = new Set(a.test.recordings.map((r) => r.group));
    expect(a.train.recordings.some((r) => testGroups.has(r.group))).toBe(false);
    expect(a.train.recordings.length + a.test.recordings.length).toBe(dataset.recordings.length);
    const count = (d: MotionDataset, label: string) => d.recordings.filter((r) => r.segments[0]?.label === label).length;
    expect([count(a.test, "punch"), count(a.test, "flex")]).toEqual([2, 1]);
    expect([count(a.train, "punch"), count(a.train, "flex")]).toEqual([6, 3]);
    // Both recordings of subject-1 stay together, wherever they land.
    expect(new Set(a.test.recordings.filter((r) => r.group === "subject-1").map((r) => r.id)).size % 2).toBe(0);
  });

  it("draws other groups with another seed, and refuses a share outside (0, 1)", () => {
    const ids = (seed: number) => datasetHoldout(dataset, 0.25, seed).test.recordings.map((r) => r.id).join();
    expect(new Set([1, 2, 3, 4].map(ids)).size).toBeGreaterThan(1);
    expect(() => datasetHoldout(dataset, 0, 1)).toThrow(/between 0 and 1/);
    expect(() => datasetHoldout(dataset, 1, 1)).toThrow(/between 0 and 1/);
  });
});
