import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { harSubject, isSmartwatchHarHeader, smartwatchHarImport } from "@/lib/data/import-smartwatch-har";
import { recordingRow } from "@/lib/data/motion-recording";
import { F, SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { thrown } from "./import-error-thrown";

const FILE = "tests/fixtures/smartwatch-har/s01/s01_01_sw.csv";
const text = readFileSync(FILE, "utf8");
/** [x_acc, y_acc, z_acc, x_gyro, y_gyro, z_gyro, timestamp, label] of each data line. */
const rows = text.trim().split("\n").slice(1).map((l) => l.split(","));


describe("smartwatchHarImport", () => {
  it("reads one execution as one recording of its subject, dropping rows that repeat a timestamp", () => {
    const warnings: string[] = [];
    const [r, ...rest] = smartwatchHarImport(text, FILE, { onWarning: (m) => warnings.push(m) });
    expect(rest).toHaveLength(0);
    const repeats = rows.filter((row, i) => i > 0 && row[6] === rows[i - 1]![6]).length;
    expect(repeats).toBe(1);
    expect(r!.length).toBe(rows.length - repeats);
    expect([r!.id, r!.group, r!.source]).toEqual(["s01_01_sw.csv", "s01", FILE]);
    expect(warnings).toEqual([`${FILE}: dropped 1 rows whose time repeats the previous row's`]);
    for (let i = 1; i < r!.length; i++) expect(r!.samples[i * SAMPLE_WIDTH]!).toBeGreaterThan(r!.samples[(i - 1) * SAMPLE_WIDTH]!);
  });

  it("keeps the source's units (m/s² with gravity, rad/s, UNIX ms): |accelG| ≈ g while seated", () => {
    const [r] = smartwatchHarImport(text, FILE);
    const first = recordingRow(r!, 0);
    const raw = rows[0]!.map(Number);
    expect(first[F.tMs]).toBe(raw[6]);
    expect(Array.from(first.subarray(F.accelGX, F.accelGZ + 1))).toEqual(raw.slice(0, 3));
    expect(Array.from(first.subarray(F.gyroX, F.gyroZ + 1))).toEqual(raw.slice(3, 6));
    expect(first[F.accelX]).toBeNaN();
    const seated = r!.segments[0]!;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < r!.length; i++) {
      const row = recordingRow(r!, i);
      if (row[F.tMs]! >= seated.tEndMs) break;
      sum += Math.hypot(row[F.accelGX]!, row[F.accelGY]!, row[F.accelGZ]!);
      n++;
    }
    expect(n).toBe(rows.filter((row) => row[7] === "SEATED").length);
    expect(sum / n).toBeGreaterThan(9.5);
    expect(sum / n).toBeLessThan(10.1);
  });

  it("turns runs of per-sample labels into segments that meet where the label changes", () => {
    const [r] = smartwatchHarImport(text, FILE);
    const firstOf = (label: string) => Number(rows.find((row) => row[7] === label)![6]);
    expect(r!.segments.map((s) => s.label)).toEqual(["SEATED", "STANDING_UP", "WALKING"]);
    expect(r!.segments[0]!.tStartMs).toBe(Number(rows[0]![6]));
    expect(r!.segments[0]!.tEndMs).toBe(firstOf("STANDING_UP"));
    expect(r!.segments[1]!.tEndMs).toBe(firstOf("WALKING"));
    const last = r!.samples[(r!.length - 1) * SAMPLE_WIDTH]!;
    expect(r!.segments[2]!.tEndMs).toBeGreaterThan(last);
    expect(r!.segments[2]!.tEndMs).toBeLessThan(last + 20);
  });

  it("agrees with the independently converted replay fixture of the same file", () => {
    const replay = readFileSync("tests/fixtures/smartwatch-har-s01_01_sw.csv", "utf8").trim().split("\n").slice(1);
    const [r] = smartwatchHarImport(text, FILE);
    for (let i = 0; i < r!.length; i++) {
      const [t, ax, ay, az, gx, gy, gz] = replay[i]!.split(",").map(Number);
      expect(Array.from(recordingRow(r!, i).subarray(0, 4))).toEqual([t, ax, ay, az]);
      expect(Array.from(recordingRow(r!, i).subarray(F.gyroX, F.gyroZ + 1))).toEqual([gx, gy, gz]);
    }
  });

  it("finds the subject in the path, else uses the option or the file stem", () => {
    expect(harSubject("DATA/s16/s16_03_sp.csv")).toBe("s16");
    expect(harSubject("s07_01_sw.csv")).toBe("s07");
    expect(harSubject("walks/run.csv")).toBeNull();
    expect(smartwatchHarImport(text, "x.csv", { group: "p9" })[0]!.group).toBe("p9");
    const warnings: string[] = [];
    expect(smartwatchHarImport(text, "x.csv", { onWarning: (m) => warnings.push(m) })[0]!.group).toBe("x");
    expect(warnings[0]).toMatch(/no subject/);
  });

  it("recognises its header and names file and line of what it cannot read", () => {
    const header = text.split("\n")[0]!.trim().split(",");
    expect(isSmartwatchHarHeader(header)).toBe(true);
    expect(isSmartwatchHarHeader(["tMs", "accelGX", "accelGY", "accelGZ"])).toBe(false);
    const noLabel = text.replace(",label", ",activity");
    expect(thrown(() => smartwatchHarImport(noLabel, "s01_01_sw.csv")).message).toMatch(/^s01_01_sw\.csv:1: missing column label/);
    const lines = text.split("\n");
    lines[9] = lines[9]!.replace(/^[^,]+/, "n/a");
    expect(thrown(() => smartwatchHarImport(lines.join("\n"), "s01_01_sw.csv")).message).toBe("s01_01_sw.csv:10: text in a number column (x_acc): 'n/a'");
    const back = text.split("\n");
    back[20] = back[20]!.replace(/,(\d+),/, (_m, t: string) => `,${Number(t) - 1000},`);
    expect(thrown(() => smartwatchHarImport(back.join("\n"), "s01_01_sw.csv")).message).toMatch(/^s01_01_sw\.csv:21: times not increasing/);
  });
});
