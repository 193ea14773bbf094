import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import { roomCodeParse } from "@/lib/protocol/room-code";
import type { RoomState } from "@/lib/protocol/events";
import { connected, rawSocket, roomCreate, roomsGet, testServerStart, until, viewerStart, type TestServer } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

const hello = (room: string, deviceId: string, name: string) => ({
  v: PROTOCOL_VERSION,
  room,
  deviceId,
  session: `${deviceId}-s1`,
  name,
  source: "phone" as const,
  platform: "android" as const,
});

describe("HTTP API", () => {
  it("reports health with version, protocol and uptime", async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, version: "test", protocol: PROTOCOL_VERSION });
    expect(typeof body.uptimeS).toBe("number");
  });

  it("creates distinct, readable room codes", async () => {
    const codes = await Promise.all(Array.from({ length: 20 }, () => roomCreate(t.url)));
    expect(new Set(codes).size).toBe(20);
    for (const c of codes) {
      expect(roomCodeParse(c)).toBe(c);
      expect(c).not.toMatch(/[01OI]/);
    }
  });

  it("answers unknown paths and wrong methods with JSON errors", async () => {
    expect((await fetch(`${t.url}/api/nope`)).status).toBe(404);
    const res = await fetch(`${t.url}/api/health`, { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { error: string }).error).toContain("DELETE");
  });
});

describe("pairing", () => {
  it("lists several phones and several viewers in a room, and renames both ways", async () => {
    const room = await roomCreate(t.url);
    const viewerA = await viewerStart(t.url, room);
    const viewerB = await viewerStart(t.url, room);
    let latest: RoomState | null = null;
    viewerA.socket.on("room:state", (s) => (latest = s));

    const left = rawSocket(t.url);
    const right = rawSocket(t.url);
    await Promise.all([connected(left), connected(right)]);
    const a = await left.emitWithAck("device:hello", hello(room, "left-wrist-1", "left wrist"));
    const b = await right.emitWithAck("device:hello", hello(room, "right-wrist-1", "right wrist"));
    expect(a).toMatchObject({ ok: true, nextSeq: null, name: "left wrist" });
    expect(b.ok).toBe(true);

    await until(() => (latest as RoomState | null)?.devices.length === 2, 5000, "two devices in room state");
    const rooms = await roomsGet(t.url);
    const r = rooms.find((x) => x.code === room)!;
    expect(r.viewers).toHaveLength(2);
    expect(r.devices.map((d) => d.name).sort()).toEqual(["left wrist", "right wrist"]);
    expect(r.devices.every((d) => d.connected && d.source === "phone")).toBe(true);

    // The desktop renames a phone: the phone hears it, and the room state shows it.
    const renamed = new Promise<string>((resolve) => left.once("device:renamed", ({ name }) => resolve(name)));
    const ack = await viewerB.socket.emitWithAck("device:rename", { v: PROTOCOL_VERSION, deviceId: "left-wrist-1", name: "participant L" });
    expect(ack.ok).toBe(true);
    expect(await renamed).toBe("participant L");
    await until(() => !!(latest as RoomState | null)?.devices.some((d) => d.name === "participant L"), 5000, "rename in state");

    // A phone renames itself.
    await right.emitWithAck("device:rename", { v: PROTOCOL_VERSION, deviceId: "right-wrist-1", name: "R" });
    expect((await roomsGet(t.url)).find((x) => x.code === room)!.devices.map((d) => d.name).sort()).toEqual(["R", "participant L"]);

    // Leaving shows as disconnected, not gone (the phone may be back with its backlog).
    left.close();
    await until(() => !!(latest as RoomState | null)?.devices.some((d) => d.id === "left-wrist-1" && !d.connected), 5000, "disconnect in state");
    for (const s of [right, viewerA.socket, viewerB.socket]) s.close();
  });

  it("refuses a phone in a room that does not exist, with a readable reason", async () => {
    const s = rawSocket(t.url);
    await connected(s);
    const res = await s.emitWithAck("device:hello", hello("ZZZZZZ", "lost-phone-1", "lost"));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe("unknown-room");
      expect(res.error.message).toContain("ZZZ-ZZZ");
    }
    s.close();
  });

  it("does not let another room's viewer rename a device", async () => {
    const roomA = await roomCreate(t.url);
    const roomB = await roomCreate(t.url);
    const phone = rawSocket(t.url);
    await connected(phone);
    await phone.emitWithAck("device:hello", hello(roomA, "phone-in-a", "a"));
    const intruder = await viewerStart(t.url, roomB);
    const res = await intruder.socket.emitWithAck("device:rename", { v: PROTOCOL_VERSION, deviceId: "phone-in-a", name: "pwned" });
    expect(res.ok).toBe(false);
    expect((await roomsGet(t.url)).find((x) => x.code === roomA)!.devices[0]!.name).toBe("a");
    phone.close();
    intruder.socket.close();
  });
});
