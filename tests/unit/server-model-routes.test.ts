import { createServer, request, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Server } from "socket.io";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MANIFEST_FILE } from "@/lib/models/manifest";
import { SINGLE_SHARD_FILE } from "@/lib/models/model-files";
import { MODEL_JSON_FILE } from "@/lib/models/weights-check";
import type { ModelsListing } from "@/lib/protocol/events";
import { createApiHandler } from "@/lib/server/http-api";
import { createHub, type Hub } from "@/lib/server/hub";
import { modelRegistryStart, type ModelRegistry } from "@/lib/server/model-registry";
import type { HubServer } from "@/lib/server/socket-types";
import { tinyModelFolderWrite, truncateWeights } from "@/tests/support/tiny-models";

const UPLOAD_MAX_BYTES = 64 * 1024;

let tmp: string;
let registry: ModelRegistry;
let hub: Hub;
let http: HttpServer;
let base: string;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), "wristlab-routes-"));
  registry = await modelRegistryStart({ builtinDir: join(tmp, "builtin"), dataDir: join(tmp, "data"), debounceMs: 60_000, pollIntervalMs: 0, log: () => {} });
  hub = createHub(new Server() as HubServer, { log: () => {} });
  const api = createApiHandler({ hub, version: "t", startedAtMs: 0, network: () => ({ phoneBaseUrls: [], httpsPort: null }), models: registry, modelUploadMaxBytes: UPLOAD_MAX_BYTES });
  http = createServer((req, res) => {
    if (!api(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  hub.close();
  await registry.close();
  await new Promise<void>((resolve) => {
    http.close(() => resolve());
    http.closeAllConnections();
  });
  await rm(tmp, { recursive: true, force: true });
});

/** A request with the path sent exactly as written: fetch would resolve `..` segments first. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function listing(): Promise<ModelsListing> {
  return (await (await fetch(`${base}/api/models`)).json()) as ModelsListing;
}

/** A model folder on disk as the desktop would post it: every file under `<top>/`. */
async function uploadBody(dir: string, top: string) {
  const names = await readdir(dir);
  const files = await Promise.all(names.map(async (n) => ({ path: `${top}/${n}`, base64: (await readFile(join(dir, n))).toString("base64") })));
  return { files };
}

const post = (body: unknown) => fetch(`${base}/api/models`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

describe("GET /api/models", () => {
  it("lists each model with its status and versions, each with manifest, files and base URL", async () => {
    await tinyModelFolderWrite(join(registry.userDir, "listed"));
    await registry.scan("listed");
    const r = await fetch(`${base}/api/models`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const body = (await r.json()) as ModelsListing;
    expect(body.revision).toBe(registry.revision());
    expect(body.models).toHaveLength(1);
    const [m] = body.models;
    expect(m).toMatchObject({ id: "listed", source: "user", status: "ok", errors: [], latest: 1 });
    expect(m!.versions).toHaveLength(1);
    expect(m!.versions[0]).toMatchObject({ version: 1, files: [MANIFEST_FILE, MODEL_JSON_FILE, SINGLE_SHARD_FILE], baseUrl: "/api/models/listed/versions/1/" });
    expect(m!.versions[0]!.manifest.id).toBe("listed");
  });

  it("refuses other methods with 405", async () => {
    const r = await fetch(`${base}/api/models`, { method: "DELETE" });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, POST");
  });
});

describe("GET /api/models/<id>/versions/<n>/<file>", () => {
  beforeEach(async () => {
    await tinyModelFolderWrite(join(registry.userDir, "served"));
    await registry.scan("served");
  });

  it("serves snapshot files byte for byte with their content type", async () => {
    const { baseUrl } = (await listing()).models[0]!.versions[0]!;
    const json = await fetch(`${base}${baseUrl}${MODEL_JSON_FILE}`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(Buffer.from(await json.arrayBuffer())).toEqual(await readFile(join(registry.userDir, "served", MODEL_JSON_FILE)));
    const shard = await fetch(`${base}${baseUrl}${SINGLE_SHARD_FILE}`);
    expect(shard.headers.get("content-type")).toBe("application/octet-stream");
    expect(Buffer.from(await shard.arrayBuffer())).toEqual(await readFile(join(registry.userDir, "served", SINGLE_SHARD_FILE)));
  });

  it("answers a matching If-None-Match with 304", async () => {
    const url = `${base}/api/models/served/versions/1/${MANIFEST_FILE}`;
    const etag = (await fetch(url)).headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await fetch(url, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
  });

  it("gives a JSON 404 for unknown models, versions and files", async () => {
    for (const path of ["/api/models/nope/versions/1/model.json", "/api/models/served/versions/2/model.json", "/api/models/served/versions/1/weights.bin", "/api/models/served/versions/0/model.json"]) {
      const r = await fetch(`${base}${path}`);
      expect([path, r.status]).toEqual([path, 404]);
      expect(((await r.json()) as { ok: boolean }).ok).toBe(false);
    }
  });

  it("never serves a file outside the version, however the path is spelt", async () => {
    const attempts = [
      "/api/models/served/versions/1/..%2findex.json",
      "/api/models/served/versions/1/%2e%2e%2findex.json",
      "/api/models/served/versions/1/..%2f..%2f..%2fmodels%2fserved%2fmodel.json",
      "/api/models/served/versions/1/%2fetc%2fpasswd",
      "/api/models/served/versions/1/..%5c..%5cindex.json",
      "/api/models/..%2fmodel-versions%2fserved/versions/1/model.json",
      "/api/models/served/versions/1/%252e%252e%252findex.json",
      "/api/models/served/versions/1/%E0%A4%A",
    ];
    for (const path of attempts) {
      const r = await rawGet(path);
      expect([path, r.status]).toEqual([path, 404]);
      expect((JSON.parse(r.body) as { ok: boolean }).ok).toBe(false);
    }
    // Dot segments the URL parser resolves leave /api/models altogether: not ours to serve.
    expect((await rawGet("/api/models/served/versions/1/../../../../../etc/passwd")).status).toBe(418);
  });
});

describe("POST /api/models", () => {
  it("adds a valid dropped folder to the user models and answers with its version", async () => {
    const src = join(tmp, "src", "dropped");
    await tinyModelFolderWrite(src, { behaviour: { kind: "constant", prob: 0.6 } });
    const r = await post(await uploadBody(src, "dropped"));
    expect(r.status).toBe(201);
    expect(await r.json()).toEqual({ ok: true, id: "dropped", version: 1 });
    expect(await readFile(join(registry.userDir, "dropped", SINGLE_SHARD_FILE))).toEqual(await readFile(join(src, SINGLE_SHARD_FILE)));
    expect(registry.get("dropped")).toMatchObject({ source: "user", status: "ok", latest: 1 });

    // The same files again are the same version; new weights replace the folder as version 2.
    expect(await (await post(await uploadBody(src, "dropped"))).json()).toEqual({ ok: true, id: "dropped", version: 1 });
    await tinyModelFolderWrite(src, { behaviour: { kind: "constant", prob: 0.9 } });
    const body = await uploadBody(src, "whatever-the-folder-was-called");
    expect(await (await post(body)).json()).toEqual({ ok: true, id: "dropped", version: 2 });
    expect(await readFile(join(registry.userDir, "dropped", SINGLE_SHARD_FILE))).toEqual(await readFile(join(src, SINGLE_SHARD_FILE)));
    expect(await readdir(registry.uploadsDir)).toEqual([]);
  });

  it("refuses an invalid model with its errors and writes nothing", async () => {
    const src = join(tmp, "src", "broken");
    await tinyModelFolderWrite(src);
    await truncateWeights(src);
    const r = await post(await uploadBody(src, "broken"));
    expect(r.status).toBe(422);
    const body = (await r.json()) as { ok: boolean; error: string; errors: string[] };
    expect(body.ok).toBe(false);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toContain(SINGLE_SHARD_FILE);
    expect(body.error).toContain(body.errors[0]);
    expect(await readdir(registry.userDir)).toEqual([]);
    expect(registry.get("broken")).toBeUndefined();
  });

  it("refuses an id that a built-in model already has", async () => {
    await tinyModelFolderWrite(join(registry.builtinDir, "taken"));
    await registry.scan("taken");
    const src = join(tmp, "src", "taken");
    await tinyModelFolderWrite(src, { behaviour: { kind: "constant", prob: 0.6 } });
    const r = await post(await uploadBody(src, "taken"));
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toBe('id "taken" is already used by public/models/taken: change the id in manifest.json');
    expect(await readdir(registry.userDir)).toEqual([]);
  });

  it("answers malformed uploads with 400 and a reason", async () => {
    const cases: [BodyInit, RegExp][] = [
      ["not json", /not JSON/],
      [JSON.stringify({ files: [] }), /files/],
      [JSON.stringify({ files: [{ path: "../model.json", base64: "" }] }), /leaves the model folder/],
      [JSON.stringify({ files: [{ path: "model.json", base64: "%%%" }] }), /not base64/],
      [JSON.stringify({ files: [{ path: "a/model.json", base64: "" }, { path: "a//model.json", base64: "" }] }), /twice/],
    ];
    for (const [body, pattern] of cases) {
      const r = await fetch(`${base}/api/models`, { method: "POST", body });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: string }).error).toMatch(pattern);
    }
  });

  it("answers 413 to a body over the limit, with or without a content-length", async () => {
    const big = JSON.stringify({ files: [{ path: "model.json", base64: "A".repeat(UPLOAD_MAX_BYTES) }] });
    const declared = await fetch(`${base}/api/models`, { method: "POST", body: big });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toMatch(/over/);
    const streamed = await fetch(`${base}/api/models`, {
      method: "POST",
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await readdir(registry.userDir)).toEqual([]);
  });
});
