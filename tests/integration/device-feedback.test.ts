import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkSocket } from "@/lib/client/link-socket";
import { PhoneLink } from "@/lib/client/phone-link";
import { ViewerLink } from "@/lib/client/viewer-link";
import type { PhoneFeedback, WatchMirror } from "@/lib/protocol/device-feedback";
import type { ProtocolError } from "@/lib/protocol/errors";
import type { Ack } from "@/lib/protocol/events";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import { StreamStore } from "@/lib/stream/stream-store";
import { connected, rawSocket, roomCreate, testServerStart, until, viewerStart, type TestServer } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

type Loose = { emitWithAck(event: string, ...args: unknown[]): Promise<unknown>; emit(event: string, ...args: unknown[]): void };
const loose = (s: LinkSocket) => s as unknown as Loose;

const LISTENING: WatchMirror = { sceneId: "raise-to-speak", title: "Raise to speak", state: "listening", text: "Listening…", tone: "active" };

/** A device in the room recording every feedback and protocol error it gets. */
async function deviceJoin(room: string, deviceId: string) {
  const s = rawSocket(t.url);
  const feedback: PhoneFeedback[] = [];
  const errors: ProtocolError[] = [];
  s.on("device:feedback", (f) => feedback.push(f));
  s.on("protocol:error", (e) => errors.push(e));
  await connected(s);
  const res = await s.emitWithAck("device:hello", { v: PROTOCOL_VERSION, room, deviceId, session: `${deviceId}-s`, name: `phone ${deviceId}`, source: "phone", platform: "android" });
  expect(res.ok).toBe(true);
  return { s, feedback, errors };
}

async function viewerJoin(room: string) {
  const viewer = await viewerStart(t.url, room);
  const errors: ProtocolError[] = [];
  viewer.socket.on("protocol:error", (e) => errors.push(e));
  return { s: viewer.socket, errors };
}

const send = (s: LinkSocket, payload: unknown) => loose(s).emitWithAck("device:feedback", payload) as Promise<Ack>;
const feedbackFor = (deviceId: string, rest: Partial<PhoneFeedback> = {}) => ({ v: PROTOCOL_VERSION, deviceId, vibrateMs: [30], ...rest });

/** Sends a good message after the checks: once it has arrived, anything wrongly relayed before it would have too. */
async function sentinelDelivered(viewer: LinkSocket, device: { feedback: PhoneFeedback[] }, deviceId: string) {
  expect(await send(viewer, feedbackFor(deviceId, { vibrateMs: [7] }))).toEqual({ ok: true });
  await until(() => device.feedback.some((f) => f.vibrateMs[0] === 7), 5000, "sentinel feedback");
}

