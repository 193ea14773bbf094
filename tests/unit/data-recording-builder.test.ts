import { describe, expect, it } from "vitest";
import { recordingDurationMs } from "@/lib/data/motion-recording";
import { RecordingBuilder, segmentsFromLabels, segmentWhole } from "@/lib/data/recording-builder";
import { SAMPLE_WIDTH } from "@/lib/protocol/sample";

function rowAt(tMs: number, v: number): Float64Array {
  const row = new Float64Array(SAMPLE_WIDTH).fill(NaN);
  row[0] = tMs;
  row[1] = v;
  return row;
}

function timesOf(ts: number[]): Float64Array {
  const out = new Float64Array(ts.length * SAMPLE_WIDTH);
  ts.forEach((t, i) => (out[i * SAMPLE_WIDTH] = t));
  return out;
}

describe("RecordingBuilder", () => {
  it("grows past its first buffer and keeps every row and its order", () => {
    const b = new RecordingBuilder();
    for (let i = 0; i < 5000; i++) b.push(rowAt(i * 10, i));
    expect(b.lastTMs).toBe(49990);
    const r = b.build({ id: "a", group: "g", source: "s" });
    expect(r.length).toBe(5000);
    expect(r.samples.length).toBe(5000 * SAMPLE_WIDTH);
    expect(r.samples[4321 * SAMPLE_WIDTH + 1]).toBe(4321);
    expect(recordingDurationMs(r)).toBe(49990);
    expect(r.segments).toEqual([]);
  });

  it("copies the row it is given, so callers can reuse one buffer", () => {
    const b = new RecordingBuilder();
    const row = rowAt(0, 1);
    b.push(row);
    row[0] = 5;
    row[1] = 2;
    b.push(row);
    const r = b.build({ id: "a", group: "g", source: "s" });
    expect([r.samples[0], r.samples[1], r.samples[SAMPLE_WIDTH], r.samples[SAMPLE_WIDTH + 1]]).toEqual([0, 1, 5, 2]);
  });

  it("builds segments from per-sample labels unless given some", () => {
    const b = new RecordingBuilder();
    ["", "a", "a", "", "b"].forEach((label, i) => b.push(rowAt(i * 10, 0), label));
    expect(b.build({ id: "a", group: "g", source: "s" }).segments).toEqual([
      { label: "a", tStartMs: 10, tEndMs: 30 },
      { label: "b", tStartMs: 40, tEndMs: 50 },
    ]);
    const given = [{ label: "x", tStartMs: 0, tEndMs: 1 }];
    expect(b.build({ id: "a", group: "g", source: "s" }, given).segments).toBe(given);
  });
});

describe("segmentsFromLabels / segmentWhole", () => {
  it("splits adjacent runs of different labels at the first sample of the next run", () => {
    const t = timesOf([0, 10, 20, 35, 40]);
    expect(segmentsFromLabels(t, 5, ["a", "a", "b", "b", "a"])).toEqual([
      { label: "a", tStartMs: 0, tEndMs: 20 },
      { label: "b", tStartMs: 20, tEndMs: 40 },
      { label: "a", tStartMs: 40, tEndMs: 50 },
    ]);
  });

  it("gives a lone labelled sample a non-empty span", () => {
    const [s] = segmentsFromLabels(timesOf([7]), 1, ["tap"]);
    expect(s!.tEndMs).toBeGreaterThan(s!.tStartMs);
  });

  it("covers a whole recording plus one period", () => {
    expect(segmentWhole(timesOf([100, 120, 140]), 3, "x", 20)).toEqual([{ label: "x", tStartMs: 100, tEndMs: 160 }]);
    expect(segmentWhole(new Float64Array(0), 0, "x", 20)).toEqual([]);
  });
});
