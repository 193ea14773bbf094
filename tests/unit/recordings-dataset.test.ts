import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { datasetLoad } from "@/lib/data/dataset-load";
import type { SampleTuple } from "@/lib/protocol/sample";
import { RECORDINGS_DB_FILE, RecordingStore } from "@/lib/recordings/recording-store";

let dir: string;
let file: string;
let store: RecordingStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wristlab-rec-dataset-"));
  file = join(dir, RECORDINGS_DB_FILE);
  store = RecordingStore.open(dir, () => {});
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const tuple = (tMs: number): SampleTuple => [tMs, 0, 0, 9.8, null, null, null, 0, 0, 0, null, null, null];

/** One device, 100 samples 10 ms apart from t0 (device clock), its clock 5 s behind the server's. */
function record(name: string, finish: boolean): string {
  const id = store.create({ name, room: "K7QM4X", deviceFilter: null, labelSet: ["raise"], protocol: null, startedAtMs: 105_000 });
  const row = store.deviceAdd(id, { id: "phone-1", name: "Pixel", source: "phone", platform: "android", clockOffsetMs: 5_000 });
  store.samplesWrite([{ deviceRow: row, n0: 0, samples: Array.from({ length: 100 }, (_, i) => tuple(100_000 + i * 10)) }]);
  store.liveLabel(id, "raise", 105_200);
  store.liveLabel(id, null, 105_500);
  if (finish) store.finish(id, "complete", "stopped", 106_000);
  return id;
}

describe("the recordings database as a training dataset", () => {
  it("reads finished recordings, labels moved onto each device's clock, running ones left out", async () => {
    const done = record("done", true);
    record("running", false);
    const ds = await datasetLoad(file);
    expect(ds.recordings.map((r) => r.id)).toEqual([`${done}#phone-1`]);
    const r = ds.recordings[0]!;
    expect(r).toMatchObject({ group: done, length: 100, segments: [{ label: "raise", tStartMs: 100_200, tEndMs: 100_500 }] });
  });

  it("takes the recordings named after #, and names the ones it cannot find", async () => {
    const a = record("a", true);
    record("b", true);
    expect((await datasetLoad(`${file}#${a}`)).recordings.map((r) => r.group)).toEqual([a]);
    await expect(datasetLoad(`${file}#nope`)).rejects.toThrow(/no finished recording nope/);
  });

  it("refuses a file that is not a recordings database", async () => {
    const bad = join(dir, "notes.sqlite");
    writeFileSync(bad, "hello");
    await expect(datasetLoad(bad)).rejects.toThrow(/cannot be read as a recordings database/);
  });
});
