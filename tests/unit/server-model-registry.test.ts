import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MANIFEST_FILE } from "@/lib/models/manifest";
import { REPORT_FILE, SINGLE_SHARD_FILE } from "@/lib/models/model-files";
import { MODEL_JSON_FILE } from "@/lib/models/weights-check";
import { modelRegistryStart, type ModelRegistry } from "@/lib/server/model-registry";
import { corruptModelJson, tinyModelFolderWrite, truncateWeights } from "@/tests/support/tiny-models";

let tmp: string;
let builtinDir: string;
let dataDir: string;
let userDir: string;
const open: ModelRegistry[] = [];

/** Watching off in effect (long debounce, no poll): these tests drive scans by hand. */
async function registry(nowMs = () => 1_000): Promise<ModelRegistry> {
  const r = await modelRegistryStart({ builtinDir, dataDir, debounceMs: 60_000, pollIntervalMs: 0, nowMs, log: () => {} });
  open.push(r);
  return r;
}

const FILES = [MANIFEST_FILE, MODEL_JSON_FILE, SINGLE_SHARD_FILE];
const filesOf = (dir: string) => Promise.all(FILES.map((f) => readFile(join(dir, f))));

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), "wristlab-registry-"));
  builtinDir = join(tmp, "app", "public", "models");
  dataDir = join(tmp, "data");
  userDir = join(dataDir, "models");
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
  await rm(tmp, { recursive: true, force: true });
});

