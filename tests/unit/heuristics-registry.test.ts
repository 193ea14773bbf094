import { describe, expect, it } from "vitest";
import { isChannelName } from "@/lib/models/channels";
import { decisionSettingsCheck } from "@/lib/models/decision";
import { HEURISTICS, heuristicCreate, heuristicDefinition } from "@/lib/models/heuristics";
import { INTERACTIONS } from "@/lib/models/manifest";
import { prng } from "./seeded-random";

/** Param names carry their unit, so a settings panel and a reader of the code agree on it. */
const UNIT_SUFFIX: Record<string, RegExp> = {
  "m/s²": /Mps2$/,
  "rad/s": /RadPerS$/,
  ms: /Ms$/,
  Hz: /Hz$/,
  deg: /Deg$/,
  "": /Share/,
};

describe("heuristic registry", () => {
  it("has one heuristic per built-in interaction, named after it", () => {
    expect(HEURISTICS.map((h) => h.name).sort()).toEqual([...INTERACTIONS].sort());
    for (const h of HEURISTICS) expect(h.interaction).toBe(h.name);
  });

  for (const h of HEURISTICS) {
    describe(h.name, () => {
      it("describes itself: title, a short description naming its params, labels [background, event]", () => {
        expect(h.title.length).toBeGreaterThan(3);
        expect(h.description.length).toBeLessThan(400);
        for (const key of Object.keys(h.params)) expect(h.description).toContain(key);
        expect(h.labels).toEqual([
          { name: "background", role: "background" },
          { name: h.interaction, role: "event" },
        ]);
      });

      it("params have a unit in their name, a default within range, and a description", () => {
        for (const [key, p] of Object.entries(h.params)) {
          expect(UNIT_SUFFIX[p.unit], `${key}: unit "${p.unit}"`).toBeDefined();
          expect(key).toMatch(UNIT_SUFFIX[p.unit]!);
          expect(p.min).toBeLessThan(p.max);
          expect(p.value).toBeGreaterThanOrEqual(p.min);
          expect(p.value).toBeLessThanOrEqual(p.max);
          expect(p.step).toBeGreaterThan(0);
          expect(p.description.length).toBeGreaterThan(10);
        }
      });

      it("creates a detector whose spec is what the runtime and a manifest expect", () => {
        const d = heuristicCreate(h.name);
        const { spec } = d;
        expect(spec.id).toBe(`heuristic:${h.name}`);
        expect(spec.kind).toBe("heuristic");
        expect(spec.interaction).toBe(h.interaction);
        expect(spec.labels).toEqual(h.labels);
        expect(spec.input).toEqual(h.input);
        expect(spec.decision).toEqual(h.decision);
        expect(() => decisionSettingsCheck(spec.decision)).not.toThrow();
        expect(spec.input.channels.every(isChannelName)).toBe(true);
        expect(spec.input.hopSamples).toBeLessThanOrEqual(spec.input.windowSamples);
        expect(Number.isInteger(spec.input.windowSamples) && Number.isInteger(spec.input.hopSamples)).toBe(true);
        expect(heuristicDefinition(h.name)).toBe(h);
      });

      it("scores any window, NaN included, as two probabilities in [0, 1] summing to 1", () => {
        const d = heuristicCreate(h.name);
        const { windowSamples, channels, rateHz, hopSamples } = d.spec.input;
        const rand = prng(7);
        for (let k = 0; k < 40; k++) {
          const w = new Float32Array(windowSamples * channels.length).map(() => (rand() - 0.5) * 40);
          if (k % 5 === 4) w[Math.floor(rand() * w.length)] = NaN;
          const p = d.score(w, 1000 + (k * hopSamples * 1000) / rateHz);
          expect(p).toHaveLength(2);
          expect(p[0]! + p[1]!).toBeCloseTo(1, 6);
          expect(p[1]).toBeGreaterThanOrEqual(0);
          expect(p[1]).toBeLessThanOrEqual(1);
        }
        d.reset();
        d.dispose();
      });

      it("accepts every param at its bounds", () => {
        for (const [key, p] of Object.entries(h.params)) {
          for (const value of [p.min, p.max]) {
            const d = (() => {
              try {
                return heuristicCreate(h.name, { [key]: value });
              } catch (e) {
                // Only a bound that crosses its partner (e.g. a min above the default max) may be refused.
                expect((e as Error).message).toMatch(/must be below/);
                return null;
              }
            })();
            if (d) expect(d.spec.input.windowSamples).toBeGreaterThanOrEqual(d.spec.input.hopSamples);
          }
        }
      });
    });
  }

  it("refuses an unknown heuristic, naming the known ones", () => {
    expect(() => heuristicCreate("wave")).toThrow(/unknown heuristic "wave".*raise-to-speak.*handwash/);
    expect(() => heuristicDefinition("")).toThrow(/unknown heuristic/);
  });

  it("refuses unknown params and out-of-range or non-finite values, naming param, value and range", () => {
    expect(() => heuristicCreate("flick", { flickPeakRadPerSec: 4 })).toThrow(/unknown param "flickPeakRadPerSec".*flickPeakRadPerS/);
    expect(() => heuristicCreate("flick", { flickPeakRadPerS: 50 })).toThrow(/"flickPeakRadPerS" is 50 but must be within 1-20 rad\/s/);
    expect(() => heuristicCreate("raise-to-speak", { raiseMinDeg: NaN })).toThrow(/"raiseMinDeg" is NaN/);
    expect(() => heuristicCreate("handwash", { bandShareMin: -0.1 })).toThrow(/"bandShareMin" is -0.1 but must be within 0.2-0.95$/);
  });

  it("refuses a range whose low end is not below its high end", () => {
    expect(() => heuristicCreate("double-tap", { tapGapMinMs: 300, tapGapMaxMs: 200 })).toThrow(/"tapGapMinMs" \(300\) must be below "tapGapMaxMs" \(200\)/);
    expect(() => heuristicCreate("handwash", { scrubFreqMinHz: 4, scrubFreqMaxHz: 4 })).toThrow(/must be below/);
  });

  it("applies params: a detector reports them in its rule's context and leaves the defaults alone", () => {
    const longer = heuristicCreate("double-tap", { quietMs: 800 });
    expect(longer.spec.input.windowSamples).toBeGreaterThan(heuristicDefinition("double-tap").input.windowSamples);
    const hold = heuristicCreate("raise-to-speak", { holdMs: 1000 });
    expect(hold.spec.input.windowSamples).toBe(50);
    expect(heuristicDefinition("raise-to-speak").params.holdMs?.value).toBe(300);
  });
});