describe("device:feedback", () => {
  it("relays a viewer's feedback to the device exactly, with watch only when it was sent", async () => {
    const room = await roomCreate(t.url);
    const device = await deviceJoin(room, "fb-phone-1");
    const other = await deviceJoin(room, "fb-phone-2");
    const viewer = await viewerJoin(room);

    expect(await send(viewer.s, feedbackFor("fb-phone-1", { vibrateMs: [20, 60, 20], watch: { ...LISTENING, progress: 0.25 } }))).toEqual({ ok: true });
    expect(await send(viewer.s, feedbackFor("fb-phone-1", { vibrateMs: [] }))).toEqual({ ok: true });
    expect(await send(viewer.s, feedbackFor("fb-phone-1", { vibrateMs: [], watch: null }))).toEqual({ ok: true });
    await until(() => device.feedback.length === 3, 5000, "three feedback messages");

    expect(device.feedback[0]).toEqual({ vibrateMs: [20, 60, 20], watch: { ...LISTENING, progress: 0.25 } });
    // Absent means "leave the mirror as it is": it must not arrive as null.
    expect(device.feedback[1]).toEqual({ vibrateMs: [] });
    expect(Object.hasOwn(device.feedback[1]!, "watch")).toBe(false);
    expect(device.feedback[2]).toEqual({ vibrateMs: [], watch: null });
    expect(other.feedback).toEqual([]);
    expect(viewer.errors).toEqual([]);
    for (const s of [device.s, other.s, viewer.s]) s.close();
  });

  it("clears the phone's mirror when the desktop that set it disconnects, and only then", async () => {
    const room = await roomCreate(t.url);
    const device = await deviceJoin(room, "fb-mirror-1");
    const mirroring = await viewerJoin(room);
    const bystander = await viewerJoin(room);
    expect(await send(mirroring.s, feedbackFor("fb-mirror-1", { vibrateMs: [], watch: LISTENING }))).toEqual({ ok: true });
    await until(() => device.feedback.length === 1, 5000, "mirror set");
    bystander.s.close();
    // A sentinel from the mirroring desktop proves nothing was sent for the bystander leaving.
    await sentinelDelivered(mirroring.s, device, "fb-mirror-1");
    expect(device.feedback).toHaveLength(2);
    mirroring.s.close();
    await until(() => device.feedback.length === 3, 5000, "mirror cleared");
    expect(device.feedback[2]).toEqual({ vibrateMs: [], watch: null });
    device.s.close();
  });

  it("refuses a viewer of another room, a device, and a socket that joined nothing", async () => {
    const room = await roomCreate(t.url);
    const elsewhere = await roomCreate(t.url);
    const device = await deviceJoin(room, "fb-target");
    const sibling = await deviceJoin(room, "fb-sibling");
    const viewer = await viewerJoin(room);
    const stranger = await viewerJoin(elsewhere);
    const loner = rawSocket(t.url);
    await connected(loner);

    const fromStranger = await send(stranger.s, feedbackFor("fb-target"));
    expect(fromStranger).toMatchObject({ ok: false, error: { code: "not-allowed", event: "device:feedback" } });
    expect(!fromStranger.ok && fromStranger.error.message).toMatch(/No device "fb-target" in room/);
    await until(() => stranger.errors.length === 1, 2000, "the stranger's protocol error");

    for (const sender of [sibling.s, device.s, loner]) {
      const res = await send(sender, feedbackFor("fb-target"));
      expect(res).toMatchObject({ ok: false, error: { code: "not-allowed" } });
      expect(!res.ok && res.error.message).toMatch(/Only a desktop watching a room/);
    }

    const unknown = await send(viewer.s, feedbackFor("fb-nobody"));
    expect(unknown).toMatchObject({ ok: false, error: { code: "not-allowed" } });
    expect(!unknown.ok && unknown.error.message).toContain("fb-nobody");

    await sentinelDelivered(viewer.s, device, "fb-target");
    expect(device.feedback).toEqual([{ vibrateMs: [7] }]);
    expect(sibling.feedback).toEqual([]);
    for (const s of [device.s, sibling.s, viewer.s, stranger.s, loner]) s.close();
  });

  it("rejects malformed feedback with a clear error and relays none of it", async () => {
    const room = await roomCreate(t.url);
    const device = await deviceJoin(room, "fb-strict");
    const viewer = await viewerJoin(room);
    const cases: [unknown, RegExp][] = [
      [feedbackFor("fb-strict", { watch: { ...LISTENING, tone: "panic" as WatchMirror["tone"] } }), /tone/],
      [feedbackFor("fb-strict", { vibrateMs: Array.from({ length: 20 }, () => 10) }), /vibrateMs/],
      [feedbackFor("fb-strict", { vibrateMs: [5000] }), /vibrateMs/],
      [feedbackFor("fb-strict", { vibrateMs: [-5] }), /vibrateMs/],
      [feedbackFor("fb-strict", { watch: { ...LISTENING, progress: 1.5 } }), /progress/],
      [{ v: PROTOCOL_VERSION, vibrateMs: [30] }, /deviceId/],
      [{ ...feedbackFor("fb-strict"), extra: true }, /extra|unrecognized/i],
    ];
    for (const [payload, pattern] of cases) {
      const res = await send(viewer.s, payload);
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe("malformed");
      expect(res.error.message).toMatch(pattern);
    }
    const wrongVersion = await send(viewer.s, { ...feedbackFor("fb-strict"), v: 99 });
    expect(wrongVersion).toMatchObject({ ok: false, error: { code: "wrong-version" } });
    // Each refusal also reached the viewer as a protocol error, without an ack too.
    await until(() => viewer.errors.length === cases.length + 1, 2000, "protocol errors");
    loose(viewer.s).emit("device:feedback", { deviceId: "fb-strict" });
    await until(() => viewer.errors.length === cases.length + 2, 2000, "protocol error for an unacknowledged message");

    await sentinelDelivered(viewer.s, device, "fb-strict");
    expect(device.feedback).toEqual([{ vibrateMs: [7] }]);
    expect(viewer.s.connected).toBe(true);
    device.s.close();
    viewer.s.close();
  });

  it("answers feedback for an offline device with a clear ack error, not a notice", async () => {
    const room = await roomCreate(t.url);
    const device = await deviceJoin(room, "fb-gone");
    device.s.close();
    const viewer = await viewerJoin(room);
    const res = await send(viewer.s, feedbackFor("fb-gone"));
    expect(res).toMatchObject({ ok: false, error: { code: "not-joined", event: "device:feedback" } });
    expect(!res.ok && res.error.message).toMatch(/device "phone fb-gone" is not connected/);
    expect(viewer.errors).toEqual([]);

    // Dropped, not kept: the phone coming back gets nothing old.
    const back = await deviceJoin(room, "fb-gone");
    await sentinelDelivered(viewer.s, back, "fb-gone");
    expect(back.feedback).toEqual([{ vibrateMs: [7] }]);
    back.s.close();
    viewer.s.close();
  });

  it("rate-limits a flood of feedback like any other event", async () => {
    const room = await roomCreate(t.url);
    const device = await deviceJoin(room, "fb-flood");
    const viewer = await viewerJoin(room);
    const acks = await Promise.all(Array.from({ length: 700 }, () => send(viewer.s, feedbackFor("fb-flood"))));
    const limited = acks.filter((a) => !a.ok && a.error.code === "rate-limited").length;
    const relayed = acks.filter((a) => a.ok).length;
    expect(limited).toBeGreaterThan(0);
    expect(relayed + limited).toBe(700);
    await until(() => device.feedback.length === relayed, 5000, "every accepted feedback");
    device.s.close();
    viewer.s.close();
  });
});