describe("model registry", () => {
  it("keeps an evaluation report next to the version it describes, and a new report makes a new version", async () => {
    const r = await registry();
    const dir = join(userDir, "reported");
    await tinyModelFolderWrite(dir);
    await r.scan("reported");
    expect(r.get("reported")!.versions[0]!.files).toEqual(FILES);
    await writeFile(join(dir, REPORT_FILE), JSON.stringify({ f1: 0.9 }));
    await r.scan("reported");
    const v2 = r.get("reported")!.versions[1]!;
    expect(v2.files).toEqual([...FILES, REPORT_FILE]);
    expect(JSON.parse(await readFile(join(dataDir, "model-versions", "reported", "2", REPORT_FILE), "utf8"))).toEqual({ f1: 0.9 });
  });

  it("creates both roots and finds the folders already there at start", async () => {
    await tinyModelFolderWrite(join(builtinDir, "shipped"));
    const r = await registry();
    expect(r.userDir).toBe(userDir);
    expect(r.list().map((m) => [m.id, m.source, m.status, m.latest, m.versions.length])).toEqual([["shipped", "builtin", "ok", 1, 1]]);
    const v = r.get("shipped")!.versions[0]!;
    expect(v.manifest.id).toBe("shipped");
    expect(v.files).toEqual(FILES);
    expect(v.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.addedAtMs).toBe(1_000);
  });

  it("snapshots each new content as the next version and keeps old snapshots byte-identical", async () => {
    const r = await registry();
    const dir = join(userDir, "raise");
    await tinyModelFolderWrite(dir, { behaviour: { kind: "constant", prob: 0.7 } });
    const original = await filesOf(dir);
    await r.scan("raise");
    expect(r.get("raise")).toMatchObject({ source: "user", status: "ok", errors: [], latest: 1 });
    const revisionAfterV1 = r.revision();

    // A rescan of unchanged content is not a new version and not a change.
    await r.scan("raise");
    expect(r.get("raise")!.versions).toHaveLength(1);
    expect(r.revision()).toBe(revisionAfterV1);

    await tinyModelFolderWrite(dir, { behaviour: { kind: "constant", prob: 0.95 } });
    await r.scan("raise");
    const entry = r.get("raise")!;
    expect(entry.latest).toBe(2);
    expect(entry.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(entry.versions[0]!.hash).not.toBe(entry.versions[1]!.hash);
    expect(r.revision()).toBeGreaterThan(revisionAfterV1);

    const v1 = await Promise.all(FILES.map((f) => readFile(r.filePath("raise", 1, f)!)));
    expect(v1).toEqual(original);
    expect(await Promise.all(FILES.map((f) => readFile(r.filePath("raise", 2, f)!)))).toEqual(await filesOf(dir));
    expect(v1[2]).not.toEqual((await filesOf(dir))[2]);
  });

  it("reports a broken checkpoint with the file's name and keeps the working version", async () => {
    const r = await registry();
    const dir = join(userDir, "flick");
    await tinyModelFolderWrite(dir);
    await r.scan("flick");

    await corruptModelJson(dir);
    await r.scan("flick");
    let entry = r.get("flick")!;
    expect(entry.status).toBe("error");
    expect(entry.errors).toHaveLength(1);
    expect(entry.errors[0]).toMatch(/^model\.json is not valid JSON/);
    expect(entry.latest).toBe(1);
    expect(entry.versions).toHaveLength(1);

    await tinyModelFolderWrite(dir);
    await truncateWeights(dir);
    await r.scan("flick");
    entry = r.get("flick")!;
    expect(entry.status).toBe("error");
    expect(entry.errors[0]).toMatch(new RegExp(`^${SINGLE_SHARD_FILE.replace(/\./g, "\\.")} is \\d+ bytes, but model\\.json's weights need \\d+$`));
    expect(entry.latest).toBe(1);

    // Fixed again with the same content as version 1: back to ok, no new version.
    await tinyModelFolderWrite(dir);
    await r.scan("flick");
    expect(r.get("flick")).toMatchObject({ status: "ok", errors: [], latest: 1 });
  });

  it("lists a folder that has never been valid as an error with no versions", async () => {
    const r = await registry();
    await mkdir(join(userDir, "half-copied"), { recursive: true });
    await writeFile(join(userDir, "half-copied", MODEL_JSON_FILE), "{}");
    await r.scan("half-copied");
    const entry = r.get("half-copied")!;
    expect(entry).toMatchObject({ status: "error", latest: null, versions: [] });
    expect(entry.errors).toContain("manifest.json is missing");
    expect(r.filePath("half-copied", 1, MODEL_JSON_FILE)).toBeNull();
  });

  it("reports a user folder whose id a built-in model has, and leaves the built-in one alone", async () => {
    await tinyModelFolderWrite(join(builtinDir, "twin"), { behaviour: { kind: "constant", prob: 0.6 } });
    await tinyModelFolderWrite(join(userDir, "twin"), { behaviour: { kind: "constant", prob: 0.8 } });
    const r = await registry();
    const twins = r.list().filter((m) => m.id === "twin");
    expect(twins.map((m) => [m.source, m.status, m.latest])).toEqual([
      ["builtin", "ok", 1],
      ["user", "error", null],
    ]);
    expect(twins[1]!.errors).toEqual(["id already used by public/models/twin: rename the folder and the id in its manifest.json"]);
    expect(await readFile(r.filePath("twin", 1, SINGLE_SHARD_FILE)!)).toEqual(await readFile(join(builtinDir, "twin", SINGLE_SHARD_FILE)));

    await rm(join(userDir, "twin"), { recursive: true });
    await r.scan("twin");
    expect(r.list().filter((m) => m.id === "twin")).toHaveLength(1);
  });

  it("marks a deleted folder removed and keeps its versions servable", async () => {
    const r = await registry();
    await tinyModelFolderWrite(join(userDir, "gone"));
    await r.scan("gone");
    await rm(join(userDir, "gone"), { recursive: true });
    await r.scan("gone");
    expect(r.get("gone")).toMatchObject({ source: "user", status: "removed", errors: [], latest: 1 });
    expect((await readFile(r.filePath("gone", 1, MANIFEST_FILE)!, "utf8")).length).toBeGreaterThan(0);

    // A folder that never had a version simply disappears.
    await mkdir(join(userDir, "empty"));
    await r.scan("empty");
    expect(r.get("empty")?.status).toBe("error");
    await rm(join(userDir, "empty"), { recursive: true });
    await r.scan("empty");
    expect(r.get("empty")).toBeUndefined();
  });

  it("keeps versions across a restart and numbers on from them", async () => {
    const first = await registry();
    const dir = join(userDir, "kept");
    await tinyModelFolderWrite(dir, { behaviour: { kind: "constant", prob: 0.6 } });
    await first.scan("kept");
    await tinyModelFolderWrite(dir, { behaviour: { kind: "constant", prob: 0.7 } });
    await first.scan("kept");
    await tinyModelFolderWrite(join(userDir, "dropped"));
    await first.scan("dropped");
    const before = first.list();
    await first.close();
    await rm(join(userDir, "dropped"), { recursive: true });

    const second = await registry(() => 2_000);
    expect(second.get("kept")!.versions).toEqual(before.find((m) => m.id === "kept")!.versions);
    expect(second.get("kept")).toMatchObject({ status: "ok", latest: 2 });
    expect(second.get("dropped")).toMatchObject({ status: "removed", latest: 1 });

    await tinyModelFolderWrite(dir, { behaviour: { kind: "constant", prob: 0.8 } });
    await second.scan("kept");
    const v3 = second.get("kept")!.versions.at(-1)!;
    expect([v3.version, v3.addedAtMs]).toEqual([3, 2_000]);
  });

  it("ignores a version whose snapshot was damaged on disk", async () => {
    const first = await registry();
    await tinyModelFolderWrite(join(userDir, "damaged"));
    await first.scan("damaged");
    await first.close();
    await writeFile(first.filePath("damaged", 1, MANIFEST_FILE)!, "not json");
    const second = await registry();
    // The folder is still valid, so it comes back as a fresh version 1.
    expect(second.get("damaged")).toMatchObject({ status: "ok", latest: 1 });
    expect(JSON.parse(await readFile(second.filePath("damaged", 1, MANIFEST_FILE)!, "utf8")).id).toBe("damaged");
  });

  it("tells listeners about every change, with the new revision", async () => {
    const r = await registry();
    const seen: number[] = [];
    r.onChange((rev) => seen.push(rev));
    await tinyModelFolderWrite(join(userDir, "heard"));
    await r.scan("heard");
    await corruptModelJson(join(userDir, "heard"));
    await r.scan("heard");
    await r.scan("heard");
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(r.revision());
    expect(seen[1]).toBe(seen[0]! + 1);
  });
});

describe("model registry watching", () => {
  it("picks up a folder copied in while running, once it has been quiet", async () => {
    const r = await modelRegistryStart({ builtinDir, dataDir, debounceMs: 40, pollIntervalMs: 0, log: () => {} });
    open.push(r);
    const changes: number[] = [];
    r.onChange((rev) => changes.push(rev));
    await tinyModelFolderWrite(join(userDir, "live"));
    await until(() => r.get("live")?.latest === 1, "version 1");
    await tinyModelFolderWrite(join(userDir, "live"), { behaviour: { kind: "constant", prob: 0.55 } });
    await until(() => r.get("live")?.latest === 2, "version 2");
    await rm(join(userDir, "live"), { recursive: true });
    await until(() => r.get("live")?.status === "removed", "removed");
    expect(changes.length).toBeGreaterThanOrEqual(3);
  });
});

async function until(cond: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
