import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import { SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { roomCreate, testServerStart, until, type TestServer } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

/** An Android phone lying screen up, as Sensor Logger pushes it: 100 Hz, one push per 200 ms. */
function androidPush(messageId: number, fromMs: number, count: number) {
  const ns = (ms: number) => Math.round(ms * 1e6);
  const payload = [];
  for (let i = 0; i < count; i++) {
    const tMs = fromMs + i * 10;
    payload.push(
      { name: "accelerometer", time: ns(tMs), accuracy: 3, values: { x: 0.05, y: -0.02, z: 0.01 } },
      { name: "gravity", time: ns(tMs), accuracy: 3, values: { x: 0, y: 0, z: 9.80665 } },
      { name: "gyroscope", time: ns(tMs + 1), accuracy: 3, values: { x: 0.01, y: 0.02, z: -0.03 } },
    );
  }
  return { messageId, sessionId: "7c0e1f2a-session", deviceId: "a1b2c3d4-pixel", payload };
}

describe("Sensor Logger on the real server", () => {
  it("records a native stream pushed to /api/rooms/CODE/sensor-logger like any phone", async () => {
    const room = await roomCreate(t.url);
    const push = (body: object) => fetch(`${t.url}/api/rooms/${room}/sensor-logger`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const t0 = Date.now();
    // The first push makes the device appear; the recording follows the whole room.
    expect((await push(androidPush(0, t0, 20))).status).toBe(200);
    const rec = (await (await fetch(`${t.url}/api/recordings`, { method: "POST", body: JSON.stringify({ room }) })).json()) as RecordingSummary;
    for (let m = 1; m <= 10; m++) expect((await push(androidPush(m, t0 + 200 * m, 20))).status).toBe(200);
    // A retried push (the app resends on timeouts) adds nothing.
    expect((await push(androidPush(5, t0 + 1000, 20))).status).toBe(200);
    const device = () => t.server.hub.rooms.get(room)!.devices.values().next().value;
    await until(() => (device()?.health.counters().samples ?? 0) >= 200, 5000, "samples to reach the hub");
    await new Promise((r) => setTimeout(r, 400));
    const stopped = (await (await fetch(`${t.url}/api/recordings/${rec.id}/stop`, { method: "POST" })).json()) as RecordingSummary;
    expect(stopped.devices).toHaveLength(1);
    const d = stopped.devices[0]!;
    expect(d).toMatchObject({ source: "native", platform: "android" });
    // Everything after the recording began, less what the merger still held back for late partners.
    expect(d.samples).toBeGreaterThanOrEqual(190);
    const rows = new Float64Array(await (await fetch(`${t.url}/api/recordings/${rec.id}/devices/${encodeURIComponent(d.id)}/samples`)).arrayBuffer());
    const n = rows.length / SAMPLE_WIDTH;
    for (let i = 1; i < n; i++) expect(rows[i * SAMPLE_WIDTH]! - rows[(i - 1) * SAMPLE_WIDTH]!).toBeCloseTo(10, 3);
    // accelG = user acceleration + gravity (m/s²), gyro in rad/s, orientation absent.
    expect(Array.from(rows.subarray(0, SAMPLE_WIDTH)).slice(1)).toEqual([0.05, -0.02, 9.80665 + 0.01, 0.05, -0.02, 0.01, 0.01, 0.02, -0.03, NaN, NaN, NaN]);
  }, 20_000);
});
