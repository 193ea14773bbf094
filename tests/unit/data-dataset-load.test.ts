import { mkdir, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetLoad, sourceLicence } from "@/lib/data/dataset-load";
import { formatDetect, recordingsImport } from "@/lib/data/import-any";
import { ImportError } from "@/lib/data/import-error";
import { F } from "@/lib/protocol/sample";

const FIX = "tests/fixtures";
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "wristlab-data-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error("expected an ImportError");
}

describe("datasetLoad", () => {
  it("loads a folder, picking each file's importer, ids under the folder's name, licence from SOURCE.txt", async () => {
    const d = await datasetLoad(`${FIX}/punch-flex`);
    expect(d.name).toBe("punch-flex");
    expect(d.recordings.map((r) => r.id)).toEqual([
      "punch-flex/flex.csv#01",
      "punch-flex/flex.csv#02",
      "punch-flex/punch.csv#01",
      "punch-flex/punch.csv#02",
      "punch-flex/punch.csv#03",
    ]);
    expect(new Set(d.recordings.map((r) => r.segments[0]!.label))).toEqual(new Set(["flex", "punch"]));
    expect(d.licence).toBe('MIT ("Copyright (c) 2023 Chia-Hung Cho"; full text in ./LICENSE)');
  });

  it("walks sub-folders and keeps the attribution a CC BY licence asks for", async () => {
    const d = await datasetLoad(`${FIX}/smartwatch-har`);
    expect(d.recordings.map((r) => [r.id, r.group])).toEqual([
      ["smartwatch-har/s01/s01_01_sw.csv", "s01"],
      ["smartwatch-har/s01/s01_02_sw.csv", "s01"],
    ]);
    expect(d.licence).toMatch(/^CC BY 4\.0 .*; cite: Matey-Sanz, M\., .* doi:10\.1016\/j\.dib\.2023\.109809/);
  });

  it("reads micro:bit and Edge Impulse JSON by their shape", async () => {
    const mb = await datasetLoad(`${FIX}/microbit-gestures`);
    expect(mb.recordings).toHaveLength(8);
    expect(mb.licence).toMatch(/^MIT .*Aarhus University and contributors/);
    const ei = await datasetLoad(`${FIX}/edge-impulse/flick.hand01.json`);
    expect(ei.name).toBe("flick.hand01");
    expect(ei.recordings.map((r) => [r.id, r.segments[0]!.label])).toEqual([["flick.hand01.json", "flick"]]);
  });

  it("passes CSV options to files in the documented format and filters files", async () => {
    const warnings: string[] = [];
    const d = await datasetLoad(`${FIX}/csv`, { csv: { rateHz: 50 }, filter: (p) => p !== "seconds.csv", onWarning: (m) => warnings.push(m) });
    expect(d.recordings.map((r) => r.id)).toEqual(["csv/fixed-rate-units.csv", "csv/sessions.csv#r1", "csv/sessions.csv#r2"]);
    expect(d.recordings[0]!.samples[F.tMs + 13]).toBe(20);
    expect(warnings.some((w) => /sessions\.csv: has a time column 't_ms', so rateHz is ignored/.test(w))).toBe(true);
  });

  it("reads a file as the format it is told", async () => {
    const d = await datasetLoad(`${FIX}/punch-flex/punch.csv`, { format: "csv", csv: { rateHz: 119, accelUnit: "g", gyroUnit: "degps" } });
    expect(d.recordings.map((r) => [r.id, r.length])).toEqual([["punch.csv", 357]]);
  });

  it("skips files of a folder that are not motion data, but refuses them when named", async () => {
    const dir = join(tmp, "mixed");
    await mkdir(dir);
    await writeFile(join(dir, "info.csv"), "subject_id,age\ns01,54\n");
    await writeFile(join(dir, "package.json"), '{"name": "x"}');
    await writeFile(join(dir, "rec.csv"), "tMs,ax,ay,az\n0,0,0,9.8\n10,0,0,9.8\n");
    const warnings: string[] = [];
    const d = await datasetLoad(dir, { onWarning: (m) => warnings.push(m) });
    expect(d.recordings.map((r) => r.id)).toEqual(["mixed/rec.csv"]);
    expect(d.licence).toBeUndefined();
    expect(warnings).toHaveLength(2);
    expect((await rejection(datasetLoad(join(dir, "info.csv")))).message).toMatch(/info\.csv: not a motion format we read/);
  });

  it("refuses a file over the size limit before reading it, naming the file", async () => {
    const file = join(tmp, "big.csv");
    await writeFile(file, `tMs,ax,ay,az\n${"0,0,0,9.8\n".repeat(2000)}`);
    const e = await rejection(datasetLoad(file, { maxBytes: 1024 }));
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/big\.csv: file is 19\.\d kB, over the 1\.0 kB limit for one file/);
    // 300 MB of holes: reading it would take seconds and the memory; the default limit stops it first.
    const huge = join(tmp, "huge.csv");
    await writeFile(huge, "tMs,ax,ay,az\n");
    await truncate(huge, 300 * 1024 * 1024);
    const started = performance.now();
    expect((await rejection(datasetLoad(huge))).message).toBe(`${huge}: file is 300 MB, over the 200 MB limit for one file (raise maxBytes to read it)`);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("says when the path is missing, a file is empty or a folder has no data", async () => {
    expect((await rejection(datasetLoad(join(tmp, "nope")))).message).toMatch(/nope: no such file or folder$/);
    const empty = join(tmp, "empty.csv");
    await writeFile(empty, "");
    expect((await rejection(datasetLoad(empty))).message).toBe(`${empty}: empty file`);
    const dir = join(tmp, "none");
    await mkdir(dir);
    await writeFile(join(dir, "notes.txt"), "hello");
    expect((await rejection(datasetLoad(dir))).message).toMatch(/none: no motion data/);
  });

  it("stops at the first broken file with its line", async () => {
    const dir = join(tmp, "broken");
    await mkdir(dir);
    await writeFile(join(dir, "a.csv"), "tMs,ax,ay,az\n0,0,0,9.8\n10,0,zz,9.8\n");
    expect((await rejection(datasetLoad(dir))).message).toBe(`${join(dir, "a.csv")}:3: text in a number column (ay): 'zz'`);
  });
});

describe("formatDetect and recordingsImport", () => {
  it("detects by CSV header and JSON shape", () => {
    expect(formatDetect("aX,aY,aZ,gX,gY,gZ\n1,2,3,4,5,6", "x.csv")?.format).toBe("punch-flex");
    expect(formatDetect("x_acc,y_acc,z_acc,x_gyro,y_gyro,z_gyro,timestamp,label\n", "x.csv")?.format).toBe("smartwatch-har");
    expect(formatDetect("t_ms,ax[g],ay[g],az[g]\n", "x.csv")?.format).toBe("csv");
    expect(formatDetect("a,b\n", "x.csv")).toBeNull();
    expect(formatDetect('{"protected": {}, "payload": {}}', "x.json")?.format).toBe("edge-impulse");
    expect(formatDetect('[{"name": "a", "recordings": []}]', "x.json")?.format).toBe("microbit");
    expect(formatDetect("[]", "x.json")).toBeNull();
  });

  it("imports text without touching the file system", () => {
    const recs = recordingsImport("tMs,ax,ay,az,label\n0,0,0,9.8,up\n10,0,0,9.8,up\n", "drop.csv");
    expect(recs[0]!.segments).toEqual([{ label: "up", tStartMs: 0, tEndMs: 20 }]);
    expect(() => recordingsImport("a,b\n1,2\n", "drop.csv")).toThrow(/^drop\.csv: not a motion format/);
  });

  it("reads the licence entry with its continuation lines", async () => {
    const dir = join(tmp, "src");
    await mkdir(dir);
    await writeFile(join(dir, "SOURCE.txt"), "SOURCE\n  repo: x\n  licence: MIT (Jane\n           Doe)\n  paths: a.csv\n");
    expect(await sourceLicence(dir)).toBe("MIT (Jane Doe)");
    expect(await sourceLicence(join(tmp, "missing"))).toBeUndefined();
  });
});
