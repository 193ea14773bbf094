import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST_FILE } from "@/lib/models/manifest";
import { SINGLE_SHARD_FILE } from "@/lib/models/model-files";
import { MODEL_JSON_FILE } from "@/lib/models/weights-check";
import type { LinkSocket } from "@/lib/client/link-socket";
import type { ModelInfo, ModelsListing } from "@/lib/protocol/events";
import { corruptModelJson, tinyModelFolderWrite, truncateWeights } from "@/tests/support/tiny-models";
import { connected, rawSocket, testServerStart, type TestServer } from "./harness";

/**
 * Checkpoints copied into the user models folder of a running server: announced on
 * the socket and listed with their versions within 2 s, broken ones refused while
 * the last good version stays.
 */

const ID = "hot-swap-demo";
const FILES = [MANIFEST_FILE, MODEL_JSON_FILE, SINGLE_SHARD_FILE];
const WITHIN_MS = 2_000;

let t: TestServer;
let socket: LinkSocket;
const announced: number[] = [];
let dir: string;

beforeAll(async () => {
  t = await testServerStart();
  dir = join(t.server.models.userDir, ID);
  socket = rawSocket(t.url);
  socket.on("models:changed", (p) => announced.push(p.revision));
  await connected(socket);
});
afterAll(async () => {
  socket.close();
  await t.close();
});

async function model(): Promise<{ revision: number; model: ModelInfo | undefined }> {
  const listing = (await (await fetch(`${t.url}/api/models`)).json()) as ModelsListing;
  return { revision: listing.revision, model: listing.models.find((m) => m.id === ID) };
}

/** Waits for an announcement after `since`, then for the listing to satisfy `cond`; both within 2 s of the change. */
async function announcedAndListed(sinceMs: number, announcedBefore: number, cond: (m: ModelInfo) => boolean, what: string): Promise<ModelInfo> {
  for (;;) {
    const { model: m, revision } = await model();
    if (announced.length > announcedBefore && m && cond(m)) {
      expect(announced.at(-1)).toBeLessThanOrEqual(revision);
      return m;
    }
    if (Date.now() - sinceMs > WITHIN_MS) throw new Error(`no ${what} within ${WITHIN_MS} ms: ${JSON.stringify(m?.errors ?? m)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const served = (m: ModelInfo, version: number) =>
  Promise.all(FILES.map(async (f) => Buffer.from(await (await fetch(`${t.url}${m.versions[version - 1]!.baseUrl}${f}`)).arrayBuffer())));
const onDisk = () => Promise.all(FILES.map((f) => readFile(join(dir, f))));

describe("model hot-swap over the socket", () => {
  let v1Files: Buffer[];

  it("announces a new checkpoint and lists it as version 1", async () => {
    const before = announced.length;
    const startMs = Date.now();
    await tinyModelFolderWrite(dir, { behaviour: { kind: "constant", prob: 0.6 } });
    const m = await announcedAndListed(startMs, before, (x) => x.latest === 1, "version 1");
    expect(m).toMatchObject({ source: "user", status: "ok", errors: [] });
    expect(m.versions[0]!.manifest.id).toBe(ID);
    v1Files = await onDisk();
    expect(await served(m, 1)).toEqual(v1Files);
  });

  it("turns overwritten weights into version 2 and still serves version 1 unchanged", async () => {
    const before = announced.length;
    const startMs = Date.now();
    await tinyModelFolderWrite(dir, { behaviour: { kind: "constant", prob: 0.9 } });
    const m = await announcedAndListed(startMs, before, (x) => x.latest === 2, "version 2");
    expect(m.versions.map((v) => v.version)).toEqual([1, 2]);
    const v2Files = await onDisk();
    expect(v2Files[2]).not.toEqual(v1Files[2]);
    expect(await served(m, 1)).toEqual(v1Files);
    expect(await served(m, 2)).toEqual(v2Files);
  });

  it("refuses a corrupted model.json, naming it, and keeps version 2 as latest", async () => {
    const before = announced.length;
    const startMs = Date.now();
    await corruptModelJson(dir);
    const m = await announcedAndListed(startMs, before, (x) => x.status === "error", "error status");
    expect(m.errors.some((e) => e.startsWith("model.json is not valid JSON"))).toBe(true);
    expect(m.latest).toBe(2);
    expect(m.versions).toHaveLength(2);
  });

  it("refuses a truncated weight shard, naming it, and keeps version 2 as latest", async () => {
    // A good copy of version 2's content first: ok again, no new version.
    let before = announced.length;
    let startMs = Date.now();
    await tinyModelFolderWrite(dir, { behaviour: { kind: "constant", prob: 0.9 } });
    await announcedAndListed(startMs, before, (x) => x.status === "ok", "ok status");

    before = announced.length;
    startMs = Date.now();
    await truncateWeights(dir);
    const m = await announcedAndListed(startMs, before, (x) => x.status === "error", "error status");
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]).toMatch(new RegExp(`^${SINGLE_SHARD_FILE.replace(/\./g, "\\.")} is \\d+ bytes, but model\\.json's weights need \\d+$`));
    expect(m.latest).toBe(2);
    expect(m.versions).toHaveLength(2);
  });
});
