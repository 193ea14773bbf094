import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { F } from "@/lib/protocol/sample";
import { createSensorLoggerBridge, type SensorLoggerBridge, type SensorLoggerBridgeOptions } from "@/lib/server/sensor-logger-bridge";
import { createSensorLoggerRoutes, sensorLoggerPathMatch } from "@/lib/server/sensor-logger-routes";
import { roomCreate, roomsGet, seqSummary, testServerStart, until, viewerStart, type TestServer } from "./harness";

/**
 * The app server routes pushes too (recordings-native.test.ts); here the routes run on
 * small HTTP servers of their own, so each test picks the bridge's timings and limits.
 * The bridges' links connect to the real app server like phones.
 */

const G = 9.80665;
let t: TestServer;
let bridge: SensorLoggerBridge;
let pushBase: string;
const pushServers: { server: Server; bridge: SensorLoggerBridge }[] = [];

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

async function pushServerStart(opts: Partial<SensorLoggerBridgeOptions> = {}) {
  const b = createSensorLoggerBridge({ serverUrl: () => t.url, idleFlushMs: 100, idleCloseMs: 1500, log: () => {}, ...opts });
  const routes = createSensorLoggerRoutes({ bridge: b, rooms: (code) => t.server.hub.rooms.get(code) !== undefined, send });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://local").pathname.replace(/\/+$/, "");
    if (sensorLoggerPathMatch(path)) routes(req, res, path, req.method ?? "GET");
    else send(res, 404, { ok: false, error: `no API at ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  pushServers.push({ server, bridge: b });
  return { bridge: b, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  t = await testServerStart();
  ({ bridge, base: pushBase } = await pushServerStart());
});

afterAll(async () => {
  for (const p of pushServers) {
    await p.bridge.close();
    await new Promise((resolve) => p.server.close(resolve));
  }
  await t.close();
});

/**
 * What an iPhone with Standardise Units & Frames off pushes while lying screen up:
 * 100 Hz accelerometer (without gravity), gravity along −z, gyroscope 2 ms later,
 * orientation, and a battery reading Wristlab ignores, in shuffled order.
 */
function iphonePush(messageId: number, sessionId: string, fromMs: number, count: number, deviceId = "ad7e4997-ac64-4072-94f4-ebfbf84118ca", accelerometer = true) {
  const payload: object[] = [];
  const ns = (ms: number) => Math.round(ms * 1e6);
  for (let i = 0; i < count; i++) {
    const tMs = fromMs + i * 10 + ((i * 7) % 3) * 0.3;
    payload.push(
      { name: accelerometer ? "accelerometer" : "pressure", time: ns(tMs), values: { x: 0.2 * Math.sin(i / 5), y: 0, z: 0.1 } },
      { name: "gravity", time: ns(tMs), values: { x: 0, y: 0, z: -G } },
      { name: "gyroscope", time: ns(tMs + 2), values: { x: 0.1, y: 0, z: -0.2 } },
      { name: "orientation", time: ns(tMs), values: { qx: 0, qy: 0, qz: 0, qw: 1, roll: 0, pitch: 0, yaw: 0 } },
      { name: "battery", time: ns(tMs), values: { batteryLevel: 0.8, batteryState: "unplugged" } },
    );
  }
  // A fixed shuffle: the app promises no order within a push.
  for (let i = payload.length - 1, seed = messageId + 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [payload[i], payload[j]] = [payload[j]!, payload[i]!];
  }
  return { messageId, sessionId, deviceId, payload };
}

/** Polls the room until the device's `connected` is `want` (or 5 s pass); returns the last value seen. */
async function deviceConnectedEventually(room: string, deviceId: string, want: boolean): Promise<boolean | undefined> {
  let seen: boolean | undefined;
  for (const end = Date.now() + 5000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    seen = (await roomsGet(t.url)).find((r) => r.code === room)?.devices.find((d) => d.id === deviceId)?.connected;
    if (seen === want) break;
  }
  return seen;
}

async function post(room: string, body: unknown, query = "", base = pushBase) {
  const res = await fetch(`${base}/api/rooms/${room}/sensor-logger${query}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as Record<string, unknown> };
}

describe("Sensor Logger HTTP push", () => {
  it("streams a native phone as a device: in order at 100 Hz, W3C signs, a retried push not repeated", async () => {
    const room = await roomCreate(t.url);
    const viewer = await viewerStart(t.url, room);
    const startMs = Date.now() - 3000;
    const pushes = Array.from({ length: 10 }, (_, k) => iphonePush(k, "rec-1", startMs + k * 300, 30));
    for (const body of pushes) {
      const res = await post(room, body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, accepted: 120, ignored: 30, duplicates: 0, late: 0, unpaired: 0, stale: false });
    }
    const deviceId = "sl-ad7e4997-ac64-4072-94f4-ebfbf84118ca";
    // The last 50 ms wait for partners, then go out when the pushes stop.
    await until(() => viewer.received.get(deviceId)?.length === 300, 5000, "300 relayed samples");

    const got = viewer.received.get(deviceId)!;
    expect(seqSummary(got)).toMatchObject({ count: 300, unique: 300, inOrder: true, first: 0, last: 299 });
    const tMs = got.map((x) => x.sample[0]);
    expect(tMs.every((v, i) => i === 0 || v > tMs[i - 1]!)).toBe(true);
    expect(tMs[0]).toBeCloseTo(startMs, 3);
    const gaps = tMs.slice(1).map((v, i) => v - tMs[i]!).sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeCloseTo(10, 0);
    // Lying screen up reads +g on the wire although the iPhone sent gravity as −g.
    const s = got[0]!.sample;
    expect(s[F.accelGZ]).toBeCloseTo(G - 0.1, 9);
    expect(s[F.accelZ]).toBeCloseTo(-0.1, 9);
    expect([s[F.gyroX], s[F.gyroY], s[F.gyroZ]]).toEqual([0.1, 0, -0.2]);
    expect(s[F.orientAlpha]).toBeNull();

    const device = (await roomsGet(t.url)).find((r) => r.code === room)?.devices.find((d) => d.id === deviceId);
    expect(device).toMatchObject({ source: "native", platform: "ios", connected: true, samples: 300 });
    expect(device?.name).toMatch(/^Sensor Logger ad7e49/);

    const retry = await post(room, pushes[3]);
    expect(retry.body).toMatchObject({ ok: true, accepted: 0, samples: 0 });
    expect((retry.body.duplicates as number) + (retry.body.late as number)).toBe(120);
    await new Promise((r) => setTimeout(r, 300));
    expect(viewer.received.get(deviceId)).toHaveLength(300);

    // Sensor Logger's "Tap to Test Pushing" needs a 200; it opens nothing.
    expect(await post(room, { messageId: 0, sessionId: "x", deviceId: "another-phone", payload: [{ name: "test" }] })).toMatchObject({ status: 200, body: { ok: true, deviceId: null } });

    // Pushes stopped: the link closes and the room shows the device gone.
    await until(() => bridge.size === 0, 5000, "the idle link closed");
    expect(await deviceConnectedEventually(room, deviceId, false)).toBe(false);
    viewer.socket.close();
  });

  it("keeps the phone the same device across the app's recordings, losing no sample at the switch", async () => {
    const room = await roomCreate(t.url);
    const viewer = await viewerStart(t.url, room);
    const startMs = Date.now() - 3000;
    const first = Array.from({ length: 5 }, (_, k) => iphonePush(k, "rec-a", startMs + k * 200, 20, "phone-two"));
    // The next recording starts 100 ms after the last one ended; its pushes follow at once.
    const second = Array.from({ length: 5 }, (_, k) => iphonePush(k, "rec-b", startMs + 1100 + k * 200, 20, "phone-two"));
    for (const body of first) expect((await post(room, body, "?frames=ios")).body).toMatchObject({ ok: true, accepted: 80 });
    for (const body of second) expect((await post(room, body, "?frames=ios")).body).toMatchObject({ ok: true, accepted: 80, stale: false });
    const deviceId = "sl-phone-two";
    await until(() => viewer.received.get(deviceId)?.length === 200, 5000, "both recordings' 200 samples");
    // One link carried both: one unbroken sequence, so the hub never saw the device rejoin.
    const got = viewer.received.get(deviceId)!;
    expect(seqSummary(got)).toMatchObject({ count: 200, unique: 200, inOrder: true, first: 0, last: 199 });
    const tMs = got.map((x) => x.sample[0]);
    expect(tMs.every((v, i) => i === 0 || v > tMs[i - 1]!)).toBe(true);
    expect(tMs[99]).toBeCloseTo(startMs + 990, 0);
    expect(tMs[100]).toBeCloseTo(startMs + 1100, 0);
    // A late retry of the old recording changes nothing.
    expect((await post(room, first[4])).body).toMatchObject({ ok: true, accepted: 0, stale: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(viewer.received.get(deviceId)).toHaveLength(200);
    const devices = (await roomsGet(t.url)).find((r) => r.code === room)?.devices ?? [];
    expect(devices.map((d) => [d.id, d.connected, d.samples])).toEqual([[deviceId, true, 200]]);
    viewer.socket.close();
  });

  it("tells a phone without Accelerometer what to turn on, and opens no device for it", async () => {
    const room = await roomCreate(t.url);
    const startMs = Date.now() - 2000;
    for (let k = 0; k < 5; k++) {
      const res = await post(room, iphonePush(k, "rec", startMs + k * 200, 20, "phone-gyro-only", false));
      expect(res).toMatchObject({ status: 200, body: { ok: true, accepted: 60, samples: 0, noAcceleration: true } });
      expect(res.body.warning).toBe("No Accelerometer or Total Acceleration readings arrived, so the phone makes no samples: turn on Accelerometer in Sensor Logger.");
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await roomsGet(t.url)).find((r) => r.code === room)?.devices).toEqual([]);
  });

  it("refuses a phone beyond the server's stream limit with 429 until one stops", async () => {
    const limited = await pushServerStart({ maxStreams: 2, idleCloseMs: 400 });
    const room = await roomCreate(t.url);
    const at = (phone: string, k: number) => post(room, iphonePush(k, "rec", Date.now() - 1000 + k * 200, 20, phone), "?frames=ios", limited.base);
    expect((await at("limit-a", 0)).status).toBe(200);
    expect((await at("limit-b", 0)).status).toBe(200);
    expect(await at("limit-c", 0)).toEqual({
      status: 429,
      retryAfter: "1",
      body: { ok: false, error: "Too many Sensor Logger streams (2): stop one, or wait 1 s after one stopped." },
    });
    // Phones already streaming go on.
    expect((await at("limit-a", 1)).status).toBe(200);
    // Once the others stop (no push for idleCloseMs), the third phone gets its place.
    await until(() => limited.bridge.size === 0, 5000, "the idle links closed");
    expect(await at("limit-c", 1)).toMatchObject({ status: 200, body: { deviceId: "sl-limit-c", accepted: 80 } });
    await limited.bridge.close();
    expect(await at("limit-a", 2)).toMatchObject({ status: 503, retryAfter: "10", body: { error: expect.stringMatching(/^The server is stopping/) as string } });
  });

  it("answers mistakes with a status and a sentence", async () => {
    const room = await roomCreate(t.url);
    const good = iphonePush(0, "s", Date.now(), 2);

    const get = await fetch(`${pushBase}/api/rooms/${room}/sensor-logger`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(await post("ZZZ-ZZZ", good)).toEqual({ status: 404, retryAfter: null, body: { ok: false, error: "No room ZZZ-ZZZ: open the desktop page first." } });
    expect((await post("nope", good)).body.error).toMatch(/"nope" is not a room code/);
    expect(await post(room, "{not json")).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^The body is not JSON/) as string } });
    const badValue = { ...good, payload: [{ name: "gravity", time: 1.7e18, values: { x: "up", y: 0, z: 9.8 } }] };
    expect(await post(room, badValue)).toEqual({ status: 400, retryAfter: null, body: { ok: false, error: "Not a Sensor Logger push: payload.0.values.x: must be a number" } });
    expect((await post(room, { payload: [] })).body.error).toMatch(/deviceId/);
    expect(await post(room, good, "?frames=sideways")).toMatchObject({ status: 400, body: { error: expect.stringMatching(/frames=sideways is unknown/) as string } });
    const huge = await post(room, `{"deviceId":"d","payload":[],"pad":"${"x".repeat(4 * 1024 * 1024)}"}`);
    expect(huge).toMatchObject({ status: 413, body: { error: expect.stringMatching(/limited to 4 MB/) as string } });
  });
});
