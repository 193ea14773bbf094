import { describe, expect, it } from "vitest";
import { recordingStartSchema } from "@/lib/protocol/recordings";
import {
  labelProblem,
  protocolParse,
  protocolPreset,
  protocolText,
} from "@/components/recordings/recording-protocol-text";

describe("protocolParse: valid text", () => {
  it("reads label, prompt and seconds, with rest 0 when the rest is left out", () => {
    expect(protocolParse("raise, Raise your wrist, 5")).toEqual({
      steps: [{ label: "raise", prompt: "Raise your wrist", durationS: 5, restS: 0 }],
      error: null,
      warnings: [],
    });
  });

  it("reads an optional rest and decimal seconds", () => {
    const { steps, error } = protocolParse("double-tap, Tap twice on the table, 2.5, 1.5");
    expect(error).toBeNull();
    expect(steps).toEqual([{ label: "double-tap", prompt: "Tap twice on the table", durationS: 2.5, restS: 1.5 }]);
  });

  it("keeps commas inside the prompt: the label is the first field, seconds come from the end", () => {
    const { steps, error } = protocolParse("wave, Wave, slowly, then stop, 4, 2");
    expect(error).toBeNull();
    expect(steps[0]).toMatchObject({ label: "wave", prompt: "Wave, slowly, then stop", durationS: 4, restS: 2 });
  });

  it("takes a single trailing number as the duration when the field before it is text", () => {
    const { steps } = protocolParse("wave, Wave, then stop, 4");
    expect(steps[0]).toMatchObject({ prompt: "Wave, then stop", durationS: 4, restS: 0 });
  });

  it("treats a number inside the prompt as prompt text when there are only three fields", () => {
    // Three fields never carry a rest, so the middle one is the prompt even if it looks like seconds.
    const { steps } = protocolParse("tap, 5, 3");
    expect(steps[0]).toMatchObject({ label: "tap", prompt: "5", durationS: 3, restS: 0 });
  });

  it("trims spaces, accepts CRLF and skips blank lines and # comments", () => {
    const text = "# warm-up block\r\n\r\n  raise ,  Raise your wrist ,  5 , 3  \r\n   # rest of it\r\ntap, Tap, 1\r\n";
    const { steps, error } = protocolParse(text);
    expect(error).toBeNull();
    expect(steps).toEqual([
      { label: "raise", prompt: "Raise your wrist", durationS: 5, restS: 3 },
      { label: "tap", prompt: "Tap", durationS: 1, restS: 0 },
    ]);
  });

  it("gives no steps and no error for empty or comment-only text (live keys only)", () => {
    expect(protocolParse("")).toEqual({ steps: [], error: null, warnings: [] });
    expect(protocolParse("\n  \n# nothing yet\n")).toEqual({ steps: [], error: null, warnings: [] });
  });

  it("produces steps the server's start schema accepts", () => {
    const { steps } = protocolParse("raise, Raise your wrist, 5, 3\ntap, Tap twice, 2");
    const start = recordingStartSchema.safeParse({ room: "ABC234", labelSet: ["raise", "tap"], protocol: steps });
    expect(start.success).toBe(true);
  });
});

describe("protocolParse: errors name the line", () => {
  const errorOf = (text: string) => protocolParse(text).error;

  it("counts blank and comment lines in the line number", () => {
    expect(errorOf("# header\n\nraise, Raise, 5\nbroken line")).toMatch(/^Line 4: write it as: label, prompt text, seconds/);
  });

  it("needs at least three fields", () => {
    expect(errorOf("raise, 5")).toMatch(/^Line 1: write it as/);
    expect(errorOf("raise")).toMatch(/^Line 1: write it as/);
  });

  it("names a duration that is not a number", () => {
    expect(errorOf("raise, Raise your wrist, five")).toBe('Line 1: "five" is not a number of seconds.');
    expect(errorOf("raise, Raise your wrist, -2")).toBe('Line 1: "-2" is not a number of seconds.');
    expect(errorOf("raise, Raise, ")).toBe('Line 1: "" is not a number of seconds.');
  });

  it("reports the seconds limits (0.5 to 600)", () => {
    expect(errorOf("raise, Raise, 0.4")).toMatch(/^Line 1: the seconds \(0\.5 to 600\): /);
    expect(errorOf("raise, Raise, 601")).toMatch(/^Line 1: the seconds \(0\.5 to 600\): /);
    expect(errorOf("raise, Raise, 0.5")).toBeNull();
    expect(errorOf("raise, Raise, 600")).toBeNull();
  });

  it("reports the rest limit (0 to 600)", () => {
    expect(errorOf("raise, Raise, 5, 601")).toMatch(/^Line 1: the rest seconds \(0 to 600\): /);
    expect(errorOf("raise, Raise, 5, 0")).toBeNull();
  });

  it("reports an empty or too long prompt", () => {
    expect(errorOf("raise, , 5")).toMatch(/^Line 1: the prompt text \(1 to 80 characters\): /);
    expect(errorOf("raise,,5,3")).toMatch(/^Line 1: the prompt text/);
    expect(errorOf(`raise, ${"x".repeat(81)}, 5`)).toMatch(/^Line 1: the prompt text/);
    expect(errorOf(`raise, ${"x".repeat(80)}, 5`)).toBeNull();
  });

  it("reports a missing, too long or quoted label", () => {
    expect(errorOf(", Raise your wrist, 5")).toBe("Line 1: the label: a label needs a name.");
    expect(errorOf(`${"l".repeat(41)}, Raise, 5`)).toMatch(/^Line 1: the label: /);
    expect(errorOf('"raise", Raise, 5')).toMatch(/^Line 1: the label: a label may not contain commas, quotes/);
  });

  it("stops at the first bad line and returns the steps before it", () => {
    const parse = protocolParse("raise, Raise, 5\ntap, Tap, zero\nwave, Wave, 5");
    expect(parse.error).toMatch(/^Line 2: /);
    expect(parse.steps.map((s) => s.label)).toEqual(["raise"]);
  });

  it("refuses more than 200 steps and accepts exactly 200", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `s${i}, Step ${i}, 1`).join("\n");
    expect(protocolParse(lines(200)).error).toBeNull();
    expect(protocolParse(lines(200)).steps).toHaveLength(200);
    expect(protocolParse(lines(201)).error).toBe("A protocol has at most 200 steps.");
  });
});

