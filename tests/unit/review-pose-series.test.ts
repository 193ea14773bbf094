import { describe, expect, it } from "vitest";
import { SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { poseSeriesCompute } from "@/lib/review/pose-series";

const G = 9.80665;
const DEG = Math.PI / 180;

/** Stored rows of a phone held still with gravity read as `up` (device frame, m/s²); gyro zero or NaN. */
function stillRows(up: [number, number, number], seconds: number, opts: { rateHz?: number; gyro?: boolean; t0Ms?: number } = {}): Float64Array {
  const rateHz = opts.rateHz ?? 60;
  const n = Math.round(seconds * rateHz);
  const rows = new Float64Array(n * SAMPLE_WIDTH).fill(NaN);
  for (let i = 0; i < n; i++) {
    const r = i * SAMPLE_WIDTH;
    rows[r] = (opts.t0Ms ?? 1_700_000_000_000) + (i * 1000) / rateHz;
    rows.set(up, r + 1);
    if (opts.gyro !== false) rows.set([0, 0, 0], r + 7);
  }
  return rows;
}

const last = (a: Float64Array) => a[a.length - 1]!;

describe("review pose series", () => {
  it("reads a phone lying flat and still as level: pitch, roll and yaw ~0", () => {
    const rows = stillRows([0, 0, G], 2);
    const p = poseSeriesCompute(rows, rows.length / SAMPLE_WIDTH);
    expect(p.pitchDeg.length).toBe(120);
    for (let i = 0; i < 120; i++) {
      expect(Math.abs(p.pitchDeg[i]!)).toBeLessThan(0.01);
      expect(Math.abs(p.rollDeg[i]!)).toBeLessThan(0.01);
      expect(Math.abs(p.yawDeg[i]!)).toBeLessThan(0.01);
    }
  });

  it("reads the forearm raised 30° when gravity tilts toward the phone's top edge", () => {
    const rows = stillRows([0, G * Math.sin(30 * DEG), G * Math.cos(30 * DEG)], 2);
    const p = poseSeriesCompute(rows, 120);
    expect(last(p.pitchDeg)).toBeCloseTo(30, 1);
    expect(last(p.rollDeg)).toBeCloseTo(0, 1);
  });

  it("reads a 40° twist about the forearm as roll, its sign following the arm", () => {
    const rows = stillRows([G * Math.sin(40 * DEG), 0, G * Math.cos(40 * DEG)], 2);
    const left = poseSeriesCompute(rows, 120, { side: "left" });
    const right = poseSeriesCompute(rows, 120, { side: "right" });
    expect(Math.abs(last(left.rollDeg))).toBeCloseTo(40, 1);
    expect(last(right.rollDeg)).toBeCloseTo(-last(left.rollDeg), 6);
    expect(last(left.pitchDeg)).toBeCloseTo(0, 1);
  });

  it("works without a gyroscope (NaN rotation rate), from gravity alone", () => {
    const rows = stillRows([0, G * Math.sin(-20 * DEG), G * Math.cos(-20 * DEG)], 2, { gyro: false });
    expect(last(poseSeriesCompute(rows, 120).pitchDeg)).toBeCloseTo(-20, 1);
  });

  it("leaves rows without acceleration as NaN gaps and continues after them", () => {
    const rows = stillRows([0, 0, G], 2);
    for (let i = 50; i < 60; i++) rows.fill(NaN, i * SAMPLE_WIDTH + 1, i * SAMPLE_WIDTH + 4);
    const p = poseSeriesCompute(rows, 120);
    for (let i = 50; i < 60; i++) expect(p.pitchDeg[i]).toBeNaN();
    expect(Number.isFinite(p.pitchDeg[49]!)).toBe(true);
    expect(Number.isFinite(p.pitchDeg[60]!)).toBe(true);
  });

  it("follows a change of tilt across a long gap between samples", () => {
    const flat = stillRows([0, 0, G], 1);
    const raised = stillRows([0, G * Math.sin(45 * DEG), G * Math.cos(45 * DEG)], 1, { t0Ms: 1_700_000_005_000 });
    const rows = new Float64Array(flat.length + raised.length);
    rows.set(flat);
    rows.set(raised, flat.length);
    const p = poseSeriesCompute(rows, 120);
    expect(p.pitchDeg[59]!).toBeCloseTo(0, 1);
    expect(p.pitchDeg[60]!).toBeCloseTo(45, 1);
  });

  it("computes only `length` rows, and nothing for none", () => {
    const rows = stillRows([0, 0, G], 1);
    expect(poseSeriesCompute(rows, 10).rollDeg.length).toBe(10);
    expect(poseSeriesCompute(rows, 1e6).rollDeg.length).toBe(60);
    expect(poseSeriesCompute(new Float64Array(0), 0).pitchDeg.length).toBe(0);
  });
});
