import { describe, expect, it } from "vitest";
import type { SessionData } from "@/lib/studies/study-session-rows";
import { studyResults } from "@/lib/studies/study-results";
import { studyDefinition, thresholdCondition } from "@/tests/support/study-fixtures";

// Conditions listed low, high; P01 runs them high first, so definition order and run order differ.
const study = studyDefinition({
  trials: [
    { prompt: "Answer the call", role: "select", timeLimitS: 15 },
    { prompt: "Dismiss the alarm", role: "dismiss", timeLimitS: 10 },
  ],
  conditions: [thresholdCondition("low", 0.4), thresholdCondition("high", 0.7)],
});

type Trial = SessionData["trials"][number];
const trial = (seq: number, conditionId: string, trialIndex: number, promptAtMs: number, endAtMs: number | null, endReason: string | null): Trial => ({
  seq,
  conditionId,
  trialIndex,
  prompt: study.trials[trialIndex]!.prompt,
  role: study.trials[trialIndex]!.role,
  timeLimitS: study.trials[trialIndex]!.timeLimitS,
  promptAtMs,
  endAtMs,
  endReason,
});

/** A session as the store reads it back; its ids follow from the participant (P01: s-p01, rec-p01). */
const session = (s: Omit<SessionData, "id" | "recordingId">): SessionData => ({ ...s, id: `s-${s.participant.toLowerCase()}`, recordingId: `rec-${s.participant.toLowerCase()}` });

const p01 = session({
  participant: "P01",
  status: "complete",
  conditionOrder: ["high", "low"],
  startedAtMs: 100_000,
  trials: [
    trial(1, "high", 0, 101_000, 104_000, "detector"),
    trial(2, "high", 1, 106_000, 116_000, "time-limit"),
    trial(3, "low", 0, 120_000, 125_000, "miss"),
    // Still on screen when the session was read: it must not count.
    trial(4, "low", 1, 130_000, null, null),
  ],
  marks: [
    { seq: 1, kind: "false-trigger", atMs: 102_000, note: null },
    { seq: 3, kind: "note", atMs: 123_000, note: "Tapped with the other hand" },
    { seq: 3, kind: "miss", atMs: 125_000, note: null },
    { seq: 3, kind: "note", atMs: 125_500, note: "Said the buzz was too weak" },
    // A note outside any trial belongs to no trial row.
    { seq: null, kind: "note", atMs: 128_000, note: "Asked for water" },
  ],
  events: [
    // Matched by slot, whatever the detector calls its interaction.
    { slot: "select", interaction: "double-tap", tEndMs: 103_300, detectedAtMs: 103_500 },
    // Trial 2 expects "dismiss": a "select" event (even one named "dismiss") is unexpected.
    { slot: "select", interaction: "dismiss", tEndMs: 107_900, detectedAtMs: 108_000 },
    // The right slot, but after trial 2 ended: belongs to no trial.
    { slot: "dismiss", interaction: "flick", tEndMs: 116_900, detectedAtMs: 117_000 },
    { slot: "select", interaction: "double-tap", tEndMs: 121_900, detectedAtMs: 122_000 },
    // During the unfinished trial 4.
    { slot: "dismiss", interaction: "flick", tEndMs: 131_000, detectedAtMs: 131_200 },
  ],
});

const p02 = session({
  participant: "P02",
  status: "running",
  conditionOrder: ["low", "high"],
  startedAtMs: 200_000,
  trials: [trial(1, "low", 0, 201_000, 203_000, "success")],
  marks: [{ seq: 1, kind: "success", atMs: 202_600, note: null }],
  events: [{ slot: "select", interaction: "double-tap", tEndMs: 202_300, detectedAtMs: 202_400 }],
});

