import { describe, expect, it } from "vitest";
import { heuristicCreate } from "@/lib/models/heuristics";
import type { Detector } from "@/lib/models/detector";
import type { MotionName } from "@/lib/sim/motion-generator";
import { simRun, START_MS, windowBuild } from "./heuristics-sim-run";
import { prng } from "./seeded-random";

const G = 9.80665;
const DEG = Math.PI / 180;
const NAME = "handwash";

interface Rub {
  hz: number;
  /** Amplitude of the back-and-forth acceleration along the forearm, m/s². */
  mps2: number;
  /** Forearm elevation, degrees. */
  elevationDeg: number;
  /** A stretch without rubbing, [from, to) seconds of the stream. */
  pauseS?: [number, number];
}

/** Scores hop after hop of [accelGX, accelGY, accelGZ] for `seconds` of stream; returns every score. */
function rubScores(d: Detector, rub: Rub, seconds: number): number[] {
  const { windowSamples, hopSamples, rateHz } = d.spec.input;
  const rand = prng(5);
  const e = rub.elevationDeg * DEG;
  const scores: number[] = [];
  for (let tEndMs = ((windowSamples - 1) * 1000) / rateHz; tEndMs <= seconds * 1000; tEndMs += (hopSamples * 1000) / rateHz) {
    const w = windowBuild(windowSamples, rateHz, tEndMs, (_, tMs) => {
      const tS = tMs / 1000;
      const paused = rub.pauseS && tS >= rub.pauseS[0] && tS < rub.pauseS[1];
      const a = paused ? 0 : rub.mps2 * Math.sin(2 * Math.PI * rub.hz * tS);
      return [0.03 * (rand() - 0.5), G * Math.sin(e) + a, G * Math.cos(e) + 0.03 * (rand() - 0.5)];
    });
    scores.push(d.score(w, tEndMs)[1]!);
  }
  return scores;
}

const scrub: Rub = { hz: 3, mps2: 3, elevationDeg: 10 };

describe("handwash heuristic: hand-built streams", () => {
  it("fires once 3 Hz rubbing in front of the body has gone on for sustainMs (4 s), not before", () => {
    const s = rubScores(heuristicCreate(NAME), scrub, 8);
    // Hops of 0.5 s; the first window ends at 2.54 s, so index k ends at 2.54 + k/2 s.
    expect(Math.max(...s.slice(0, 2))).toBeLessThan(0.05);
    expect(s[s.length - 1]).toBeGreaterThan(0.95);
  });

  it("does not fire for a rhythm outside scrubFreqMinHz-scrubFreqMaxHz, too weak a one, or the arm hanging down", () => {
    const cases: [string, Rub][] = [
      ["6 Hz (shaking)", { ...scrub, hz: 6 }],
      ["0.8 Hz (arm swing)", { ...scrub, hz: 0.8 }],
      ["0.2 m/s²", { ...scrub, mps2: 0.2 }],
      ["forearm hanging at −70°", { ...scrub, elevationDeg: -70 }],
    ];
    for (const [what, rub] of cases) expect(Math.max(...rubScores(heuristicCreate(NAME), rub, 10)), what).toBeLessThan(0.05);
  });

  it("starts counting afresh after a pause", () => {
    const s = rubScores(heuristicCreate(NAME), { ...scrub, pauseS: [6, 7] }, 13);
    const at = (tS: number) => s[Math.round((tS - 2.54) * 2)]!;
    expect(at(5.9)).toBeGreaterThan(0.95);
    // Windows that see the pause, then 4 s more of rubbing before it counts again.
    expect(at(8)).toBeLessThan(0.05);
    expect(at(10)).toBeLessThan(0.5);
    expect(at(11.9)).toBeGreaterThan(0.95);
  });

  it("follows its params, and reset() forgets the rubbing so far", () => {
    expect(Math.max(...rubScores(heuristicCreate(NAME, { scrubFreqMaxHz: 2.5 }), scrub, 10))).toBeLessThan(0.05);
    const d = heuristicCreate(NAME, { sustainMs: 10_000 });
    expect(rubScores(d, scrub, 8).at(-1)).toBeLessThan(0.05);
    const fresh = heuristicCreate(NAME);
    rubScores(fresh, scrub, 8);
    fresh.reset();
    expect(rubScores(fresh, scrub, 3).at(-1)).toBeLessThan(0.05);
  });
});

describe("handwash heuristic on sim motion, through the runtime", () => {
  const SEEDS = [1, 2, 3, 4, 5];

  it("fires once per 60 s of scrubbing, about sustainMs after it starts", () => {
    for (const seed of SEEDS) {
      const run = simRun(NAME, "scrub", seed);
      expect(run.events, `seed ${seed}`).toHaveLength(1);
      const delayMs = run.events[0]!.tEndMs - START_MS;
      expect(delayMs).toBeGreaterThan(3500);
      expect(delayMs).toBeLessThan(5000);
    }
  });

  // Shake included: its rhythm (4.5-7 Hz) is faster than rubbing.
  const negatives: MotionName[] = ["idle", "walk", "shake", "raise", "lower", "double-tap", "flick"];
  for (const motion of negatives) {
    it(`never fires on 60 s of ${motion} (seeds ${SEEDS.slice(0, 3).join(", ")})`, () => {
      for (const seed of SEEDS.slice(0, 3)) expect(simRun(NAME, motion, seed).events, `seed ${seed}`).toEqual([]);
    });
  }
});
