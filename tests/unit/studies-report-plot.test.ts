import { describe, expect, it } from "vitest";
import type { StudyFigures } from "@/lib/protocol/studies";
import { FIGURES_NONE, axisNice, bandsLayout, dotOffsets, labelLines, reportConditions, reportParticipants, scaleY } from "@/lib/studies/report-plot";

const figures = (trials: number, successes: number): StudyFigures => ({ ...FIGURES_NONE, trials, successes, successRate: successes / trials });

describe("axisNice", () => {
  it("rounds the top up to a multiple of a 1, 2, 2.5 or 5 step", () => {
    expect(axisNice(7.3)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(axisNice(100)).toEqual({ max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    expect(axisNice(9, 4)).toEqual({ max: 10, step: 2.5, ticks: [0, 2.5, 5, 7.5, 10] });
  });

  it("keeps float noise out of the ticks", () => {
    const axis = axisNice(0.7);
    expect(axis.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(axis.max).toBe(0.8);
  });

  it("gives 0..1 when there is nothing to show", () => {
    for (const v of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) expect(axisNice(v).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("always reaches the value", () => {
    for (const v of [0.013, 1, 1.01, 3.3, 9.99, 42, 999, 12345]) {
      const axis = axisNice(v);
      expect(axis.max).toBeGreaterThanOrEqual(v);
      expect(axis.ticks.length).toBeGreaterThanOrEqual(3);
      expect(axis.ticks.length).toBeLessThanOrEqual(8);
    }
  });
});

describe("scaleY", () => {
  it("maps 0 to the bottom and the axis top to the top, clamping outside", () => {
    expect(scaleY(0, 10, 200, 20)).toBe(200);
    expect(scaleY(10, 10, 200, 20)).toBe(20);
    expect(scaleY(5, 10, 200, 20)).toBe(110);
    expect(scaleY(12, 10, 200, 20)).toBe(20);
    expect(scaleY(-1, 10, 200, 20)).toBe(200);
  });
});

describe("bandsLayout and dotOffsets", () => {
  it("splits the width into equal bands", () => {
    expect(bandsLayout(2, 100, 400, 0.5)).toEqual([
      { centerPx: 200, innerPx: 100 },
      { centerPx: 400, innerPx: 100 },
    ]);
  });

  it("spreads dots evenly, one in the middle", () => {
    expect(dotOffsets(0, 40)).toEqual([]);
    expect(dotOffsets(1, 40)).toEqual([0]);
    expect(dotOffsets(3, 40)).toEqual([-20, 0, 20]);
  });
});

describe("labelLines", () => {
  it("keeps a short label on one line", () => {
    expect(labelLines("Baseline", 12)).toEqual(["Baseline"]);
  });

  it("wraps at words", () => {
    expect(labelLines("Raise with voice cue", 12)).toEqual(["Raise with", "voice cue"]);
  });

  it("ends what does not fit with an ellipsis", () => {
    expect(labelLines("one two three four five six", 9)).toEqual(["one two", "three…"]);
    expect(labelLines("Supercalifragilistic", 8, 1)).toEqual(["Superca…"]);
    for (const line of labelLines("a very long condition name that cannot fit in two", 10)) expect(line.length).toBeLessThanOrEqual(10);
  });
});

describe("reportConditions", () => {
  const study = { id: "s1", name: "S", sceneId: "double-tap", conditions: [{ id: "a", name: "A" }, { id: "b", name: "B" }] };

  it("follows the study's order, with empty figures for a condition without trials", () => {
    const out = reportConditions({ study, byCondition: [{ condition: "a", name: "A", figures: figures(4, 3) }] });
    expect(out.map((c) => c.id)).toEqual(["a", "b"]);
    expect(out[0]!.figures.successes).toBe(3);
    expect(out[1]!.figures).toEqual(FIGURES_NONE);
  });

  it("keeps a condition only the results know, after the others", () => {
    const byCondition = [
      { condition: "old", name: "Old", figures: figures(2, 1) },
      { condition: "b", name: "B", figures: figures(2, 2) },
    ];
    expect(reportConditions({ study, byCondition }).map((c) => c.id)).toEqual(["a", "b", "old"]);
  });
});

describe("reportParticipants", () => {
  it("keeps the results' order and only those with a finished trial", () => {
    const byParticipant = ["P01", "P02", "P03"].map((participant) => ({ participant, status: null, figures: FIGURES_NONE }));
    const cells = [
      { participant: "P03", condition: "a", figures: figures(2, 1) },
      { participant: "P01", condition: "a", figures: figures(2, 2) },
      { participant: "P09", condition: "b", figures: figures(1, 0) },
      { participant: "P02", condition: "a", figures: FIGURES_NONE },
    ];
    expect(reportParticipants({ byParticipant, cells })).toEqual(["P01", "P03", "P09"]);
  });
});
