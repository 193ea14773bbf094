import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simPhoneRun } from "@/lib/client/sim-phone";
import type { ProtocolError } from "@/lib/protocol/errors";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import type { LinkSocket } from "@/lib/client/link-socket";
import { connected, rawSocket, roomCreate, roomsGet, sampleAt, seqSummary, testServerStart, until, viewerStart, type TestServer } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

type Loose = { emit(event: string, ...args: unknown[]): void; emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
const loose = (s: LinkSocket) => s as unknown as Loose;

async function joinedDevice(room: string, deviceId: string) {
  const s = rawSocket(t.url);
  const errors: ProtocolError[] = [];
  s.on("protocol:error", (e) => errors.push(e));
  await connected(s);
  const res = await s.emitWithAck("device:hello", { v: PROTOCOL_VERSION, room, deviceId, session: `${deviceId}-s`, name: deviceId, source: "sim", platform: "node" });
  expect(res.ok).toBe(true);
  return { s, errors };
}

const healthy = async () => ((await (await fetch(`${t.url}/api/health`)).json()) as { ok: boolean }).ok;

describe("garbage at the edge", () => {
  it("answers each kind of malformed message with a clear error and keeps the socket", async () => {
    const room = await roomCreate(t.url);
    const { s, errors } = await joinedDevice(room, "garbage-1");
    const cases: [unknown, RegExp][] = [
      [{ v: PROTOCOL_VERSION, seq: "zero", samples: [] }, /seq/],
      [{ v: PROTOCOL_VERSION, seq: 0, samples: [[1, "x", 0, 0, 0, 0, 0, 0, 0, 0, null, null, null]] }, /samples/],
      // NaN and Infinity become null in JSON: a null acceleration is not a sample.
      [{ v: PROTOCOL_VERSION, seq: 0, samples: [[1, NaN, Infinity, 0, 0, 0, 0, 0, 0, 0, null, null, null]] }, /samples/],
      [{ v: PROTOCOL_VERSION, seq: 0, samples: [[1, 2, 3]] }, /samples/],
      [{ v: PROTOCOL_VERSION, seq: 0, samples: [[1, 1e9, 0, 9.8, 0, 0, 0, 0, 0, 0, null, null, null]] }, /samples/],
      [{ v: PROTOCOL_VERSION, seq: -1, samples: [sampleAt(1)] }, /seq/],
      ["just a string", /payload|expected object/i],
      [null, /payload|expected object/i],
    ];
    for (const [payload, pattern] of cases) {
      const res = (await loose(s).emitWithAck("sensor:batch", payload)) as { ok: boolean; error: ProtocolError };
      expect(res.ok).toBe(false);
      expect(res.error.code).toBe("malformed");
      expect(res.error.message).toMatch(pattern);
    }
    const wrongVersion = (await loose(s).emitWithAck("sensor:batch", { v: 99, seq: 0, samples: [sampleAt(1)] })) as { error: ProtocolError };
    expect(wrongVersion.error.code).toBe("wrong-version");
    expect(wrongVersion.error.message).toMatch(/reload/);

    loose(s).emit("totally:unknown", { hello: 1 });
    await until(() => errors.some((e) => e.code === "unknown-event"), 2000, "unknown-event error");
    expect(errors.find((e) => e.code === "unknown-event")!.message).toContain("totally:unknown");

    // Still connected and still able to stream.
    expect(s.connected).toBe(true);
    expect(await s.emitWithAck("sensor:batch", { v: PROTOCOL_VERSION, seq: 0, samples: [sampleAt(1000)] })).toEqual({ ok: true, nextSeq: 1 });
    s.close();
  });

  it("refuses a batch before device:hello", async () => {
    const s = rawSocket(t.url);
    await connected(s);
    const res = await s.emitWithAck("sensor:batch", { v: PROTOCOL_VERSION, seq: 0, samples: [sampleAt(1)] });
    expect(res).toMatchObject({ ok: false, error: { code: "not-joined" } });
    s.close();
  });

  it("drops a 10 MB payload with a too-large error, not a crash", async () => {
    const room = await roomCreate(t.url);
    const { s, errors } = await joinedDevice(room, "garbage-big");
    const huge = { v: PROTOCOL_VERSION, seq: 0, samples: [sampleAt(1)], padding: "x".repeat(10 * 1024 * 1024) };
    loose(s).emit("sensor:batch", huge);
    await until(() => errors.some((e) => e.code === "too-large"), 10_000, "too-large error");
    expect(errors.find((e) => e.code === "too-large")!.message).toMatch(/over the \d+-byte limit/);
    expect(await healthy()).toBe(true);
    expect(s.connected).toBe(true);
    s.close();
  });

  it("survives a 10k messages/s flood, rate-limits it, and leaves another room's stream whole", async () => {
    const quietRoom = await roomCreate(t.url);
    const floodRoom = await roomCreate(t.url);
    const viewer = await viewerStart(t.url, quietRoom);
    const bystander = simPhoneRun({ url: t.url, room: quietRoom, seconds: 2, motion: "walk", deviceId: "bystander-1" });
    const { s, errors } = await joinedDevice(floodRoom, "flooder-1");

    const start = Date.now();
    let sent = 0;
    while (Date.now() - start < 1000) {
      for (let i = 0; i < 100; i++, sent++) loose(s).emit("sensor:batch", { v: PROTOCOL_VERSION, seq: sent, samples: [sampleAt(1000 + sent, sent)] });
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(sent).toBeGreaterThan(5000);
    await until(() => errors.some((e) => e.code === "rate-limited"), 5000, "rate-limited error");
    const rl = errors.filter((e) => e.code === "rate-limited");
    // Throttled: one error per second or so, each counting what it dropped.
    expect(rl.length).toBeLessThanOrEqual(5);
    expect(rl[0]!.dropped).toBeGreaterThan(0);

    const summary = await bystander;
    expect(summary.pending).toBe(0);
    await until(() => (viewer.received.get("bystander-1")?.length ?? 0) >= summary.sent, 5000, "bystander relay");
    expect(seqSummary(viewer.received.get("bystander-1"))).toMatchObject({ count: summary.sent, unique: summary.sent, inOrder: true });
    const flooder = (await roomsGet(t.url)).find((r) => r.code === floodRoom)!.devices[0]!;
    expect(flooder.samples).toBeLessThan(sent);
    expect(await healthy()).toBe(true);
    s.close();
    viewer.socket.close();
  });

  it("ignores binary and deeply nested junk without crashing", async () => {
    const room = await roomCreate(t.url);
    const { s } = await joinedDevice(room, "garbage-bin");
    const res = (await loose(s).emitWithAck("sensor:batch", new Uint8Array([1, 2, 3]))) as { ok: boolean; error: ProtocolError };
    expect(res.error.code).toBe("malformed");
    let nested: unknown = 1;
    for (let i = 0; i < 2000; i++) nested = [nested];
    const res2 = (await loose(s).emitWithAck("sensor:batch", { v: PROTOCOL_VERSION, seq: 0, samples: nested })) as { ok: boolean; error: ProtocolError };
    expect(res2.ok).toBe(false);
    expect(await healthy()).toBe(true);
    s.close();
  });
});
