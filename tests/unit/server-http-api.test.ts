import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RoomState } from "@/lib/protocol/events";
import { roomCodeParse, type RoomCode } from "@/lib/protocol/room-code";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import { DeviceRecord } from "@/lib/server/device-record";
import { createApiHandler } from "@/lib/server/http-api";
import { createHub, type Hub } from "@/lib/server/hub";
import type { HubServer } from "@/lib/server/socket-types";

/**
 * The handler behind a real HTTP server on a free port, with a real hub. Requests it
 * declines (returns false) get a 418 here, so the test can see which ones it owned.
 */
interface Fixture {
  hub: Hub;
  http: HttpServer;
  base: string;
  clock: { nowMs: number };
}

let fx: Fixture;

beforeEach(async () => {
  // Never attached: the API needs the hub's rooms, not a transport, so there is nothing to close.
  const io: HubServer = new Server();
  const clock = { nowMs: 61_400 };
  const hub = createHub(io, { nowMs: () => clock.nowMs, log: () => {} });
  const api = createApiHandler({
    hub,
    version: "1.2.3-test",
    startedAtMs: 1000,
    nowMs: () => clock.nowMs,
    network: () => ({ phoneBaseUrls: ["https://192.168.1.20:3443"], httpsPort: 3443 }),
  });
  const http = createServer((req, res) => {
    if (api(req, res)) return;
    res.writeHead(418, { "content-type": "text/plain" });
    res.end("not mine");
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  fx = { hub, http, base: `http://127.0.0.1:${port}`, clock };
});

afterEach(async () => {
  fx.hub.close();
  await new Promise<void>((resolve) => {
    fx.http.close(() => resolve());
    fx.http.closeAllConnections();
  });
});

async function call(path: string, method = "GET") {
  const res = await fetch(`${fx.base}${path}`, { method });
  const text = await res.text();
  const isJson = res.headers.get("content-type")?.startsWith("application/json") ?? false;
  return { status: res.status, headers: res.headers, body: isJson ? (JSON.parse(text) as unknown) : text };
}

describe("GET /api/health", () => {
  it("reports version, protocol and uptime, uncached", async () => {
    const r = await call("/api/health");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.body).toEqual({ ok: true, version: "1.2.3-test", protocol: PROTOCOL_VERSION, uptimeS: 60 });
  });

  it("ignores a trailing slash and a query string", async () => {
    expect((await call("/api/health/")).status).toBe(200);
    expect((await call("/api/health?x=1")).status).toBe(200);
  });
});

describe("/api/rooms", () => {
  it("POST creates a room in the hub and returns its code", async () => {
    const r = await call("/api/rooms", "POST");
    expect(r.status).toBe(201);
    const { code } = r.body as { code: string };
    expect(roomCodeParse(code)).toBe(code);
    expect(fx.hub.rooms.get(code)?.createdAtMs).toBe(61_400);
    expect(fx.hub.rooms.all()).toHaveLength(1);
  });

  it("GET lists every room's state", async () => {
    expect((await call("/api/rooms")).body).toEqual({ rooms: [] });
    const a = (await call("/api/rooms", "POST")).body as { code: string };
    fx.clock.nowMs = 70_000;
    const b = (await call("/api/rooms", "POST")).body as { code: string };
    const r = await call("/api/rooms");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      rooms: [
        { code: a.code, createdAtMs: 61_400, viewers: [], devices: [], recording: null, study: null },
        { code: b.code, createdAtMs: 70_000, viewers: [], devices: [], recording: null, study: null },
      ],
    });
  });

  it("GET /api/rooms/:code returns one room, in any case", async () => {
    const room = fx.hub.rooms.ensure("K7QM4X" as RoomCode, 5000);
    room.viewers.set("s1", { id: "s1", name: "desk" });
    const d = new DeviceRecord("dev-001", "Pixel", "phone", "android", 5000);
    d.socketId = "s2";
    room.devices.set(d.id, d);

    const r = await call("/api/rooms/K7QM4X");
    expect(r.status).toBe(200);
    const state = r.body as RoomState;
    expect(state.code).toBe("K7QM4X");
    expect(state.createdAtMs).toBe(5000);
    expect(state.viewers).toEqual([{ id: "s1", name: "desk" }]);
    expect(state.devices.map((x) => [x.id, x.name, x.source, x.platform, x.connected])).toEqual([["dev-001", "Pixel", "phone", "android", true]]);
    expect((await call("/api/rooms/k7qm4x")).body).toEqual(state);
    // As the desktop shows it, read aloud and typed back.
    expect((await call("/api/rooms/K7Q-M4X")).body).toEqual(state);
  });

  it("answers a malformed escape in the URL with a 404, not a crash", async () => {
    const r = await call("/api/rooms/%E0%A4%A");
    expect(r.status).toBe(404);
    expect((await call("/api/health")).status).toBe(200);
  });

  it("GET /api/rooms/:code is a JSON 404 for an unknown room", async () => {
    const r = await call("/api/rooms/ABCDEF");
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ ok: false, error: "no such room" });
    expect(fx.hub.rooms.all()).toEqual([]);
  });
});

describe("GET /api/network", () => {
  it("returns what the network callback says", async () => {
    const r = await call("/api/network");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ phoneBaseUrls: ["https://192.168.1.20:3443"], httpsPort: 3443 });
  });
});

describe("errors", () => {
  it("answers 405 with an allow header for a known path and the wrong method", async () => {
    const rooms = await call("/api/rooms", "DELETE");
    expect(rooms.status).toBe(405);
    expect(rooms.headers.get("allow")).toBe("GET, POST");
    expect(rooms.body).toEqual({ ok: false, error: "DELETE not allowed on /api/rooms" });

    const health = await call("/api/health", "POST");
    expect(health.status).toBe(405);
    expect(health.headers.get("allow")).toBe("GET");

    const network = await call("/api/network", "PUT");
    expect(network.status).toBe(405);
    expect(network.headers.get("allow")).toBe("GET");
    expect(fx.hub.rooms.all()).toEqual([]);
  });

  it("answers a JSON 404 for an unknown API path", async () => {
    const r = await call("/api/nope");
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(r.body).toEqual({ ok: false, error: "no API at /api/nope" });
    expect((await call("/api/health/extra")).status).toBe(404);
  });

  it("leaves paths outside /api/ to the caller", async () => {
    for (const path of ["/", "/phone", "/apiary", "/static/api/health"]) {
      const r = await call(path);
      expect([path, r.status, r.body]).toEqual([path, 418, "not mine"]);
    }
  });
});
