import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PhoneLink } from "@/lib/client/phone-link";
import { ViewerLink } from "@/lib/client/viewer-link";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import { StreamStore } from "@/lib/stream/stream-store";
import { connected, rawSocket, roomCreate, roomsGet, sampleAt, seqSummary, testServerStart, until, viewerStart, type TestServer } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

const nowMs = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pushes samples at 60 Hz of wall time for `ms`. */
async function stream(link: PhoneLink, ms: number, counter: { n: number }) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    link.push(sampleAt(nowMs(), counter.n++));
    await sleep(1000 / 60);
  }
}

describe("reconnect", () => {
  it("loses and duplicates nothing when a phone drops off for 20 s mid-stream", async () => {
    const room = await roomCreate(t.url);
    const viewer = await viewerStart(t.url, room);
    const link = new PhoneLink({ url: t.url, room, deviceId: "phone-outage", name: "outage", source: "phone", platform: "android", nowMs });
    await until(() => link.status === "streaming", 5000, "phone to join");
    const counter = { n: 0 };

    await stream(link, 2000, counter);
    // The network goes away abruptly, batches in flight and their acks with it.
    link.socket.io.reconnection(false);
    link.flush();
    link.socket.io.engine.close();
    await until(() => link.status === "offline", 5000, "phone to notice");
    const atDrop = counter.n;
    await stream(link, 20_000, counter);
    expect(counter.n - atDrop).toBeGreaterThan(1000);
    expect(link.stats().pending).toBeGreaterThanOrEqual(counter.n - atDrop);

    link.socket.io.reconnection(true);
    link.socket.connect();
    await stream(link, 1000, counter);
    expect(await link.drain(10_000)).toBe(true);
    await until(() => (viewer.received.get("phone-outage")?.length ?? 0) >= counter.n, 10_000, "viewer to catch up");

    expect(seqSummary(viewer.received.get("phone-outage"))).toEqual({ count: counter.n, unique: counter.n, inOrder: true, first: 0, last: counter.n - 1 });
    // Samples arrive in phone-time order too: the backlog is not interleaved with live data.
    const times = viewer.received.get("phone-outage")!.map((x) => x.sample[0]);
    expect(times.every((tm, i) => i === 0 || tm > times[i - 1]!)).toBe(true);
    const device = (await roomsGet(t.url)).find((r) => r.code === room)!.devices[0]!;
    expect(device).toMatchObject({ samples: counter.n, dropped: 0, connected: true });
    link.close();
    viewer.socket.close();
  }, 60_000);

  it("drops resent samples it already has and counts holes", async () => {
    const room = await roomCreate(t.url);
    const viewer = await viewerStart(t.url, room);
    const s = rawSocket(t.url);
    await connected(s);
    await s.emitWithAck("device:hello", { v: PROTOCOL_VERSION, room, deviceId: "raw-dedup", session: "session-1", name: "raw", source: "sim", platform: "node" });
    const batch = (seq: number, n: number) => ({ v: PROTOCOL_VERSION, seq, samples: Array.from({ length: n }, (_, i) => sampleAt(1000 + (seq + i) * 16.7)) });

    expect(await s.emitWithAck("sensor:batch", batch(0, 10))).toEqual({ ok: true, nextSeq: 10 });
    expect(await s.emitWithAck("sensor:batch", batch(5, 10))).toEqual({ ok: true, nextSeq: 15 });
    expect(await s.emitWithAck("sensor:batch", batch(0, 15))).toEqual({ ok: true, nextSeq: 15 });
    expect(await s.emitWithAck("sensor:batch", batch(20, 5))).toEqual({ ok: true, nextSeq: 25 });
    await until(() => (viewer.received.get("raw-dedup")?.length ?? 0) >= 20, 5000, "relay");
    await sleep(50);
    expect(viewer.received.get("raw-dedup")!.map((x) => x.seq)).toEqual([...Array.from({ length: 15 }, (_, i) => i), 20, 21, 22, 23, 24]);
    const device = (await roomsGet(t.url)).find((r) => r.code === room)!.devices[0]!;
    expect(device).toMatchObject({ samples: 20, duplicates: 20, dropped: 5 });

    // A reloaded page is a new session: its sequence starts again and is not mistaken for resends.
    await s.emitWithAck("device:hello", { v: PROTOCOL_VERSION, room, deviceId: "raw-dedup", session: "session-2", name: "raw", source: "sim", platform: "node" });
    expect(await s.emitWithAck("sensor:batch", batch(0, 3))).toEqual({ ok: true, nextSeq: 3 });
    s.close();
    viewer.socket.close();
  });

  it("delivers every sample exactly once across a killed and restarted server", async () => {
    const first = await testServerStart();
    const port = Number(new URL(first.url).port);
    const room = await roomCreate(first.url);
    const store = new StreamStore();
    const viewer = new ViewerLink({ url: first.url, room, store, nowMs });
    const link = new PhoneLink({ url: first.url, room, deviceId: "phone-restart", name: "restart", source: "phone", platform: "ios", nowMs });
    await until(() => link.status === "streaming", 5000, "phone to join");
    const counter = { n: 0 };
    await stream(link, 1000, counter);

    await first.close();
    await stream(link, 3000, counter);
    const second = await testServerStart(port);
    try {
      await until(() => link.status === "streaming", 15_000, "phone to rejoin the new server");
      await stream(link, 500, counter);
      expect(await link.drain(10_000)).toBe(true);
      await until(() => (store.devices.get("phone-restart")?.ring.total ?? 0) >= counter.n, 10_000, "desktop to catch up");
      const d = store.devices.get("phone-restart")!;
      expect(d.ring.total).toBe(counter.n);
      expect(d.sequence.nextSeq).toBe(counter.n);
      expect(d.sequence.dropped).toBe(0);
    } finally {
      link.close();
      viewer.close();
      await second.close();
    }
  }, 60_000);
});
