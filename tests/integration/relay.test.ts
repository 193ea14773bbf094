import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simPhoneRun } from "@/lib/client/sim-phone";
import { roomCreate, roomsGet, seqSummary, testServerStart, until, viewerStart, type TestServer } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

describe("relay", () => {
  it("relays a sim phone's stream to every viewer, each sample once and in order, with health", async () => {
    const room = await roomCreate(t.url);
    const v1 = await viewerStart(t.url, room);
    const v2 = await viewerStart(t.url, room);
    const summary = await simPhoneRun({ url: t.url, room, seconds: 3, motion: "walk", rateHz: 60, seed: 7, deviceId: "sim-relay-1" });

    expect(summary.pending).toBe(0);
    expect(summary.sent).toBeGreaterThanOrEqual(170);
    expect(summary.sent).toBeLessThanOrEqual(190);
    await until(() => (v2.received.get("sim-relay-1")?.length ?? 0) >= summary.sent, 5000, "viewer 2 to get everything");

    for (const v of [v1, v2]) {
      const s = seqSummary(v.received.get("sim-relay-1"));
      expect(s).toEqual({ count: summary.sent, unique: summary.sent, inOrder: true, first: 0, last: summary.sent - 1 });
      // Live batches hold at most 50 ms of samples; a stalled event loop may send a
      // short backlog at once, so this holds for nearly all, not every one.
      const spans = v.batches.map((b) => b.samples[b.samples.length - 1]![0] - b.samples[0]![0]);
      expect(spans.filter((ms) => ms <= 50).length / spans.length).toBeGreaterThan(0.95);
      expect(spans.length).toBeGreaterThan(summary.sent / 4);
    }

    const device = (await roomsGet(t.url)).find((r) => r.code === room)!.devices.find((d) => d.id === "sim-relay-1")!;
    expect(device.samples).toBe(summary.sent);
    expect(device.dropped).toBe(0);
    expect(device.duplicates).toBe(0);
    expect(device.gaps).toBe(0);
    expect(device.clockOffsetMs).not.toBeNull();
    expect(device.latencyMsP50).not.toBeNull();
    expect(device.latencyMsP95!).toBeLessThan(200);
    v1.socket.close();
    v2.socket.close();
  });

  it("keeps rooms apart", async () => {
    const roomA = await roomCreate(t.url);
    const roomB = await roomCreate(t.url);
    const vb = await viewerStart(t.url, roomB);
    await simPhoneRun({ url: t.url, room: roomA, seconds: 0.5, motion: "idle", deviceId: "sim-room-a" });
    await new Promise((r) => setTimeout(r, 100));
    expect(vb.batches).toHaveLength(0);
    vb.socket.close();
  });

  it("fails a sim clearly when its room does not exist", async () => {
    await expect(simPhoneRun({ url: t.url, room: "ZZZZZZ", seconds: 1 })).rejects.toThrow(/No room ZZZ-ZZZ/);
  });
});
