import { describe, expect, it } from "vitest";
import { rngStream } from "@/lib/sim/prng";
import { BUMP_PEAK_CURVATURE, BUMP_PEAK_SLOPE, profileBump, profileMinimumJerk } from "@/lib/sim/profiles";
import { SmoothNoise } from "@/lib/sim/smooth-noise";

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe("rngStream", () => {
  it("repeats exactly for the same seed and name, and differs otherwise", () => {
    const a = draw(100, rngStream(5, "x").next);
    expect(draw(100, rngStream(5, "x").next)).toEqual(a);
    expect(draw(100, rngStream(6, "x").next)).not.toEqual(a);
    expect(draw(100, rngStream(5, "y").next)).not.toEqual(a);
    // Seeds that differ only above bit 32 are different seeds.
    expect(draw(10, rngStream(2 ** 40 + 5, "x").next)).not.toEqual(a.slice(0, 10));
  });

  it("pins the algorithm: recorded seeds keep producing the same data", () => {
    expect(draw(3, rngStream(1, "pin").next).map((x) => x.toFixed(12))).toMatchInlineSnapshot(`
      [
        "0.234421337955",
        "0.531559972325",
        "0.321636379696",
      ]
    `);
  });

  it("is uniform in [0, 1) and its gaussian has mean 0 and sd 1", () => {
    const u = draw(100_000, rngStream(1, "uniform").next);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const histogram = new Array<number>(10).fill(0);
    for (const x of u) histogram[Math.floor(x * 10)]!++;
    for (const count of histogram) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    const rng = rngStream(1, "gauss");
    const g = draw(100_000, rng.gaussian);
    const mean = g.reduce((s, x) => s + x, 0) / g.length;
    const sd = Math.sqrt(g.reduce((s, x) => s + (x - mean) ** 2, 0) / g.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
    expect(g.filter((x) => Math.abs(x) > 3).length / g.length).toBeCloseTo(0.0027, 3);
  });
});

describe("SmoothNoise", () => {
  it("has roughly unit spread, is continuous, and is reproducible", () => {
    const n = new SmoothNoise(rngStream(3, "noise"), 0.5);
    const values = draw(20_000, (() => {
      let t = 0;
      return () => n.value((t += 0.01));
    })());
    const sd = Math.sqrt(values.reduce((s, x) => s + x * x, 0) / values.length);
    expect(sd).toBeGreaterThan(0.8);
    expect(sd).toBeLessThan(1.2);
    let maxStep = 0;
    for (let i = 1; i < values.length; i++) maxStep = Math.max(maxStep, Math.abs(values[i]! - values[i - 1]!));
    expect(maxStep).toBeLessThan(0.15);
    const again = new SmoothNoise(rngStream(3, "noise"), 0.5);
    expect(again.value(37.2)).toBe(new SmoothNoise(rngStream(3, "noise"), 0.5).value(37.2));
  });

  it("allows small steps back in time but refuses to revisit discarded knots", () => {
    const n = new SmoothNoise(rngStream(3, "noise"), 0.1);
    const v = n.value(50);
    expect(n.value(49.999)).toBeCloseTo(v, 2);
    expect(() => n.value(1)).toThrow(/discarded/);
  });
});

describe("profiles", () => {
  it("minimum jerk goes 0 → 1 with flat ends, the bump 0 → 1 → 0", () => {
    expect(profileMinimumJerk(-1)).toBe(0);
    expect(profileMinimumJerk(0.5)).toBe(0.5);
    expect(profileMinimumJerk(2)).toBe(1);
    expect(profileMinimumJerk(1e-3)).toBeLessThan(1e-8);
    expect(profileBump(0.5)).toBe(1);
    expect(profileBump(0)).toBe(0);
    expect(profileBump(1.2)).toBe(0);
  });

  it("states the bump's peak slope and curvature correctly", () => {
    const h = 1e-5;
    let slope = 0;
    let curvature = 0;
    for (let u = h; u < 1; u += 1e-4) {
      slope = Math.max(slope, Math.abs(profileBump(u + h) - profileBump(u - h)) / (2 * h));
      curvature = Math.max(curvature, Math.abs(profileBump(u + h) - 2 * profileBump(u) + profileBump(u - h)) / (h * h));
    }
    expect(slope).toBeCloseTo(BUMP_PEAK_SLOPE, 3);
    expect(curvature).toBeCloseTo(BUMP_PEAK_CURVATURE, 2);
  });
});
