import { describe, expect, it } from "vitest";
import { heuristicCreate } from "@/lib/models/heuristics";
import type { MotionName } from "@/lib/sim/motion-generator";
import { eventsMatch, simRun, START_MS, windowBuild } from "./heuristics-sim-run";

const G = 9.80665;
const DEG = Math.PI / 180;
const NAME = "raise-to-speak";

/** Gravity as the strapped phone reads it, forearm raised `elevationDeg`, turned `twistDeg` about itself (0 = face toward the wearer). */
function gravity(elevationDeg: number, twistDeg = 0): [number, number, number] {
  const e = elevationDeg * DEG;
  const t = twistDeg * DEG;
  return [G * Math.cos(e) * Math.sin(t), G * Math.sin(e), G * Math.cos(e) * Math.cos(t)];
}

/** Scores a detector on consecutive hops of a pose held from `fromMs`; returns the last score. */
function holdScore(d: ReturnType<typeof heuristicCreate>, fromMs: number, hops: number, g: readonly number[], gyroRadPerS = 0.02): number {
  const { windowSamples, rateHz, hopSamples } = d.spec.input;
  let p = 0;
  for (let k = 0; k < hops; k++) {
    const tEndMs = fromMs + ((windowSamples - 1 + k * hopSamples) * 1000) / rateHz;
    p = d.score(windowBuild(windowSamples, rateHz, tEndMs, () => [...g, gyroRadPerS]), tEndMs)[1]!;
  }
  return p;
}

describe("raise to speak heuristic: hand-built windows", () => {
  it("fires when the forearm, just down, is raised 70° with the face toward the wearer and held", () => {
    const d = heuristicCreate(NAME);
    expect(holdScore(d, 0, 3, gravity(0))).toBe(0);
    expect(holdScore(d, 600, 1, gravity(70, 15))).toBeGreaterThan(0.95);
  });

  it("does not fire for a raised pose that was never preceded by a lower one (a posture, not a gesture)", () => {
    const d = heuristicCreate(NAME);
    expect(holdScore(d, 0, 10, gravity(70))).toBe(0);
  });

  it("stops scoring once the hold has gone on for longer than raiseWithinMs", () => {
    const d = heuristicCreate(NAME, { raiseWithinMs: 1000 });
    holdScore(d, 0, 3, gravity(0));
    // 40 hops of 100 ms: 4 s into the hold.
    expect(holdScore(d, 600, 40, gravity(70))).toBe(0);
  });

  it("rejects a forearm below raiseMinDeg, a face turned sideways or to the floor, and a moving arm", () => {
    const cases: [string, readonly number[], number][] = [
      ["raised only 30°", gravity(30), 0.02],
      ["face sideways (thumb up, as holding a glass)", gravity(60, 90), 0.02],
      ["face toward the floor", gravity(55, 180), 0.02],
      ["turning at 1.5 rad/s", gravity(70), 1.5],
    ];
    for (const [what, g, gyro] of cases) {
      const d = heuristicCreate(NAME);
      holdScore(d, 0, 3, gravity(0));
      expect(holdScore(d, 600, 2, g, gyro), what).toBeLessThan(0.05);
    }
  });

  it("follows its params: a higher raiseMinDeg refuses what the default accepts", () => {
    const strict = heuristicCreate(NAME, { raiseMinDeg: 80 });
    holdScore(strict, 0, 3, gravity(0));
    expect(holdScore(strict, 600, 1, gravity(65))).toBe(0);
  });

  it("reset() forgets that the arm was down", () => {
    const d = heuristicCreate(NAME);
    holdScore(d, 0, 3, gravity(0));
    d.reset();
    expect(holdScore(d, 600, 1, gravity(70))).toBe(0);
  });

  it("gives no score without the accelerometer, and skips the stillness check without a gyroscope", () => {
    const d = heuristicCreate(NAME);
    holdScore(d, 0, 3, gravity(0));
    expect(holdScore(d, 600, 1, [NaN, NaN, NaN])).toBe(0);
    expect(holdScore(d, 700, 1, gravity(70), NaN)).toBeGreaterThan(0.95);
  });
});

describe("raise to speak heuristic on sim motion, through the runtime", () => {
  const SEEDS = [1, 2, 3, 4, 5];

  it("fires once for every raise that has room to be held, within 0.5 s of the arm arriving, never on a lowering", () => {
    const delays: number[] = [];
    for (const motion of ["raise", "lower"] as const) {
      for (const seed of SEEDS) {
        const run = simRun(NAME, motion, seed);
        const m = eventsMatch(run, "raise", 1000, START_MS, START_MS + 60_000);
        expect(m.delaysMs.length).toBeGreaterThan(5);
        expect(m.delaysMs, `${motion} seed ${seed}`).not.toContain(null);
        expect(m.unmatched, `${motion} seed ${seed}: events away from any raise`).toEqual([]);
        delays.push(...(m.delaysMs as number[]));
      }
    }
    // Hold time (300 ms) plus up to a hop, counted from the end of the raise movement.
    expect(Math.min(...delays)).toBeGreaterThan(150);
    expect(Math.max(...delays)).toBeLessThan(500);
  });

  const negatives: MotionName[] = ["idle", "walk", "shake", "double-tap", "flick", "scrub"];
  for (const motion of negatives) {
    it(`never fires on 60 s of ${motion} (seeds ${SEEDS.slice(0, 3).join(", ")})`, () => {
      for (const seed of SEEDS.slice(0, 3)) expect(simRun(NAME, motion, seed).events, `seed ${seed}`).toEqual([]);
    });
  }
});
