import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { modelFoldersWatch, type ModelFolderWatch } from "@/lib/server/model-folder-watch";

let tmp: string;
let watcher: ModelFolderWatch | null = null;
let changes: string[];

const DEBOUNCE_MS = 50;

function watchStart(roots: string[], pollIntervalMs = 0, debounceMs = DEBOUNCE_MS) {
  watcher = modelFoldersWatch({ roots, onChange: (name) => changes.push(name), debounceMs, pollIntervalMs, log: () => {} });
}

/** Runs `action` once every report it caused has arrived, and waits for at least one new report. */
async function reported(action: () => Promise<void>, what: string): Promise<void> {
  await sleep(3 * DEBOUNCE_MS);
  const n = changes.length;
  await action();
  await until(() => changes.length > n, what);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(cond: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(changes)}`);
    await sleep(10);
  }
}

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), "wristlab-watch-"));
  changes = [];
});
afterEach(async () => {
  watcher?.close();
  watcher = null;
  await rm(tmp, { recursive: true, force: true });
});

describe("modelFoldersWatch", () => {
  it("reports a burst of writes to one folder once, after it goes quiet", async () => {
    const root = join(tmp, "models");
    await mkdir(join(root, "a"), { recursive: true });
    // A long quiet time, so that a busy machine cannot split the burst.
    watchStart([root], 0, 200);
    for (let i = 0; i < 5; i++) await writeFile(join(root, "a", `shard${i}.bin`), new Uint8Array(16));
    await until(() => changes.length > 0, "a change");
    await sleep(400);
    expect(changes).toEqual(["a"]);
  });

  it("follows a folder that appears, is replaced by a rename, and is deleted", async () => {
    const root = join(tmp, "models");
    await mkdir(root);
    watchStart([root]);
    await reported(() => mkdir(join(root, "b")), "the new folder");
    // Only a watcher put on the new folder itself sees this.
    await reported(() => writeFile(join(root, "b", "model.json"), "{}"), "a file in the new folder");
    await mkdir(join(tmp, "staged"));
    await reported(async () => {
      await rm(join(root, "b"), { recursive: true });
      await rename(join(tmp, "staged"), join(root, "b"));
    }, "the swapped folder");
    await reported(() => writeFile(join(root, "b", "manifest.json"), "{}"), "a file in the swapped folder");
    await reported(() => rm(join(root, "b"), { recursive: true }), "the deleted folder");
    expect(new Set(changes)).toEqual(new Set(["b"]));
  });

  it("ignores hidden entries such as editor and upload scratch files", async () => {
    const root = join(tmp, "models");
    await mkdir(root);
    watchStart([root]);
    await mkdir(join(root, ".staging"));
    await writeFile(join(root, ".DS_Store"), "x");
    await mkdir(join(root, "c"));
    await until(() => changes.length > 0, "the visible folder");
    await sleep(3 * DEBOUNCE_MS);
    expect(changes).toEqual(["c"]);
  });

  it("falls back on polling for a root that did not exist when watching began", async () => {
    const root = join(tmp, "later");
    watchStart([root], 40);
    await sleep(60);
    await mkdir(join(root, "d"), { recursive: true });
    await until(() => changes.includes("d"), "the folder in the late root");
    await reported(() => writeFile(join(root, "d", "model.json"), "{}"), "a change in the late root");
  });

  it("stops reporting after close", async () => {
    const root = join(tmp, "models");
    await mkdir(root);
    watchStart([root], 20);
    await mkdir(join(root, "e"));
    watcher!.close();
    await sleep(3 * DEBOUNCE_MS);
    expect(changes).toEqual([]);
  });
});