describe("ViewerLink.deviceFeedback -> PhoneLink.onFeedback", () => {
  it("delivers while watching and drops (never queues) while the link is down", async () => {
    const room = await roomCreate(t.url);
    const got: PhoneFeedback[] = [];
    const phone = new PhoneLink({ url: t.url, room, deviceId: "fb-link-phone", name: "wrist", source: "phone", platform: "android", nowMs: Date.now, onFeedback: (f) => got.push(f) });
    await until(() => phone.status === "streaming", 5000, "phone streaming");

    const socket = rawSocket(t.url);
    const link = new ViewerLink({ url: t.url, room, store: new StreamStore(), nowMs: Date.now, socket });
    // Not yet watching: nothing is sent, so nothing can arrive later either.
    expect(link.deviceFeedback("fb-link-phone", { vibrateMs: [1] })).toBe(false);
    await until(() => link.viewerId !== null, 5000, "viewer watching");

    const acks: Ack[] = [];
    expect(link.deviceFeedback("fb-link-phone", { vibrateMs: [25], watch: LISTENING }, (res) => acks.push(res))).toBe(true);
    await until(() => got.length === 1 && acks.length === 1, 5000, "feedback and its ack");
    expect(got[0]).toEqual({ vibrateMs: [25], watch: LISTENING });
    expect(acks[0]).toEqual({ ok: true });

    socket.disconnect();
    expect(link.deviceFeedback("fb-link-phone", { vibrateMs: [2] })).toBe(false);
    socket.connect();
    await until(() => socket.connected, 5000, "viewer reconnected");
    await until(() => link.deviceFeedback("fb-link-phone", { vibrateMs: [3], watch: null }), 5000, "watching again");
    await until(() => got.length >= 3, 5000, "feedback after the reconnect");
    // The disconnect cleared the mirror it had set (the hub does that for a vanished desktop); what was
    // offered while down never turns up: a stale buzz would be worse than none.
    expect(got).toEqual([{ vibrateMs: [25], watch: LISTENING }, { vibrateMs: [], watch: null }, { vibrateMs: [3], watch: null }]);
    link.close();
    phone.close();
  });
});
