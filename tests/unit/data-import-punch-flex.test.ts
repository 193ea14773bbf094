import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STANDARD_GRAVITY_MPS2 } from "@/lib/data/import-units";
import { isPunchFlexHeader, punchFlexImport } from "@/lib/data/import-punch-flex";
import { recordingRow } from "@/lib/data/motion-recording";
import { DEG_TO_RAD, F, SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { thrown } from "./import-error-thrown";

const punchText = readFileSync("tests/fixtures/punch-flex/punch.csv", "utf8");
const flexText = readFileSync("tests/fixtures/punch-flex/flex.csv", "utf8");
/** Data lines of the fixture as numbers, straight from the text. */
const punchRows = punchText.trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));


describe("punchFlexImport", () => {
  it("cuts the file into 119-row recordings labelled with the file stem over their whole span", () => {
    const recs = punchFlexImport(punchText, "data/punch.csv");
    expect(punchRows).toHaveLength(3 * 119);
    expect(recs.map((r) => r.id)).toEqual(["punch.csv#01", "punch.csv#02", "punch.csv#03"]);
    for (const r of recs) {
      expect(r.length).toBe(119);
      expect(r.group).toBe(r.id);
      expect(r.source).toBe("data/punch.csv");
      expect(r.segments).toHaveLength(1);
      expect(r.segments[0]!.label).toBe("punch");
      expect(r.segments[0]!.tStartMs).toBe(0);
      expect(r.segments[0]!.tEndMs).toBeCloseTo(1000, 9);
    }
    expect(punchFlexImport(flexText, "flex.csv").map((r) => [r.id, r.segments[0]!.label])).toEqual([
      ["flex.csv#01", "flex"],
      ["flex.csv#02", "flex"],
    ]);
  });

  it("converts g to m/s² and deg/s to rad/s, row for row, on a 119 Hz clock from 0", () => {
    const recs = punchFlexImport(punchText, "punch.csv");
    for (const [k, i] of [
      [0, 0],
      [1, 0],
      [2, 118],
    ] as const) {
      const raw = punchRows[k * 119 + i]!;
      const row = recordingRow(recs[k]!, i);
      expect(row[F.tMs]).toBeCloseTo((i * 1000) / 119, 9);
      for (let a = 0; a < 3; a++) {
        expect(row[F.accelGX + a]).toBeCloseTo(raw[a]! * STANDARD_GRAVITY_MPS2, 9);
        expect(row[F.gyroX + a]).toBeCloseTo(raw[3 + a]! * DEG_TO_RAD, 12);
      }
      expect(row[F.accelX]).toBeNaN();
      expect(row[F.orientGamma]).toBeNaN();
    }
    // A punch: the largest rotation rate of a recording is hundreds of deg/s, i.e. several rad/s.
    const r = recs[0]!;
    let maxRadPerS = 0;
    for (let i = 0; i < r.length; i++) maxRadPerS = Math.max(maxRadPerS, Math.abs(r.samples[i * SAMPLE_WIDTH + F.gyroZ]!));
    expect(maxRadPerS).toBeGreaterThan(3);
    expect(maxRadPerS).toBeLessThan(2000 * DEG_TO_RAD);
  });

  it("takes a label and a start time from options", () => {
    const [r] = punchFlexImport(punchText, "punch.csv", { label: "jab", startMs: 5000, idPrefix: "pf/punch" });
    expect(r!.id).toBe("pf/punch#01");
    expect(r!.segments[0]!.label).toBe("jab");
    expect(r!.samples[F.tMs]).toBe(5000);
  });

  it("recognises the capture sketch's header only", () => {
    expect(isPunchFlexHeader(["aX", "aY", "aZ", "gX", "gY", "gZ"])).toBe(true);
    expect(isPunchFlexHeader(["ax", "ay", "az", "gx", "gy", "gz"])).toBe(false);
    expect(isPunchFlexHeader(["tMs", "aX", "aY", "aZ", "gX", "gY", "gZ"])).toBe(false);
  });

  it("says where the leftover rows of an incomplete last recording start", () => {
    const lines = punchText.split(/\r?\n/);
    const cut = lines.slice(0, 1 + 119 + 50).join("\n");
    expect(thrown(() => punchFlexImport(cut, "punch.csv")).message).toBe(
      "punch.csv:121: the last recording has 50 rows, expected 119 (recordings are 119 rows back to back)",
    );
  });

  it("names file, line and cell for a bad value, and a missing column on line 1", () => {
    const lines = punchText.split("\n");
    const cells = lines[4]!.split(",");
    cells[1] = "abc";
    lines[4] = cells.join(",");
    expect(thrown(() => punchFlexImport(lines.join("\n"), "punch.csv")).message).toBe("punch.csv:5: text in a number column (aY): 'abc'");

    const noGz = punchText.replace("aX,aY,aZ,gX,gY,gZ", "aX,aY,aZ,gX,gY,temp");
    expect(thrown(() => punchFlexImport(noGz, "punch.csv")).message).toMatch(/^punch\.csv:1: missing column gZ/);
    expect(thrown(() => punchFlexImport("", "punch.csv")).message).toBe("punch.csv: empty file");
  });
});
