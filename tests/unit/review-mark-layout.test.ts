import { describe, expect, it } from "vitest";
import { markLayout } from "@/lib/review/mark-layout";
import type { TimeWindow } from "@/lib/review/timeline-view";

const view: TimeWindow = { startMs: 0, endMs: 1000 };
const at = (...ms: number[]) => ms.map((tMs) => ({ tMs }));

describe("review mark layout", () => {
  it("gives marks far apart their own flag in the top row, in time order", () => {
    const slots = markLayout(at(500, 100, 900), view, 1000, 12, 3);
    expect(slots.map((s) => [s.xPx, s.row, s.items.length])).toEqual([
      [100, 0, 1],
      [500, 0, 1],
      [900, 0, 1],
    ]);
  });

  it("moves a flag that would cover another to the next free row", () => {
    const slots = markLayout(at(100, 105, 108), view, 1000, 12, 3);
    expect(slots.map((s) => s.row)).toEqual([0, 1, 2]);
  });

  it("reuses a row once a flag has cleared its last one", () => {
    const slots = markLayout(at(100, 105, 112), view, 1000, 12, 3);
    expect(slots.map((s) => s.row)).toEqual([0, 1, 0]);
  });

  it("groups what does not fit into the last row's flag, keeping every mark", () => {
    const marks = at(...Array.from({ length: 10 }, (_, i) => 100 + i));
    const slots = markLayout(marks, view, 1000, 12, 3);
    expect(slots).toHaveLength(3);
    expect(slots[2]!.row).toBe(2);
    expect(slots[2]!.items.map((m) => m.tMs)).toEqual([102, 103, 104, 105, 106, 107, 108, 109]);
    expect(slots.reduce((n, s) => n + s.items.length, 0)).toBe(10);
  });

  it("lays out only the marks inside the window, at the window's scale", () => {
    const slots = markLayout(at(-5, 250, 1500), { startMs: 0, endMs: 500 }, 200, 12, 3);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.xPx).toBe(100);
  });

  it("thousands of marks zoomed out stay a bounded number of flags", () => {
    const marks = at(...Array.from({ length: 5000 }, (_, i) => i / 5));
    const slots = markLayout(marks, view, 1000, 12, 3);
    expect(slots.length).toBeLessThanOrEqual(3 * Math.ceil(1000 / 12) + 3);
    expect(slots.reduce((n, s) => n + s.items.length, 0)).toBe(5000);
  });
});
