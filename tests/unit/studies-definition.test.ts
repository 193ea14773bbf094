import { describe, expect, it } from "vitest";
import { participantIdSchema, studyDefinitionSchema } from "@/lib/protocol/studies";

const settings = (threshold: number) => ({
  roles: { select: { choice: { kind: "heuristic", name: "double-tap", params: {} }, decision: { thresholdProb: threshold, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 500 } } },
  options: {},
});
const study = {
  name: "Double tap thresholds",
  sceneId: "double-tap",
  trials: [{ prompt: "Answer the call", role: "select", timeLimitS: 15 }],
  conditions: [
    { id: "low", name: "Threshold 0.4", settings: settings(0.4) },
    { id: "high", name: "Threshold 0.7", settings: settings(0.7) },
  ],
};

describe("study definition", () => {
  it("accepts two conditions that are whole scene settings", () => {
    expect(studyDefinitionSchema.parse(study).conditions.map((c) => c.id)).toEqual(["low", "high"]);
  });

  it("refuses repeated condition ids and participant names", () => {
    expect(studyDefinitionSchema.safeParse({ ...study, conditions: [study.conditions[0], study.conditions[0]] }).success).toBe(false);
    expect(participantIdSchema.safeParse("P07").success).toBe(true);
    expect(participantIdSchema.safeParse("Alice").error?.issues[0]?.message).toMatch(/no names/);
  });
});
