import { describe, expect, it } from "vitest";
import { heuristicCreate } from "@/lib/models/heuristics";
import type { MotionName } from "@/lib/sim/motion-generator";
import { eventsMatch, simRun, START_MS, windowBuild } from "./heuristics-sim-run";
import { prng } from "./seeded-random";

const NAME = "double-tap";

interface Pattern {
  /** Times of jolts, ms before the window's end, with their |linear acceleration| peak. */
  jolts: [agoMs: number, mps2: number][];
  /** Times of strap rocks (no jolt), ms before the window's end, with their |rotation rate| peak. */
  rocks?: [agoMs: number, radPerS: number][];
  /** Steady arm rotation under everything, rad/s. */
  turningRadPerS?: number;
  noGyro?: boolean;
  noAccel?: boolean;
}

/** One window of [accelNorm, gyroNorm] at the detector's rate: sensor noise plus one-row spikes. */
function tapScore(p: Pattern, params?: Record<string, number>): number {
  const d = heuristicCreate(NAME, params);
  const { windowSamples, rateHz } = d.spec.input;
  const rand = prng(11);
  const dtMs = 1000 / rateHz;
  const tEndMs = 10_000;
  const at = (list: [number, number][] | undefined, tMs: number) =>
    (list ?? []).reduce((v, [ago, peak]) => (Math.abs(tEndMs - ago - tMs) < dtMs / 2 ? peak : v), 0);
  const w = windowBuild(windowSamples, rateHz, tEndMs, (_, tMs) => [
    p.noAccel ? NaN : 0.05 + 0.03 * rand() + at(p.jolts, tMs),
    p.noGyro ? NaN : (p.turningRadPerS ?? 0.01) + 0.005 * rand() + at(p.rocks, tMs),
  ]);
  return d.score(w, tEndMs)[1]!;
}

describe("double tap heuristic: hand-built windows", () => {
  const pair: [number, number][] = [
    [800, 3],
    [550, 2.5],
  ];

  it("fires for two sharp jolts 250 ms apart on a still arm", () => {
    expect(tapScore({ jolts: pair })).toBeGreaterThan(0.95);
  });

  it("counts a tap that shows only as a rock of the strap (the jolt fell between samples)", () => {
    expect(tapScore({ jolts: [[800, 3]], rocks: [[550, 0.3]] })).toBeGreaterThan(0.95);
  });

  it("does not fire for one tap, three taps, or two taps too far apart", () => {
    expect(tapScore({ jolts: [[700, 3]] })).toBe(0);
    expect(tapScore({ jolts: [...pair, [300, 3]] })).toBeLessThan(0.05);
    expect(tapScore({ jolts: [[1000, 3], ...pair] })).toBeLessThan(0.05);
    expect(tapScore({ jolts: [[1200, 3], [500, 3]] })).toBeLessThan(0.05);
  });

  it("does not fire before the quiet after the second tap has been seen", () => {
    expect(tapScore({ jolts: [[500, 3], [250, 3]] })).toBe(0);
  });

  it("does not fire for jolts below tapPeakMps2, or while the arm turns faster than stillMaxRadPerS", () => {
    expect(tapScore({ jolts: [[800, 0.7], [550, 0.7]] })).toBe(0);
    expect(tapScore({ jolts: pair }, { tapPeakMps2: 4 })).toBe(0);
    expect(tapScore({ jolts: pair, turningRadPerS: 2 })).toBe(0);
  });

  it("works on jolts alone without a gyroscope, but not without linear acceleration", () => {
    expect(tapScore({ jolts: pair, noGyro: true })).toBeGreaterThan(0.95);
    expect(tapScore({ jolts: pair, noAccel: true })).toBe(0);
  });
});

describe("double tap heuristic on sim motion, through the runtime", () => {
  const SEEDS = [1, 2, 3, 4, 5];

  /**
   * The simulator, like a phone, reads its sensors at instants: a 15-27 ms tap falls
   * partly between 60 Hz samples, and sometimes both its jolt and its rock are missed
   * (~1 tap in 10 here). Detection is therefore a rate, higher at higher sample rates.
   */
  for (const [rateHz, minRate] of [
    [60, 0.8],
    [100, 0.9],
  ] as const) {
    it(`detects at least ${minRate * 100}% of double taps at ${rateHz} Hz, 0.35-0.6 s after the second tap, with no extra events`, () => {
      const delays: (number | null)[] = [];
      for (const seed of SEEDS) {
        const run = simRun(NAME, "double-tap", seed, 60, rateHz);
        // The window (1.6 s) must have filled with the quiet before a pair.
        const m = eventsMatch(run, "double-tap", 1000, START_MS + 1600, START_MS + 60_000);
        expect(m.unmatched, `seed ${seed}`).toEqual([]);
        delays.push(...m.delaysMs);
      }
      const hits = delays.filter((d): d is number => d !== null);
      expect(delays.length).toBeGreaterThan(80);
      expect(hits.length / delays.length).toBeGreaterThanOrEqual(minRate);
      // quietMs (400) after the second tap, and part of a hop.
      expect(Math.min(...hits)).toBeGreaterThan(350);
      expect(Math.max(...hits)).toBeLessThan(600);
    });
  }

  // Shake included: a shaken arm jolts all the time and turns fast, so neither "exactly two" nor "still" holds.
  const negatives: MotionName[] = ["idle", "walk", "shake", "raise", "lower", "flick", "scrub"];
  for (const motion of negatives) {
    it(`never fires on 60 s of ${motion} (seeds ${SEEDS.slice(0, 3).join(", ")})`, () => {
      for (const seed of SEEDS.slice(0, 3)) expect(simRun(NAME, motion, seed).events, `seed ${seed}`).toEqual([]);
    });
  }
});
