import { describe, expect, it } from "vitest";
import { protocolStepSchema } from "@/lib/protocol/recordings";
import { protocolSchedule } from "@/lib/recordings/protocol-schedule";

describe("protocol schedule", () => {
  it("lays out lead-in, labelled steps and rests back to back from the start", () => {
    const steps = [
      protocolStepSchema.parse({ label: "raise", prompt: "raise your wrist", durationS: 2, restS: 1 }),
      protocolStepSchema.parse({ label: "tap", prompt: "double tap", durationS: 1.5 }),
    ];
    const phases = protocolSchedule(steps, 10_000);
    expect(phases.map((p) => [p.fromMs, p.toMs, p.prompt.text, p.prompt.label, p.prompt.step])).toEqual([
      [10_000, 13_000, "Get ready", null, 0],
      [13_000, 15_000, "Now: raise your wrist", "raise", 1],
      [15_000, 16_000, "Rest", null, 1],
      [16_000, 17_500, "Now: double tap", "tap", 2],
    ]);
    expect(phases.every((p) => p.prompt.steps === 2 && p.prompt.untilMs === p.toMs)).toBe(true);
  });
});
