import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io } from "socket.io-client";
import type { PhoneLink } from "@/lib/client/phone-link";
import { startAppServer, type AppServer } from "@/lib/server/app-server";
import type { LinkSocket } from "@/lib/client/link-socket";
import type { RoomState, StreamBatch } from "@/lib/protocol/events";
import type { SampleTuple } from "@/lib/protocol/sample";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";

export interface TestServer {
  server: AppServer;
  url: string;
  close(): Promise<void>;
}

/** The real app server (hub, API, socket.io) on a random port, without Next's pages. */
export async function testServerStart(port = 0): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "wristlab-it-"));
  // A built-in models folder of its own: the repo's public/models is not the test's to watch or change.
  const modelsDir = join(dataDir, "builtin-models");
  const server = await startAppServer({ port, httpsPort: null, host: "127.0.0.1", dataDir, modelsDir, version: "test", hub: { stateIntervalMs: 200, log: () => {} } });
  return {
    server,
    url: server.httpUrl.replace("localhost", "127.0.0.1"),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function roomCreate(url: string): Promise<string> {
  const res = await fetch(`${url}/api/rooms`, { method: "POST" });
  return ((await res.json()) as { code: string }).code;
}

/**
 * One HTTP API call to a test server, for tests that look at refusals too: the status
 * and the body, parsed when the server says JSON, null for 204, else the text (a CSV).
 */
export async function apiCall<T>(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed: unknown = res.status === 204 ? null : res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  return { status: res.status, body: parsed as T };
}

/** The server's sentence in a refusal (`{ error }`). */
export const errorOf = (r: { body: unknown }) => (r.body as { error: string }).error;

/** An API call that must succeed: its JSON body; a refusal throws with the status and the server's sentence. */
export async function apiOk<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`${res.status} ${json.error}`);
  return json;
}

export async function roomsGet(url: string): Promise<RoomState[]> {
  const res = await fetch(`${url}/api/rooms`);
  return ((await res.json()) as { rooms: RoomState[] }).rooms;
}

export function rawSocket(url: string): LinkSocket {
  return io(url, { transports: ["websocket"], reconnection: false, forceNew: true });
}

export function connected(socket: LinkSocket): Promise<void> {
  return socket.connected ? Promise.resolve() : new Promise((resolve) => socket.once("connect", () => resolve()));
}

/** A viewer that records every relayed sample per device. */
export async function viewerStart(url: string, room: string) {
  const socket = rawSocket(url);
  const received = new Map<string, { seq: number; sample: SampleTuple }[]>();
  const batches: StreamBatch[] = [];
  socket.on("stream:batch", (b) => {
    batches.push(b);
    const list = received.get(b.deviceId) ?? [];
    b.samples.forEach((sample, i) => list.push({ seq: b.seq + i, sample }));
    received.set(b.deviceId, list);
  });
  await connected(socket);
  const res = await socket.emitWithAck("room:watch", { v: PROTOCOL_VERSION, room });
  if (!res.ok) throw new Error(res.error.message);
  return { socket, received, batches };
}

export async function until(cond: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A plausible sample at phone time t. */
export function sampleAt(tMs: number, i = 0): SampleTuple {
  return [tMs, 0.1 * Math.sin(i / 10), 0.2, 9.8, 0, 0, 0, 0.01, 0.02, 0.03, null, null, null];
}

/** Asserts-friendly view of what a viewer got: are the sequence numbers exactly 0..n-1? */
export function seqSummary(list: { seq: number }[] | undefined) {
  const seqs = (list ?? []).map((x) => x.seq);
  const unique = new Set(seqs).size;
  const inOrder = seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1);
  return { count: seqs.length, unique, inOrder, first: seqs[0], last: seqs[seqs.length - 1] };
}

/** The phone's clock as a page reads it: epoch ms with sub-ms resolution. */
export const phoneNowMs = () => performance.timeOrigin + performance.now();

/** Pushes plausible samples at 60 Hz of wall time for `ms`, keeping every one it pushed in `sent`. */
export async function samplesStream(link: PhoneLink, ms: number, sent: SampleTuple[]): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const s = sampleAt(phoneNowMs(), sent.length);
    sent.push(s);
    link.push(s);
    await new Promise((r) => setTimeout(r, 1000 / 60));
  }
}
