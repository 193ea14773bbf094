import { describe, expect, it } from "vitest";
import { heuristicCreate } from "@/lib/models/heuristics";
import type { MotionName } from "@/lib/sim/motion-generator";
import { eventsMatch, simRun, START_MS, windowBuild } from "./heuristics-sim-run";

const NAME = "flick";

interface Burst {
  /** Centre, ms before the window's end. */
  agoMs: number;
  durationMs: number;
  peakRadPerS: number;
  /** Rotation axis in device axes; the forearm is the phone's y. */
  axis: readonly [number, number, number];
}

const FOREARM = [0, 1, 0] as const;
const ACROSS = [1, 0, 0] as const;

/**
 * One window of [gyroX, gyroY, gyroZ]: each burst a twist out and back, i.e. a full
 * sine period of rate (positive, then negative), as the forearm turns and returns.
 */
function flickScore(bursts: Burst[], params?: Record<string, number>): number {
  const d = heuristicCreate(NAME, params);
  const { windowSamples, rateHz } = d.spec.input;
  const tEndMs = 5000;
  const w = windowBuild(windowSamples, rateHz, tEndMs, (_, tMs) => {
    const out = [0.01, -0.01, 0.005];
    for (const b of bursts) {
      const u = (tMs - (tEndMs - b.agoMs - b.durationMs / 2)) / b.durationMs;
      if (u <= 0 || u >= 1) continue;
      const rate = b.peakRadPerS * Math.sin(2 * Math.PI * u);
      for (let a = 0; a < 3; a++) out[a] = out[a]! + rate * b.axis[a]!;
    }
    return out;
  });
  return d.score(w, tEndMs)[1]!;
}

describe("flick heuristic: hand-built windows", () => {
  const flick: Burst = { agoMs: 550, durationMs: 250, peakRadPerS: 8, axis: FOREARM };

  it("fires for one 250 ms twist at 8 rad/s about the forearm, with stillness around it", () => {
    expect(flickScore([flick])).toBeGreaterThan(0.95);
  });

  it("does not fire for the same burst about another axis (a swing or a raise)", () => {
    expect(flickScore([{ ...flick, axis: ACROSS }])).toBe(0);
    expect(flickScore([{ ...flick, axis: [0.8, 0.6, 0] }])).toBeLessThan(0.05);
  });

  it("does not fire for a slow turn, a long one, or one not yet seen out", () => {
    expect(flickScore([{ ...flick, peakRadPerS: 2.5 }])).toBe(0);
    expect(flickScore([{ ...flick, durationMs: 800, agoMs: 700 }])).toBe(0);
    expect(flickScore([{ ...flick, agoMs: 200 }])).toBe(0);
  });

  it("does not fire for twists repeating every 0.2 s (shaking, scrubbing): no stillness between them", () => {
    const repeated = [300, 500, 700, 900].map((agoMs) => ({ ...flick, agoMs, durationMs: 200 }));
    expect(flickScore(repeated)).toBe(0);
  });

  it("follows its params", () => {
    expect(flickScore([flick], { flickPeakRadPerS: 12 })).toBe(0);
    expect(flickScore([{ ...flick, durationMs: 600, agoMs: 700 }], { flickMaxMs: 800 })).toBeGreaterThan(0.95);
  });

  it("gives no score without a gyroscope", () => {
    const d = heuristicCreate(NAME);
    const { windowSamples, rateHz } = d.spec.input;
    expect(d.score(windowBuild(windowSamples, rateHz, 1000, () => [NaN, NaN, NaN]), 1000)[1]).toBe(0);
  });
});

describe("flick heuristic on sim motion, through the runtime", () => {
  const SEEDS = [1, 2, 3, 4, 5];

  it("fires once for every flick, 0.25-0.45 s after it ends, with no extra events", () => {
    const delays: (number | null)[] = [];
    for (const seed of SEEDS) {
      const run = simRun(NAME, "flick", seed);
      const m = eventsMatch(run, "flick", 1000, START_MS + 1200, START_MS + 60_000);
      expect(m.unmatched, `seed ${seed}`).toEqual([]);
      delays.push(...m.delaysMs);
    }
    expect(delays.length).toBeGreaterThan(80);
    expect(delays).not.toContain(null);
    // quietMs (300) of stillness after the burst, minus the burst's quiet tail, plus part of a hop.
    expect(Math.min(...(delays as number[]))).toBeGreaterThan(250);
    expect(Math.max(...(delays as number[]))).toBeLessThan(450);
  });

  // Shake included: it twists the forearm at several rad/s, but over and over, never with stillness around one twist.
  const negatives: MotionName[] = ["idle", "walk", "shake", "raise", "lower", "double-tap", "scrub"];
  for (const motion of negatives) {
    it(`never fires on 60 s of ${motion} (seeds ${SEEDS.slice(0, 3).join(", ")})`, () => {
      for (const seed of SEEDS.slice(0, 3)) expect(simRun(NAME, motion, seed).events, `seed ${seed}`).toEqual([]);
    });
  }
});