describe("study results", () => {
  const r = studyResults("study-1", study, [p01, p02]);

  it("names the study and its conditions, and skips trials that have not ended", () => {
    expect(r.study).toEqual({ id: "study-1", name: "Double tap thresholds", sceneId: "double-tap", conditions: [{ id: "low", name: "Threshold 0.4" }, { id: "high", name: "Threshold 0.7" }] });
    expect(r.trials.map((t) => `${t.participant}#${t.seq}`)).toEqual(["P01#1", "P01#2", "P01#3", "P02#1"]);
    expect(r.overall.trials).toBe(4);
  });

  it("scores a trial by its role's detector event inside the trial, timing it from the prompt", () => {
    expect(r.trials[0]).toMatchObject({
      participant: "P01",
      condition: "high",
      conditionName: "Threshold 0.7",
      conditionPosition: 1,
      trial: 1,
      seq: 1,
      prompt: "Answer the call",
      role: "select",
      outcome: "success",
      outcomeBy: "detector",
      endReason: "detector",
      timeToTriggerMs: 2_500,
      detectionLatencyMs: 200,
      falseTriggers: 1,
      unexpectedEvents: 0,
      durationMs: 3_000,
      promptAtSessionMs: 1_000,
      recordingId: "rec-p01",
      promptAtMs: 101_000,
      endAtMs: 104_000,
      notes: [],
    });
  });

  it("matches events by slot and only inside [prompt, end]", () => {
    // The select-slot event in trial 2 does not count for "dismiss"; the dismiss event came after the end.
    expect(r.trials[1]).toMatchObject({ role: "dismiss", outcome: "miss", outcomeBy: "detector", timeToTriggerMs: null, detectionLatencyMs: null, unexpectedEvents: 1, durationMs: 10_000 });
  });

  it("lets the facilitator's miss win over a detector event, keeps the event's timing, and collects the trial's notes", () => {
    expect(r.trials[2]).toMatchObject({
      condition: "low",
      conditionPosition: 2,
      trial: 1,
      seq: 3,
      outcome: "miss",
      outcomeBy: "facilitator",
      endReason: "miss",
      timeToTriggerMs: 2_000,
      detectionLatencyMs: 100,
      falseTriggers: 0,
      notes: ["Tapped with the other hand", "Said the buzz was too weak"],
    });
    expect(r.trials.flatMap((t) => t.notes)).not.toContain("Asked for water");
  });

  it("takes the facilitator's last success or miss, whatever the detector did", () => {
    const marks = (kinds: ("success" | "miss" | "false-trigger")[]): SessionData => ({
      ...p02,
      marks: kinds.map((kind, i) => ({ seq: 1, kind, atMs: 201_500 + i * 100, note: null })),
    });
    const outcome = (s: SessionData) => studyResults("s", study, [s]).trials[0]!;
    expect(outcome(marks(["success", "miss"]))).toMatchObject({ outcome: "miss", outcomeBy: "facilitator" });
    expect(outcome(marks(["miss", "success", "false-trigger"]))).toMatchObject({ outcome: "success", outcomeBy: "facilitator", falseTriggers: 1 });
    // A false-trigger mark alone is no verdict: the detector's event decides.
    expect(outcome(marks(["false-trigger"]))).toMatchObject({ outcome: "success", outcomeBy: "detector", falseTriggers: 1 });
    // Marks of another trial (seq 2) do not touch trial 1.
    const other: SessionData = { ...p02, marks: [{ seq: 2, kind: "miss", atMs: 202_000, note: null }] };
    expect(outcome(other)).toMatchObject({ outcome: "success", outcomeBy: "detector" });
  });

  it("counts events exactly at the prompt and at the end as inside the trial", () => {
    const s: SessionData = {
      ...p02,
      marks: [],
      events: [
        { slot: "select", interaction: "x", tEndMs: 200_900, detectedAtMs: 201_000 },
        { slot: "select", interaction: "x", tEndMs: 202_900, detectedAtMs: 203_000 },
        { slot: "select", interaction: "x", tEndMs: 203_000, detectedAtMs: 203_001 },
      ],
    };
    expect(studyResults("s", study, [s]).trials[0]).toMatchObject({ outcome: "success", timeToTriggerMs: 0, detectionLatencyMs: 100, unexpectedEvents: 1 });
  });

  it("sums per condition in the definition's order, per participant, and per participant x condition with trials", () => {
    expect(r.byCondition.map((c) => [c.condition, c.name, c.figures.trials, c.figures.successes])).toEqual([
      ["low", "Threshold 0.4", 2, 1],
      ["high", "Threshold 0.7", 2, 1],
    ]);
    expect(r.byParticipant.map((p) => [p.participant, p.status, p.figures.trials, p.figures.successes])).toEqual([
      ["P01", "complete", 3, 1],
      ["P02", "running", 1, 1],
    ]);
    // P02 has no "high" trial yet, so no cell for it.
    expect(r.cells.map((c) => [c.participant, c.condition, c.figures.trials])).toEqual([
      ["P01", "low", 1],
      ["P01", "high", 2],
      ["P02", "low", 1],
    ]);
  });

  it("reports false triggers per minute of summed trial time, and medians and means over matching events", () => {
    // 1 false trigger over 3 + 10 + 5 + 2 = 20 s of trials.
    expect(r.overall).toMatchObject({ trials: 4, successes: 2, successRate: 0.5, falseTriggers: 1 });
    expect(r.overall.falseTriggersPerMin).toBeCloseTo(3, 10);
    // Times to trigger 2500, 2000, 1400: median 2000; latencies 200, 100, 100.
    expect(r.overall.timeToTriggerMsP50).toBe(2_000);
    expect(r.overall.detectionLatencyMsMean).toBeCloseTo(400 / 3, 10);
    const high = r.byCondition.find((c) => c.condition === "high")!.figures;
    expect(high.falseTriggersPerMin).toBeCloseTo(1 / (13_000 / 60_000), 10);
    expect(r.byCondition.find((c) => c.condition === "low")!.figures.falseTriggersPerMin).toBe(0);
  });

  it("gives empty figures for a study with no finished trial", () => {
    const empty = studyResults("s", study, [{ ...p02, trials: [trial(1, "low", 0, 201_000, null, null)] }]);
    expect(empty.trials).toEqual([]);
    expect(empty.overall).toEqual({ trials: 0, successes: 0, successRate: 0, timeToTriggerMsP50: null, detectionLatencyMsMean: null, falseTriggers: 0, falseTriggersPerMin: 0 });
    expect(empty.byCondition.map((c) => c.figures.trials)).toEqual([0, 0]);
    expect(empty.byParticipant).toEqual([{ participant: "P02", status: "running", figures: empty.overall }]);
    expect(empty.cells).toEqual([]);
  });
});
