import { describe, expect, it } from "vitest";
import {
  VIEW_MIN_MS,
  viewCenterOn,
  viewClamp,
  viewEquals,
  viewFit,
  viewMsToX,
  viewPan,
  viewXToMs,
  viewZoom,
  type TimeWindow,
} from "@/lib/review/timeline-view";

const bounds: TimeWindow = { startMs: 10_000, endMs: 70_000 };

describe("review timeline view", () => {
  it("fits the whole recording", () => {
    expect(viewFit(bounds)).toEqual(bounds);
  });

  it("centres a recording shorter than the minimum window in a minimum window", () => {
    const v = viewFit({ startMs: 1000, endMs: 1100 });
    expect(v.endMs - v.startMs).toBe(VIEW_MIN_MS);
    expect((v.startMs + v.endMs) / 2).toBe(1050);
  });

  it("zooms in around the given time, keeping it at the same place on screen", () => {
    const v = viewZoom(bounds, bounds, 0.5, 25_000);
    expect(v.endMs - v.startMs).toBe(30_000);
    // 25 s was a quarter of the way across before; it still is.
    expect((25_000 - v.startMs) / (v.endMs - v.startMs)).toBeCloseTo(0.25, 12);
  });

  it("never zooms in below the minimum window nor out beyond the recording", () => {
    let v = bounds;
    for (let i = 0; i < 40; i++) v = viewZoom(v, bounds, 0.5, 40_000);
    expect(v.endMs - v.startMs).toBe(VIEW_MIN_MS);
    expect(v.startMs).toBeLessThanOrEqual(40_000);
    expect(v.endMs).toBeGreaterThanOrEqual(40_000);
    for (let i = 0; i < 40; i++) v = viewZoom(v, bounds, 3, 12_000);
    expect(v).toEqual(bounds);
  });

  it("zooming near an end shifts the window back inside instead of showing time outside the recording", () => {
    const narrow = { startMs: 10_000, endMs: 12_000 };
    const v = viewZoom(narrow, bounds, 4, 10_000);
    expect(v).toEqual({ startMs: 10_000, endMs: 18_000 });
  });

  it("pans by ms and stops at both ends without changing the width", () => {
    const v = { startMs: 20_000, endMs: 30_000 };
    expect(viewPan(v, bounds, 5000)).toEqual({ startMs: 25_000, endMs: 35_000 });
    expect(viewPan(v, bounds, 1e9)).toEqual({ startMs: 60_000, endMs: 70_000 });
    expect(viewPan(v, bounds, -1e9)).toEqual({ startMs: 10_000, endMs: 20_000 });
  });

  it("clamps a too-narrow or too-wide window", () => {
    expect(viewClamp({ startMs: 30_000, endMs: 30_050 }, bounds)).toEqual({ startMs: 30_000, endMs: 30_000 + VIEW_MIN_MS });
    expect(viewClamp({ startMs: 0, endMs: 1e6 }, bounds)).toEqual(bounds);
  });

  it("centres on a time (an overview click)", () => {
    expect(viewCenterOn({ startMs: 20_000, endMs: 30_000 }, bounds, 50_000)).toEqual({ startMs: 45_000, endMs: 55_000 });
    expect(viewCenterOn({ startMs: 20_000, endMs: 30_000 }, bounds, 69_000)).toEqual({ startMs: 60_000, endMs: 70_000 });
  });

  it("maps ms to x and back", () => {
    const v = { startMs: 20_000, endMs: 30_000 };
    expect(viewMsToX(v, 1000, 20_000)).toBe(0);
    expect(viewMsToX(v, 1000, 25_000)).toBe(500);
    expect(viewMsToX(v, 1000, 30_000)).toBe(1000);
    for (const x of [0, 123.5, 777, 1000]) expect(viewMsToX(v, 1000, viewXToMs(v, 1000, x))).toBeCloseTo(x, 9);
  });

  it("compares windows", () => {
    expect(viewEquals({ startMs: 1, endMs: 2 }, { startMs: 1, endMs: 2 })).toBe(true);
    expect(viewEquals({ startMs: 1, endMs: 2 }, { startMs: 1, endMs: 3 })).toBe(false);
  });
});