describe("protocolParse: warnings (likely slips that still parse)", () => {
  const labels = ["raise", "tap"];

  it("warns, naming line and label, when a step's label is not in the label set", () => {
    const parse = protocolParse("# block\nraise, Raise, 5\ntpa, Tap twice, 2", labels);
    expect(parse.error).toBeNull();
    expect(parse.steps.map((s) => s.label)).toEqual(["raise", "tpa"]);
    expect(parse.warnings).toEqual(['Line 3: "tpa" is not one of the labels (a typo?); it would be recorded as a new label.']);
  });

  it("compares labels exactly and does not check them without a label set", () => {
    expect(protocolParse("Raise, Raise, 5", labels).warnings).toHaveLength(1);
    expect(protocolParse("raise, Raise, 5\ntap, Tap, 1", labels).warnings).toEqual([]);
    expect(protocolParse("anything, Do it, 5").warnings).toEqual([]);
  });

  it("warns when a three-field line's prompt is only a number, with the line that was probably meant", () => {
    const parse = protocolParse("tap, 5, 3", labels);
    expect(parse.error).toBeNull();
    expect(parse.steps[0]).toMatchObject({ prompt: "5", durationS: 3, restS: 0 });
    expect(parse.warnings).toEqual(['Line 1: the phone will show "5" for 3 s; for 5 s with 3 s rest, write: tap, prompt text, 5, 3.']);
    expect(protocolParse("tap, 2.5, 3").warnings).toHaveLength(1);
  });

  it("does not warn about numbers in a longer prompt or on four-field lines", () => {
    expect(protocolParse("tap, Tap 5 times, 3", labels).warnings).toEqual([]);
    expect(protocolParse("tap, 5 s, 3", labels).warnings).toEqual([]);
    // Four fields whose last two are seconds: the first number is read as the duration, not a prompt.
    expect(protocolParse("tap, Tap, 5, 3", labels).warnings).toEqual([]);
  });

  it("gives one warning per slip, both for a line with both, and keeps the warnings of lines before an error", () => {
    expect(protocolParse("tpa, 5, 3", labels).warnings).toHaveLength(2);
    const parse = protocolParse("wave, Wave, 5\ntap, Tap, zero", labels);
    expect(parse.error).toMatch(/^Line 2: /);
    expect(parse.warnings).toEqual(['Line 1: "wave" is not one of the labels (a typo?); it would be recorded as a new label.']);
  });
});

describe("protocol example and text round trip", () => {
  it("makes five 5 s steps cycling through the labels, 3 s rest except after the last", () => {
    const steps = protocolPreset(["raise-wrist", "double_tap"]);
    expect(steps.map((s) => [s.label, s.prompt, s.durationS, s.restS])).toEqual([
      ["raise-wrist", "Raise wrist", 5, 3],
      ["double_tap", "Double tap", 5, 3],
      ["raise-wrist", "Raise wrist", 5, 3],
      ["double_tap", "Double tap", 5, 3],
      ["raise-wrist", "Raise wrist", 5, 0],
    ]);
  });

  it("has no example without labels", () => {
    expect(protocolPreset([])).toEqual([]);
  });

  it("writes the example as text that parses back to the same steps", () => {
    const steps = protocolPreset(["raise", "tap", "wave"]);
    const text = protocolText(steps);
    expect(text.split("\n")).toEqual([
      "raise, Raise, 5, 3",
      "tap, Tap, 5, 3",
      "wave, Wave, 5, 3",
      "raise, Raise, 5, 3",
      "tap, Tap, 5",
    ]);
    expect(protocolParse(text, ["raise", "tap", "wave"])).toEqual({ steps, error: null, warnings: [] });
  });

  it("round-trips prompts that contain commas and decimal seconds", () => {
    const steps = [
      { label: "wave", prompt: "Wave, slowly", durationS: 2.5, restS: 0.5 },
      { label: "tap", prompt: "Tap, then hold", durationS: 1, restS: 0 },
    ];
    expect(protocolParse(protocolText(steps))).toEqual({ steps, error: null, warnings: [] });
  });
});

describe("labelProblem", () => {
  it("accepts a new usable label", () => {
    expect(labelProblem("wave", ["raise"])).toBeNull();
  });

  it("refuses a duplicate, also after trimming", () => {
    expect(labelProblem(" raise ", ["raise"])).toBe('"raise" is already in the set');
  });

  it("refuses an empty label and one with a comma", () => {
    expect(labelProblem("   ", [])).toBe("a label needs a name");
    expect(labelProblem("a,b", [])).toMatch(/may not contain commas/);
  });
});
