import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { modelUpload, type DroppedFile } from "@/lib/client/model-upload";

/**
 * A stand-in for the server's upload route on a real socket: it records each
 * request and answers with whatever the test set, so the client is exercised
 * through the real global fetch.
 */
interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let answer: { status: number; body: string } = { status: 500, body: "" };

async function handler(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  received.push({ method: req.method ?? "", url: req.url ?? "", contentType: req.headers["content-type"], body: Buffer.concat(chunks).toString("utf8") });
  res.writeHead(answer.status, { "content-type": "application/json" });
  res.end(answer.body);
}

beforeAll(async () => {
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
});

const reply = (status: number, body: unknown) => {
  answer = { status, body: typeof body === "string" ? body : JSON.stringify(body) };
};

const text = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

/** Every byte value, then a long pseudo-random run: more than one 32 KiB chunk of the encoder. */
function binary(length: number): ArrayBuffer {
  const u8 = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    u8[i] = i < 256 ? i : x >>> 24;
  }
  return u8.buffer;
}

const uploaded = (r: Received) => JSON.parse(r.body) as { files: Array<{ path: string; base64: string }> };

describe("modelUpload", () => {
  it("posts every file's bytes as base64 JSON to /api/models and returns the new version", async () => {
    reply(201, { ok: true, id: "wave", version: 3 });
    const files: DroppedFile[] = [
      { path: "wave/manifest.json", bytes: text('{"id":"wave"}') },
      { path: "wave/model.json", bytes: text("{}") },
      { path: "wave/group1-shard1of1.bin", bytes: binary(100_000) },
      { path: "wave/empty.bin", bytes: new ArrayBuffer(0) },
    ];
    await expect(modelUpload(`${baseUrl}/desktop?room=K7QM4X`, files)).resolves.toEqual({ ok: true, id: "wave", version: 3 });
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect([r.method, r.url, r.contentType]).toEqual(["POST", "/api/models", "application/json"]);
    const sent = uploaded(r).files;
    expect(sent.map((f) => f.path)).toEqual(files.map((f) => f.path));
    sent.forEach((f, i) => expect(Buffer.from(f.base64, "base64").equals(Buffer.from(files[i]!.bytes))).toBe(true));
  });

  it("returns the server's list of problems for a refused model", async () => {
    const errors = ["model.json: weightsManifest lists group1-shard1of1.bin, which is missing", "manifest.json: input.rateHz must be positive"];
    reply(422, { ok: false, error: `the model is not valid: ${errors[0]}`, errors });
    await expect(modelUpload(baseUrl, [{ path: "model.json", bytes: text("{}") }])).resolves.toEqual({ ok: false, errors });
  });

  it("falls back to the single error, then to the HTTP status", async () => {
    reply(400, { ok: false, error: 'file "a.bin" is in the upload twice' });
    await expect(modelUpload(baseUrl, [{ path: "a.bin", bytes: binary(4) }])).resolves.toEqual({ ok: false, errors: ['file "a.bin" is in the upload twice'] });
    reply(502, "<html>Bad gateway</html>");
    await expect(modelUpload(baseUrl, [{ path: "a.bin", bytes: binary(4) }])).resolves.toEqual({ ok: false, errors: ["Upload failed: HTTP 502"] });
  });

  it("does not report success on a 2xx answer without an id and version", async () => {
    reply(200, { ok: true });
    await expect(modelUpload(baseUrl, [{ path: "a.bin", bytes: binary(4) }])).resolves.toEqual({ ok: false, errors: ["Upload failed: HTTP 200"] });
  });

  it("asks for files without calling the server when nothing was dropped", async () => {
    const r = await modelUpload(baseUrl, []);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([expect.stringMatching(/^Nothing was dropped/)]);
    expect(received).toHaveLength(0);
  });

  it("says the server could not be reached when the connection fails", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await modelUpload(`http://127.0.0.1:${port}`, [{ path: "a.bin", bytes: binary(4) }]);
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/^The server could not be reached: \S/)] });
  });
});
