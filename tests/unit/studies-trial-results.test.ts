import { describe, expect, it } from "vitest";
import { resultSummary, resultsBy, trialResult, type TrialRecord } from "@/lib/studies/trial-results";

const trial = (over: Partial<TrialRecord>): TrialRecord => ({
  participant: "P01",
  condition: "A",
  trial: 1,
  expected: "double-tap",
  promptAtMs: 10_000,
  endAtMs: 40_000,
  marks: [],
  events: [],
  ...over,
});

describe("trial results", () => {
  it("counts a matching event as success, timing it from the prompt and from the gesture's end", () => {
    const r = trialResult(trial({ events: [{ interaction: "double-tap", tEndMs: 12_300, detectedAtMs: 12_450 }] }));
    expect(r).toMatchObject({ outcome: "success", outcomeBy: "detector", timeToTriggerMs: 2_450, detectionLatencyMs: 150, falseTriggers: 0, unexpectedEvents: 0 });
  });

  it("lets the facilitator's last success or miss mark win, and counts false-trigger marks apart", () => {
    const r = trialResult(
      trial({
        marks: [
          { kind: "false-trigger", atMs: 11_000 },
          { kind: "success", atMs: 12_000 },
          { kind: "miss", atMs: 20_000 },
        ],
        events: [
          { interaction: "double-tap", tEndMs: 10_900, detectedAtMs: 11_000 },
          { interaction: "flick", tEndMs: 15_000, detectedAtMs: 15_100 },
        ],
      }),
    );
    expect(r).toMatchObject({ outcome: "miss", outcomeBy: "facilitator", falseTriggers: 1, unexpectedEvents: 1, timeToTriggerMs: 1_000 });
  });

  it("is a miss without a matching event or a mark", () => {
    expect(trialResult(trial({ events: [{ interaction: "flick", tEndMs: 1, detectedAtMs: 2 }] }))).toMatchObject({ outcome: "miss", timeToTriggerMs: null, unexpectedEvents: 1 });
  });

  it("summarises success rate, median time to trigger and false triggers per minute, per condition", () => {
    const results = [
      trialResult(trial({ condition: "A", events: [{ interaction: "double-tap", tEndMs: 11_000, detectedAtMs: 11_100 }] })),
      trialResult(trial({ condition: "A", trial: 2, events: [{ interaction: "double-tap", tEndMs: 13_000, detectedAtMs: 13_200 }] })),
      trialResult(trial({ condition: "B", marks: [{ kind: "false-trigger", atMs: 20_000 }] })),
    ];
    const byCondition = resultsBy(results, "condition");
    expect(byCondition.get("A")).toEqual({ trials: 2, successes: 2, successRate: 1, timeToTriggerMsP50: 2_150, detectionLatencyMsMean: 150, falseTriggers: 0, falseTriggersPerMin: 0 });
    expect(byCondition.get("B")).toMatchObject({ trials: 1, successes: 0, successRate: 0, timeToTriggerMsP50: null, falseTriggers: 1, falseTriggersPerMin: 2 });
    expect(resultSummary([])).toMatchObject({ trials: 0, successRate: 0, falseTriggersPerMin: 0 });
  });
});
