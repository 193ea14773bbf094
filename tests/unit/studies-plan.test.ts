import { describe, expect, it } from "vitest";
import { liveTrial, studyPlan, studyPrompts } from "@/lib/studies/study-plan";
import { studyDefinition } from "@/tests/support/study-fixtures";

// A plan reads the script and the condition ids only: the conditions' settings can stay empty.
const settings = { roles: {}, options: {} };
const study = studyDefinition({
  name: "Flick or tap",
  sceneId: "music-player",
  trials: [
    { prompt: "Skip the song", role: "next", timeLimitS: 10 },
    { prompt: "Pause the music", role: "toggle", timeLimitS: 8 },
    { prompt: "Skip again", role: "next", timeLimitS: 12 },
  ],
  conditions: [
    { id: "flick", name: "Flick", settings },
    { id: "tap", name: "Double tap", settings },
  ],
});

describe("study plan", () => {
  const plan = studyPlan(study, ["tap", "flick"]);

  it("runs the whole script once per condition, in the participant's order, numbered over the session", () => {
    expect(plan.map((t) => [t.seq, t.conditionId, t.conditionIndex, t.trialIndex, t.index, t.count])).toEqual([
      [1, "tap", 0, 0, 1, 3],
      [2, "tap", 0, 1, 2, 3],
      [3, "tap", 0, 2, 3, 3],
      [4, "flick", 1, 0, 1, 3],
      [5, "flick", 1, 1, 2, 3],
      [6, "flick", 1, 2, 3, 3],
    ]);
  });

  it("copies each trial's prompt, role and time limit from the script", () => {
    expect(plan[4]).toEqual({ seq: 5, conditionIndex: 1, conditionId: "flick", trialIndex: 1, index: 2, count: 3, prompt: "Pause the music", role: "toggle", timeLimitS: 8 });
    expect(plan.filter((t) => t.role === "next").map((t) => t.timeLimitS)).toEqual([10, 12, 10, 12]);
  });

  it("follows whatever order it is given, including a single condition", () => {
    expect(studyPlan(study, ["flick"]).map((t) => t.seq)).toEqual([1, 2, 3]);
    expect(studyPlan(study, ["flick", "tap"]).map((t) => t.conditionId)).toEqual(["flick", "flick", "flick", "tap", "tap", "tap"]);
    expect(studyPlan(study, [])).toEqual([]);
  });
});

describe("study prompts", () => {
  const plan = studyPlan(study, ["tap", "flick"]);
  const steps = plan.length;

  it("asks for consent with the session id, before any step, waiting for the participant", () => {
    expect(studyPrompts.consent("We record the phone's motion.", "ses-7fa2c1", steps)).toEqual({
      text: "We record the phone's motion.",
      label: null,
      step: 0,
      steps: 6,
      untilMs: null,
      consent: { sessionId: "ses-7fa2c1" },
    });
  });

  it("shows a trial's prompt with its role as the label until its time limit", () => {
    expect(studyPrompts.trial(plan[1]!, steps, 52_000)).toEqual({ text: "Pause the music", label: "toggle", step: 2, steps: 6, untilMs: 52_000 });
  });

  it("times get-ready, rest and done, without a label or consent", () => {
    const timed = [studyPrompts.getReady(1, steps, 3_000), studyPrompts.rest(2, steps, 9_000), studyPrompts.done(steps, 70_000)];
    expect(timed.map((p) => [p.text, p.step, p.untilMs])).toEqual([
      ["Get ready", 1, 3_000],
      ["Rest", 2, 9_000],
      ["All done. Thank you!", 6, 70_000],
    ]);
    for (const p of timed) expect(p).toMatchObject({ label: null, steps: 6 });
    for (const p of timed) expect(p.consent).toBeUndefined();
  });

  it("has no end time for a break or a pause: they wait for the facilitator", () => {
    expect(studyPrompts.break(4, steps)).toEqual({ text: "Short break", label: null, step: 4, steps: 6, untilMs: null });
    expect(studyPrompts.paused(5, steps)).toEqual({ text: "Paused", label: null, step: 5, steps: 6, untilMs: null });
  });
});

describe("live trial", () => {
  it("describes the planned trial as it starts, not yet ended and without false triggers", () => {
    const t = studyPlan(study, ["tap", "flick"])[3]!;
    expect(liveTrial(t, 6, 40_000, 50_000)).toEqual({
      seq: 4,
      total: 6,
      index: 1,
      count: 3,
      prompt: "Skip the song",
      role: "next",
      startedAtMs: 40_000,
      untilMs: 50_000,
      ended: null,
      falseTriggers: 0,
    });
    expect(liveTrial(t, 6, 40_000, null).untilMs).toBeNull();
  });
});
