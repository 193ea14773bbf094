import { describe, expect, it } from "vitest";
import type { StudyFigures, StudyResults, StudyTrialRow } from "@/lib/protocol/studies";
import { studyCsv, studyJson } from "@/lib/studies/study-export";

const HEADER =
  "participant,condition,condition_name,condition_position,trial,seq,prompt,role,outcome,outcome_by,end_reason," +
  "time_to_trigger_ms,detection_latency_ms,false_triggers,unexpected_events,duration_ms,prompt_at_session_ms";

// Fields that could tie a row to a person or a moment: they must stay out of every export.
const RECORDING_ID = "mb3k2x-7f3a9c1e";
const PROMPT_AT_EPOCH_MS = 1_760_000_123_456;
const END_AT_EPOCH_MS = 1_760_000_131_789;

const row = (over: Partial<StudyTrialRow> = {}): StudyTrialRow => ({
  participant: "P01",
  condition: "low",
  conditionName: "Threshold 0.4",
  conditionPosition: 1,
  trial: 1,
  seq: 1,
  prompt: "Answer the call",
  role: "select",
  outcome: "success",
  outcomeBy: "detector",
  endReason: "detector",
  timeToTriggerMs: 2_450,
  detectionLatencyMs: 150,
  falseTriggers: 0,
  unexpectedEvents: 0,
  durationMs: 2_600,
  promptAtSessionMs: 4_000,
  recordingId: RECORDING_ID,
  promptAtMs: PROMPT_AT_EPOCH_MS,
  endAtMs: END_AT_EPOCH_MS,
  notes: [],
  ...over,
});

const figures: StudyFigures = { trials: 1, successes: 1, successRate: 1, timeToTriggerMsP50: 2_450, detectionLatencyMsMean: 150, falseTriggers: 0, falseTriggersPerMin: 0 };

const results = (trials: StudyTrialRow[]): StudyResults => ({
  study: { id: "study-secret-id", name: "Double tap thresholds", sceneId: "double-tap", conditions: [{ id: "low", name: "Threshold 0.4" }] },
  overall: figures,
  byCondition: [{ condition: "low", name: "Threshold 0.4", figures }],
  byParticipant: [{ participant: "P01", status: "complete", figures }],
  cells: [{ participant: "P01", condition: "low", figures }],
  trials,
});

const lines = (csv: string) => csv.split("\n");

describe("study CSV export", () => {
  it("has exactly the documented columns, one line per trial and a final newline", () => {
    const csv = studyCsv(results([row(), row({ seq: 2, trial: 2 })]), false);
    expect(lines(csv)[0]).toBe(HEADER);
    expect(lines(csv)[1]).toBe("P01,low,Threshold 0.4,1,1,1,Answer the call,select,success,detector,detector,2450,150,0,0,2600,4000");
    expect(lines(csv)).toHaveLength(4);
    expect(csv.endsWith("\n")).toBe(true);
  });

  it("writes only the header for a study without trials", () => {
    expect(studyCsv(results([]), false)).toBe(`${HEADER}\n`);
    expect(studyCsv(results([]), true)).toBe(`${HEADER},notes\n`);
  });

  it("leaves null figures empty and gives fractions one decimal", () => {
    const csv = studyCsv(results([row({ outcome: "miss", timeToTriggerMs: null, detectionLatencyMs: null, durationMs: 1_234.56 })]), false);
    expect(lines(csv)[1]!.split(",").slice(8)).toEqual(["miss", "detector", "detector", "", "", "0", "0", "1234.6", "4000"]);
  });

  it("defuses values a spreadsheet would run as formulas", () => {
    const cells = (over: Partial<StudyTrialRow>) => lines(studyCsv(results([row(over)]), false))[1]!;
    expect(cells({ prompt: "=1+2" })).toContain(",'=1+2,");
    expect(cells({ prompt: "+tap twice" })).toContain(",'+tap twice,");
    expect(cells({ prompt: "-flick" })).toContain(",'-flick,");
    expect(cells({ conditionName: "@loud" })).toContain(",'@loud,");
    expect(cells({ prompt: "\tcmd" })).toContain(",'\tcmd,");
    // Not at the start: left alone.
    expect(cells({ prompt: "Tap = answer" })).toContain(",Tap = answer,");
  });

  it("quotes commas, quotes and newlines, doubling inner quotes, after defusing", () => {
    const csv = studyCsv(results([row({ conditionName: "Low, slow", prompt: 'Say "hello"', endReason: "=HYPERLINK(\"x\",\"y\")" })]), false);
    const line = lines(csv)[1]!;
    expect(line).toContain(',"Low, slow",');
    expect(line).toContain(',"Say ""hello""",');
    expect(line).toContain(`,"'=HYPERLINK(""x"",""y"")",`);
    const withNewline = studyCsv(results([row({ prompt: "Line one\nline two" })]), false);
    expect(withNewline).toContain(',"Line one\nline two",');
  });

  it("adds the notes column only when asked, joined and defused like any text", () => {
    const notes = ["-said it buzzed late", "Tapped twice, then once"];
    const without = studyCsv(results([row({ notes })]), false);
    expect(lines(without)[0]).toBe(HEADER);
    expect(without).not.toContain("buzzed");
    const withNotes = studyCsv(results([row({ notes }), row({ seq: 2 })]), true);
    expect(lines(withNotes)[0]).toBe(`${HEADER},notes`);
    expect(lines(withNotes)[1]!.endsWith(`,"'-said it buzzed late | Tapped twice, then once"`)).toBe(true);
    // A trial without notes ends with an empty notes cell.
    expect(lines(withNotes)[2]!.endsWith(",4000,")).toBe(true);
  });

  it("leaves out the recording id, calendar times and device fields", () => {
    const csv = studyCsv(results([row({ notes: ["ok"] })]), true);
    expect(csv).not.toContain(RECORDING_ID);
    expect(csv).not.toContain(String(PROMPT_AT_EPOCH_MS));
    expect(csv).not.toContain(String(END_AT_EPOCH_MS));
    expect(lines(csv)[0]).not.toMatch(/recording|device|room|prompt_at_ms|end_at/);
  });
});

