import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SceneSettings, StoredSceneSettings } from "@/lib/protocol/scene-settings";
import { createSceneSettingsStore } from "@/lib/server/scene-settings-store";

let tmp: string;
let dir: string;
let logged: string[];
let clockMs: number;

const storeOpen = () => createSceneSettingsStore({ dir, nowMs: () => clockMs, log: (msg) => logged.push(msg) });

const settingsWith = (thresholdProb: number): SceneSettings => ({
  roles: {
    tap: { choice: { kind: "heuristic", name: "double-tap", params: { gapMaxMs: 350 } }, decision: { thresholdProb, smoothingWindows: 2, minConsecutiveWindows: 1, refractoryMs: 400 } },
    flick: { choice: { kind: "model", id: "flick-cnn", pinned: null }, decision: null },
  },
  options: { sensitivity: 0.5, showTrail: true, label: "kitchen" },
});

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), "wristlab-scenes-"));
  dir = join(tmp, "scenes");
  logged = [];
  clockMs = 1_700_000_000_000;
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("scene settings store", () => {
  it("answers defaults for a scene never saved, without creating anything", async () => {
    const store = storeOpen();
    expect(await store.get("pointer")).toEqual({ sceneId: "pointer", settings: null, updatedAtMs: null });
    await expect(readdir(tmp)).resolves.toEqual([]);
  });

  it("saves to <dir>/<id>.json, reads it back, and a new store on the same folder finds it", async () => {
    const saved = await storeOpen().save("pointer", settingsWith(0.7));
    expect(saved).toEqual({ sceneId: "pointer", settings: settingsWith(0.7), updatedAtMs: clockMs });
    expect(JSON.parse(await readFile(join(dir, "pointer.json"), "utf8"))).toEqual(saved);
    expect(await storeOpen().get("pointer")).toEqual(saved);
  });

  it("resets to defaults by removing the file, for this store and the next", async () => {
    const store = storeOpen();
    await store.save("pointer", settingsWith(0.7));
    await store.save("lights", settingsWith(0.6));
    expect(await store.reset("pointer")).toEqual({ sceneId: "pointer", settings: null, updatedAtMs: null });
    expect(await store.get("pointer")).toEqual({ sceneId: "pointer", settings: null, updatedAtMs: null });
    expect(await readdir(dir)).toEqual(["lights.json"]);
    expect((await storeOpen().get("pointer")).settings).toBeNull();
    expect((await storeOpen().get("lights")).settings).toEqual(settingsWith(0.6));
  });

  it("leaves only the scene files behind: no temp files after many saves", async () => {
    const store = storeOpen();
    for (let i = 1; i <= 10; i++) await store.save(i % 2 ? "pointer" : "lights", settingsWith(i / 10));
    expect((await readdir(dir)).sort()).toEqual(["lights.json", "pointer.json"]);
  });

  it("ignores a half-written temp file left by a killed server and replaces it on the next save", async () => {
    await storeOpen().save("pointer", settingsWith(0.7));
    await writeFile(join(dir, "pointer.json.tmp"), '{"sceneId":"pointer","sett');
    const store = storeOpen();
    expect((await store.get("pointer")).settings).toEqual(settingsWith(0.7));
    await store.save("pointer", settingsWith(0.8));
    expect(await readdir(dir)).toEqual(["pointer.json"]);
    expect(logged).toEqual([]);
  });

  it("keeps the previous file whole when a write fails", async () => {
    const store = storeOpen();
    const before = await store.save("pointer", settingsWith(0.7));
    // A folder where the temp file should go makes the write fail before the rename.
    await mkdir(join(dir, "pointer.json.tmp"));
    await expect(store.save("pointer", settingsWith(0.9))).rejects.toThrow();
    expect(await store.get("pointer")).toEqual(before);
    expect(JSON.parse(await readFile(join(dir, "pointer.json"), "utf8"))).toEqual(before);
  });

  it.each([
    ["text that is not JSON", '{"sceneId": "pointer", "settings": {', "not JSON"],
    ["JSON of the wrong shape", JSON.stringify({ sceneId: "pointer", settings: { roles: { tap: { choice: null, decision: { thresholdProb: 7 } } }, options: {} }, updatedAtMs: 1 }), "not scene settings"],
    ["another scene's settings", JSON.stringify({ sceneId: "lights", settings: settingsWith(0.5), updatedAtMs: 1 }), 'scene "lights"'],
  ])("reads %s as defaults, reports it once and keeps the file aside", async (_what, content, reason) => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "pointer.json"), content);
    const store = storeOpen();
    expect(await store.get("pointer")).toEqual({ sceneId: "pointer", settings: null, updatedAtMs: null });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(join(dir, "pointer.json"));
    expect(logged[0]).toContain(reason);
    const aside = `pointer.json.bad-${clockMs}`;
    expect(logged[0]).toContain(aside);
    expect(await readdir(dir)).toEqual([aside]);
    expect(await readFile(join(dir, aside), "utf8")).toBe(content);

    expect((await storeOpen().get("pointer")).settings).toBeNull();
    expect(logged).toHaveLength(1);
    // Saving works as usual and does not touch the kept file.
    await store.save("pointer", settingsWith(0.7));
    expect((await readdir(dir)).sort()).toEqual(["pointer.json", aside]);
  });

  it("ends with the last of many concurrent saves, on disk and in memory, announced in order", async () => {
    const store = storeOpen();
    const announced: StoredSceneSettings[] = [];
    store.onChange((s) => announced.push(s));
    const probs = Array.from({ length: 20 }, (_, i) => (i + 1) / 20);
    const results = await Promise.all(probs.map((p) => store.save("pointer", settingsWith(p))));
    const last = results.at(-1)!;
    expect(last.settings).toEqual(settingsWith(1));
    expect(await store.get("pointer")).toEqual(last);
    expect(await storeOpen().get("pointer")).toEqual(last);
    expect(announced.map((s) => s.settings?.roles.tap?.decision?.thresholdProb)).toEqual(probs);
    expect(await readdir(dir)).toEqual(["pointer.json"]);
  });

  it("a get queued after a save sees the save", async () => {
    const store = storeOpen();
    const saving = store.save("pointer", settingsWith(0.3));
    const read = store.get("pointer");
    expect((await read).settings).toEqual(settingsWith(0.3));
    await saving;
  });

  it("announces saves and resets until unsubscribed, and a failing listener harms nothing", async () => {
    const store = storeOpen();
    const seen: StoredSceneSettings[] = [];
    store.onChange(() => {
      throw new Error("listener bug");
    });
    const off = store.onChange((s) => seen.push(s));
    await store.save("pointer", settingsWith(0.7));
    await store.reset("pointer");
    off();
    await store.save("pointer", settingsWith(0.8));
    expect(seen).toEqual([
      { sceneId: "pointer", settings: settingsWith(0.7), updatedAtMs: clockMs },
      { sceneId: "pointer", settings: null, updatedAtMs: null },
    ]);
    expect(logged.filter((l) => l.includes("listener failed"))).toHaveLength(3);
  });

  it("refuses scene ids that are not the protocol's, so no file outside the folder is touched", async () => {
    const store = storeOpen();
    for (const id of ["../escape", "Pointer", "a/b", "", "x".repeat(49)]) {
      await expect(store.save(id, settingsWith(0.5))).rejects.toThrow(/invalid scene id/);
      await expect(store.get(id)).rejects.toThrow(/invalid scene id/);
    }
    await expect(readdir(tmp)).resolves.toEqual([]);
  });

  it("close waits for a save in flight", async () => {
    const store = storeOpen();
    const saving = store.save("pointer", settingsWith(0.7));
    await store.close();
    expect(JSON.parse(await readFile(join(dir, "pointer.json"), "utf8")).settings).toEqual(settingsWith(0.7));
    await saving;
  });
});
