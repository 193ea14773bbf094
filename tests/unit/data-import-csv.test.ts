import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvImport } from "@/lib/data/import-csv";
import { STANDARD_GRAVITY_MPS2 } from "@/lib/data/import-units";
import { recordingRow } from "@/lib/data/motion-recording";
import { DEG_TO_RAD, F, SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { thrown } from "./import-error-thrown";

const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, "utf8");


describe("csvImport: the documented format", () => {
  it("splits by the recording column, groups by subject, turns label runs into segments", () => {
    const [r1, r2, ...rest] = csvImport(fixture("csv/sessions.csv"), "sessions.csv");
    expect(rest).toHaveLength(0);
    expect([r1!.id, r1!.group, r1!.length]).toEqual(["sessions.csv#r1", "alice", 6]);
    expect([r2!.id, r2!.group, r2!.length]).toEqual(["sessions.csv#r2", "bob", 4]);
    const row = recordingRow(r1!, 2);
    expect(Array.from(row.subarray(0, 4))).toEqual([1700000000020, 1.5, 2.4, 8.1]);
    expect(Array.from(row.subarray(F.gyroX, F.gyroZ + 1))).toEqual([2.5, -0.4, 0.3]);
    expect(row[F.accelX]).toBeNaN();
    expect(row[F.orientAlpha]).toBeNaN();
    // A segment ends where the next run starts (exclusive end).
    expect(r1!.segments).toEqual([{ label: "tap", tStartMs: 1700000000020, tEndMs: 1700000000040 }]);
    expect(r2!.segments).toEqual([{ label: "wave, big", tStartMs: 1700000100000, tEndMs: 1700000100060 }]);
  });

  it("reads a fixed rate and units from the header: g and deg/s to m/s² and rad/s", () => {
    const [r] = csvImport(fixture("csv/fixed-rate-units.csv"), "f.csv", { rateHz: 50, startMs: 1000 });
    expect(r!.length).toBe(4);
    expect(Array.from({ length: 4 }, (_, i) => r!.samples[i * SAMPLE_WIDTH])).toEqual([1000, 1020, 1040, 1060]);
    expect(r!.samples[F.accelGZ]).toBeCloseTo(STANDARD_GRAVITY_MPS2, 12);
    const second = recordingRow(r!, 1);
    expect(second[F.gyroX]).toBeCloseTo(Math.PI / 2, 12);
    expect(second[F.gyroZ]).toBeCloseTo(-45 * DEG_TO_RAD, 12);
    // The last labelled row is followed by another row, so the segment ends there.
    expect(r!.segments).toEqual([{ label: "flick", tStartMs: 1020, tEndMs: 1060 }]);
  });

  it("reads time in seconds, a ';' delimiter and empty orientation cells as NaN", () => {
    const [r] = csvImport(fixture("csv/seconds.csv"), "s.csv");
    expect(r!.length).toBe(3);
    expect(recordingRow(r!, 0)[F.tMs]).toBeCloseTo(12500, 9);
    expect(recordingRow(r!, 1)[F.tMs]).toBeCloseTo(12510, 9);
    expect(Array.from(recordingRow(r!, 0).subarray(F.orientAlpha))).toEqual([10, 20, 30]);
    expect(recordingRow(r!, 1)[F.orientBeta]).toBeNaN();
    expect(r!.segments).toEqual([]);
  });

  it("reads a real recording in wire column names: |accelG| ≈ g while seated", () => {
    const text = fixture("smartwatch-har-s01_01_sw.csv");
    const [r] = csvImport(text, "sw.csv");
    const lines = text.trim().split("\n");
    expect(r!.length).toBe(lines.length - 1);
    const first = lines[1]!.split(",").map(Number);
    expect(r!.samples[F.tMs]).toBe(first[0]);
    expect(r!.samples[F.gyroX]).toBe(first[4]);
    let sum = 0;
    for (let i = 0; i < 50; i++) {
      const row = recordingRow(r!, i);
      sum += Math.hypot(row[F.accelGX]!, row[F.accelGY]!, row[F.accelGZ]!);
    }
    expect(sum / 50).toBeGreaterThan(9.5);
    expect(sum / 50).toBeLessThan(10.1);
  });

  it("applies unit options to columns without a suffix; a suffix wins over the option", () => {
    const [g] = csvImport("tMs,ax,ay,az,gx,gy,gz\n0,0,0,1,180,0,0\n", "o.csv", { accelUnit: "g", gyroUnit: "degps" });
    expect(g!.samples[F.accelGZ]).toBeCloseTo(STANDARD_GRAVITY_MPS2, 12);
    expect(g!.samples[F.gyroX]).toBeCloseTo(Math.PI, 12);
    const [s] = csvImport("tMs,ax[m/s^2],ay[m/s²],az (m/s2)\n0,0,0,9.5\n", "o.csv", { accelUnit: "g" });
    expect(s!.samples[F.accelGZ]).toBe(9.5);
  });

  it("warns when values read as m/s² look like g", () => {
    const warnings: string[] = [];
    csvImport("tMs,ax,ay,az\n0,0,0,1\n10,0,0,1.01\n", "w.csv", { onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^w\.csv: mean \|accelG\| is 1\.00 m\/s², which looks like g/);
    const perRecording: string[] = [];
    csvImport("recording,tMs,ax,ay,az\nr1,0,0,0,9.8\nr2,0,0,0,1\n", "w.csv", { onWarning: (m) => perRecording.push(m) });
    expect(perRecording).toEqual([expect.stringMatching(/^w\.csv \(w\.csv#r2\): mean \|accelG\|/)]);
  });

  it("drops rows with a repeated time only when asked, and says how many", () => {
    const text = "tMs,ax,ay,az\n0,0,0,9.8\n10,0,0,9.8\n10,1,1,9.8\n20,0,0,9.8\n";
    expect(thrown(() => csvImport(text, "d.csv")).message).toBe("d.csv:4: times not increasing: 10 ms after 10 ms");
    const warnings: string[] = [];
    const [r] = csvImport(text, "d.csv", { repeatedTimes: "drop", onWarning: (m) => warnings.push(m) });
    expect(r!.length).toBe(3);
    expect(recordingRow(r!, 1)[F.accelGX]).toBe(0);
    expect(warnings).toContain("d.csv: dropped 1 rows whose time repeats the previous row's");
  });
});

describe("csvImport errors name the file, the line and why", () => {
  const cases: [string, string, RegExp][] = [
    ["text in a number column", "tMs,ax,ay,az\n0,0,0,9.8\n10,0,abc,9.8\n", /^e\.csv:3: text in a number column \(ay\): 'abc'$/],
    ["NaN", "tMs,ax,ay,az\n0,NaN,0,9.8\n", /^e\.csv:2: NaN in column ax$/],
    ["missing gyro axis", "tMs,ax,ay,az,gy,gz\n0,0,0,9.8,0,0\n", /^e\.csv:1: missing column gyroX \(gy is there/],
    ["no accelerometer", "tMs,gx,gy,gz\n0,0,0,0\n", /^e\.csv:1: missing column accelGX/],
    ["accel without gravity only", "tMs,accelX,accelY,accelZ\n0,0,0,0\n", /^e\.csv:1: missing column accelGX .*WITHOUT gravity/],
    ["empty file", "", /^e\.csv: empty file$/],
    ["blank file", "\n  \n", /^e\.csv: empty file$/],
    ["header only", "tMs,ax,ay,az\n", /^e\.csv:1: no samples after the header$/],
    ["times going back", "tMs,ax,ay,az\n10,0,0,9.8\n5,0,0,9.8\n", /^e\.csv:3: times not increasing: 5 ms after 10 ms$/],
    ["no time and no rate", "ax,ay,az\n0,0,9.8\n", /^e\.csv:1: no time column/],
    ["time without a unit", "time,ax,ay,az\n0,0,0,9.8\n", /^e\.csv:1: column 'time': say whether it is in ms or s/],
    ["unknown unit", "tMs,ax[furlong],ay,az\n0,0,0,9.8\n", /^e\.csv:1: column 'ax\[furlong\]': unknown unit 'furlong'/],
    ["unit of the wrong kind", "tMs,ax,ay,az,gx[g],gy[g],gz[g]\n0,0,0,9.8,0,0,0\n", /^e\.csv:1: column 'gx\[g\]': g is not a rotation rate/],
    ["mixed units in one triple", "tMs,ax[g],ay,az\n0,0,0,1\n", /^e\.csv:1: columns 'ax\[g\]' and 'ay' are in different units/],
    ["two columns for one field", "tMs,ax,ay,az,accelGX\n0,0,0,9.8,0\n", /^e\.csv:1: columns 'ax' and 'accelGX' both give accelGX$/],
    ["too many cells", "tMs,ax,ay,az\n0,0,0,9.8,7\n", /^e\.csv:2: 5 cells, but the header has 4$/],
    ["empty accelerometer cell", "tMs,ax,ay,az\n0,,0,9.8\n", /^e\.csv:2: empty cell in column ax$/],
    ["unclosed quote", "tMs,ax,ay,az,label\n0,0,0,9.8,\"tap\n", /^e\.csv:2:11: a quoted cell is not closed on this line$/],
    ["recording split in two", "recording,tMs,ax,ay,az\na,0,0,0,9.8\nb,0,0,0,9.8\na,10,0,0,9.8\n", /^e\.csv:4: recording 'a' starts again/],
    ["group changing in a recording", "group,tMs,ax,ay,az\np1,0,0,0,9.8\np2,10,0,0,9.8\n", /^e\.csv:3: group changes from 'p1' to 'p2'/],
    ["infinite value", "tMs,ax,ay,az\n0,Infinity,0,9.8\n", /^e\.csv:2: infinite value in column ax/],
  ];
  it.each(cases)("%s", (_name, text, message) => {
    expect(thrown(() => csvImport(text, "e.csv", {})).message).toMatch(message);
  });

  it("counts blank lines and CRLF in line numbers", () => {
    const e = thrown(() => csvImport("tMs,ax,ay,az\r\n\r\n0,0,0,9.8\r\n\r\n10,0,x,9.8\r\n", "e.csv"));
    expect([e.file, e.line, e.reason]).toEqual(["e.csv", 5, "text in a number column (ay): 'x'"]);
  });
});

describe("csvImport time units", () => {
  it("reads ns and us time columns, and warns when the spacing says the unit is wrong", () => {
    const [ns] = csvImport("timestamp[ns],ax,ay,az\n1000000000,0,0,9.8\n1010000000,0,0,9.8\n", "n.csv");
    expect([ns!.samples[F.tMs], ns!.samples[SAMPLE_WIDTH + F.tMs]]).toEqual([1000, 1010]);
    const [us] = csvImport("t[us],ax,ay,az\n0,0,0,9.8\n5000,0,0,9.8\n", "u.csv");
    expect(us!.samples[SAMPLE_WIDTH + F.tMs]).toBe(5);
    const warnings: string[] = [];
    csvImport("timestamp,ax,ay,az\n1000000000,0,0,9.8\n1010000000,0,0,9.8\n", "n.csv", { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual(["n.csv: samples are 1.00e+7 ms apart on average: if 'timestamp' is in another unit, say so, e.g. 'timestamp[ns]'"]);
  });
});