describe("study JSON export", () => {
  const keysDeep = (v: unknown): string[] =>
    Array.isArray(v) ? v.flatMap(keysDeep) : v !== null && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, ...keysDeep(x)]) : [];

  it("carries the summaries and one object per trial with the CSV's columns", () => {
    const json = JSON.parse(studyJson(results([row({ prompt: "=1+2", timeToTriggerMs: null })]), false)) as Record<string, unknown> & { trials: Record<string, unknown>[] };
    expect(json).toMatchObject({ format: "wristlab-study-trials", version: 1, study: { name: "Double tap thresholds", sceneId: "double-tap", conditions: [{ id: "low", name: "Threshold 0.4" }] } });
    expect(json.overall).toEqual(figures);
    expect(json.byCondition).toEqual([{ condition: "low", name: "Threshold 0.4", figures }]);
    expect(json.byParticipant).toEqual([{ participant: "P01", status: "complete", figures }]);
    expect(json.cells).toEqual([{ participant: "P01", condition: "low", figures }]);
    expect(Object.keys(json.trials[0]!)).toEqual(HEADER.split(","));
    // JSON is not opened as a spreadsheet: text and nulls stay as they are.
    expect(json.trials[0]).toMatchObject({ prompt: "=1+2", time_to_trigger_ms: null, duration_ms: 2_600, prompt_at_session_ms: 4_000 });
  });

  it("includes notes only when asked", () => {
    const r = results([row({ notes: ["Asked to repeat"] })]);
    const without = studyJson(r, false);
    expect(without).not.toContain("Asked to repeat");
    expect(keysDeep(JSON.parse(without))).not.toContain("notes");
    const withNotes = JSON.parse(studyJson(r, true)) as { trials: { notes: string[] }[] };
    expect(withNotes.trials[0]!.notes).toEqual(["Asked to repeat"]);
  });

  it("leaves out the study id, recording id, calendar times and device fields", () => {
    const text = studyJson(results([row({ notes: ["ok"] })]), true);
    expect(text).not.toContain(RECORDING_ID);
    expect(text).not.toContain("study-secret-id");
    expect(text).not.toContain(String(PROMPT_AT_EPOCH_MS));
    expect(text).not.toContain(String(END_AT_EPOCH_MS));
    const keys = keysDeep(JSON.parse(text));
    for (const k of ["recordingId", "recording_id", "promptAtMs", "endAtMs", "deviceId", "room"]) expect(keys).not.toContain(k);
    expect(keys.some((k) => /device/i.test(k))).toBe(false);
  });
});
