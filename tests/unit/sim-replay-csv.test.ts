import { describe, expect, it } from "vitest";
import type { SampleTuple } from "@/lib/protocol/sample";
import { replayCsvParse, replayRebase } from "@/lib/sim/replay-csv";

const N = null;
const FULL_HEADER = "tMs,accelGX,accelGY,accelGZ,accelX,accelY,accelZ,gyroX,gyroY,gyroZ,orientAlpha,orientBeta,orientGamma";

describe("replayCsvParse", () => {
  it("reads a full file", () => {
    const csv = [FULL_HEADER, "1000,0.5,0.25,9.75,0.1,0.2,0.3,1,2,3,350,-45,12", "1010,0,0,9.8,,,,-1,-2,-3,,,"].join("\n");
    expect(replayCsvParse(csv)).toEqual([
      [1000, 0.5, 0.25, 9.75, 0.1, 0.2, 0.3, 1, 2, 3, 350, -45, 12],
      [1010, 0, 0, 9.8, N, N, N, -1, -2, -3, N, N, N],
    ]);
  });

  it("takes the columns in any order, with optional ones missing", () => {
    const csv = "accelGZ, gyroY ,tMs,accelGX,accelGY\n9.8,0.5,1000,0.1,0.2\n9.7,,1016.5,0.3,0.4\n";
    expect(replayCsvParse(csv)).toEqual([
      [1000, 0.1, 0.2, 9.8, N, N, N, N, 0.5, N, N, N, N],
      [1016.5, 0.3, 0.4, 9.7, N, N, N, N, N, N, N, N, N],
    ]);
  });

  it("ignores unknown columns, blank lines, CRLF, spaces and a byte-order mark", () => {
    const csv = "\uFEFFtMs,label,accelGX,accelGY,accelGZ\r\n\r\n 1 , punch , 1 , 2 , 3 \r\n2,rest,4,5,6\r\n\r\n";
    expect(replayCsvParse(csv)).toEqual([
      [1, 1, 2, 3, N, N, N, N, N, N, N, N, N],
      [2, 4, 5, 6, N, N, N, N, N, N, N, N, N],
    ]);
  });

  it("treats cells missing at the end of a short row as empty", () => {
    const csv = "tMs,accelGX,accelGY,accelGZ,gyroX\n1,0,0,9.8";
    expect(replayCsvParse(csv)).toEqual([[1, 0, 0, 9.8, N, N, N, N, N, N, N, N, N]]);
  });

  it("names file and line 1 for a missing required column", () => {
    expect(() => replayCsvParse("tMs,accelGX,accelGZ\n1,2,3", "rec.csv")).toThrow(/^rec\.csv:1: missing column "accelGY"/);
    expect(() => replayCsvParse("time,accelGX,accelGY,accelGZ\n1,2,3,4", "rec.csv")).toThrow(/^rec\.csv:1: missing column "tMs"/);
  });

  it("names file and line for an empty required cell", () => {
    const csv = "tMs,accelGX,accelGY,accelGZ\n1,0,0,9.8\n2,,0,9.8";
    expect(() => replayCsvParse(csv, "rec.csv")).toThrow('rec.csv:3: "accelGX" is empty');
  });

  it("names file and line for a cell that is not a number", () => {
    const csv = "tMs,accelGX,accelGY,accelGZ,gyroZ\n1,0,0,9.8,\n2,0,abc,9.8,";
    expect(() => replayCsvParse(csv, "rec.csv")).toThrow('rec.csv:3: "accelGY" is not a number: "abc"');
    const optional = "tMs,accelGX,accelGY,accelGZ,gyroZ\n1,0,0,9.8,fast";
    expect(() => replayCsvParse(optional, "rec.csv")).toThrow('rec.csv:2: "gyroZ" is not a number: "fast"');
    const infinite = "tMs,accelGX,accelGY,accelGZ\nInfinity,0,0,9.8";
    expect(() => replayCsvParse(infinite, "rec.csv")).toThrow('rec.csv:2: "tMs" is not a number: "Infinity"');
  });

  it("counts blank lines in the line numbers", () => {
    const csv = "tMs,accelGX,accelGY,accelGZ\n1,0,0,9.8\n\n\nx,0,0,9.8";
    expect(() => replayCsvParse(csv, "rec.csv")).toThrow('rec.csv:5: "tMs" is not a number: "x"');
  });

  it("names file and line for a time that does not increase", () => {
    const repeat = "tMs,accelGX,accelGY,accelGZ\n1,0,0,9.8\n2,0,0,9.8\n2,0,0,9.8";
    expect(() => replayCsvParse(repeat, "rec.csv")).toThrow("rec.csv:4: tMs 2 does not increase (previous 2)");
    const back = "tMs,accelGX,accelGY,accelGZ\n5,0,0,9.8\n4,0,0,9.8";
    expect(() => replayCsvParse(back, "rec.csv")).toThrow("rec.csv:3: tMs 4 does not increase (previous 5)");
  });

  it("refuses an empty file or one without samples", () => {
    expect(() => replayCsvParse("", "rec.csv")).toThrow(/^rec\.csv:1: missing column "tMs"/);
    expect(() => replayCsvParse(`${FULL_HEADER}\n`, "rec.csv")).toThrow("rec.csv: no samples after the header");
    expect(() => replayCsvParse(`${FULL_HEADER}\n\n  \n`, "rec.csv")).toThrow("rec.csv: no samples after the header");
  });

  it("names replay.csv when no file name is given", () => {
    expect(() => replayCsvParse("")).toThrow(/^replay\.csv:1: /);
  });
});

describe("replayRebase", () => {
  const samples: SampleTuple[] = [
    [1000.5, 1, 2, 3, N, N, N, 4, 5, 6, N, N, N],
    [1010.5, 7, 8, 9, 0.1, 0.2, 0.3, N, N, N, 10, 20, 30],
    [1050.25, 0, 0, 9.8, N, N, N, N, N, N, N, N, N],
  ];

  it("moves the first sample to startMs and keeps the intervals and values", () => {
    expect(replayRebase(samples, 5000)).toEqual([
      [5000, 1, 2, 3, N, N, N, 4, 5, 6, N, N, N],
      [5010, 7, 8, 9, 0.1, 0.2, 0.3, N, N, N, 10, 20, 30],
      [5049.75, 0, 0, 9.8, N, N, N, N, N, N, N, N, N],
    ]);
  });

  it("can move backwards and leaves the input as it was", () => {
    const before = structuredClone(samples);
    expect(replayRebase(samples, 0).map((s) => s[0])).toEqual([0, 10, 49.75]);
    expect(samples).toEqual(before);
  });

  it("returns nothing for nothing", () => {
    expect(replayRebase([], 5000)).toEqual([]);
  });
});
