import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SINGLE_SHARD_FILE } from "@/lib/models/model-files";
import type { LinkSocket } from "@/lib/client/link-socket";
import type { ModelsListing } from "@/lib/protocol/events";
import { MODEL_UPLOAD_MAX_BYTES } from "@/lib/server/model-upload";
import { tinyModelFolderWrite, truncateWeights } from "@/tests/support/tiny-models";
import { connected, rawSocket, testServerStart, until, type TestServer } from "./harness";

/** A model folder dropped onto the desktop page, posted as the page posts it. */

let t: TestServer;
let src: string;
let socket: LinkSocket;
const announced: number[] = [];

beforeAll(async () => {
  t = await testServerStart();
  src = await mkdtemp(join(tmpdir(), "wristlab-upload-src-"));
  socket = rawSocket(t.url);
  socket.on("models:changed", (p) => announced.push(p.revision));
  await connected(socket);
});
afterAll(async () => {
  socket.close();
  await t.close();
  await rm(src, { recursive: true, force: true });
});

async function folderBody(dir: string, top: string) {
  const names = await readdir(dir);
  return { files: await Promise.all(names.map(async (n) => ({ path: `${top}/${n}`, base64: (await readFile(join(dir, n))).toString("base64") }))) };
}

const post = (body: string) => fetch(`${t.url}/api/models`, { method: "POST", body, headers: { "content-type": "application/json" } });

describe("POST /api/models on the real server", () => {
  it("stores a valid folder as a user model, announces it and answers 201 with its version", async () => {
    const dir = join(src, "dropped-demo");
    await tinyModelFolderWrite(dir);
    const before = announced.length;
    const r = await post(JSON.stringify(await folderBody(dir, "dropped-demo")));
    expect(r.status).toBe(201);
    expect(await r.json()).toEqual({ ok: true, id: "dropped-demo", version: 1 });

    const listing = (await (await fetch(`${t.url}/api/models`)).json()) as ModelsListing;
    const m = listing.models.find((x) => x.id === "dropped-demo");
    expect(m).toMatchObject({ source: "user", status: "ok", latest: 1 });
    const shard = await fetch(`${t.url}${m!.versions[0]!.baseUrl}${SINGLE_SHARD_FILE}`);
    expect(Buffer.from(await shard.arrayBuffer())).toEqual(await readFile(join(dir, SINGLE_SHARD_FILE)));
    await until(() => announced.length > before, 2_000, "models:changed");
  });

  it("refuses a truncated checkpoint with 422 and the shard's name, writing nothing", async () => {
    const dir = join(src, "bad-upload");
    await tinyModelFolderWrite(dir);
    await truncateWeights(dir);
    const userBefore = await readdir(t.server.models.userDir);
    const r = await post(JSON.stringify(await folderBody(dir, "bad-upload")));
    expect(r.status).toBe(422);
    const body = (await r.json()) as { ok: boolean; errors: string[] };
    expect(body.ok).toBe(false);
    expect(body.errors.join("\n")).toContain(SINGLE_SHARD_FILE);
    expect(await readdir(t.server.models.userDir)).toEqual(userBefore);
    expect(t.server.models.get("bad-upload")).toBeUndefined();
  });

  it("answers 413 to a body over the limit and keeps serving", async () => {
    const big = JSON.stringify({ files: [{ path: "model.json", base64: "A".repeat(MODEL_UPLOAD_MAX_BYTES) }] });
    const r = await post(big);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { ok: boolean }).ok).toBe(false);
    expect((await fetch(`${t.url}/api/models`)).status).toBe(200);
  });
});
