import { describe, expect, it } from "vitest";
import { roomCodeParse, type RoomCode } from "@/lib/protocol/room-code";
import { DeviceRecord } from "@/lib/server/device-record";
import { DEVICE_GONE_TTL_MS, ROOM_IDLE_TTL_MS, RoomRegistry, type Room } from "@/lib/server/room-registry";

const code = (c: string) => c as RoomCode;

/** A device that last spoke at `lastSeenMs`, connected through `socketId` or gone (null). */
function device(room: Room, id: string, socketId: string | null, lastSeenMs: number): DeviceRecord {
  const d = new DeviceRecord(id, `name ${id}`, "sim", "node", lastSeenMs);
  d.socketId = socketId;
  room.devices.set(id, d);
  return d;
}

describe("RoomRegistry.create / ensure / get", () => {
  it("creates an empty room with a valid code at the given time", () => {
    const reg = new RoomRegistry();
    const room = reg.create(1234);
    expect(roomCodeParse(room.code)).toBe(room.code);
    expect(room.createdAtMs).toBe(1234);
    expect(room.lastActiveMs).toBe(1234);
    expect(room.viewers.size).toBe(0);
    expect(room.devices.size).toBe(0);
    expect(reg.get(room.code)).toBe(room);
  });

  it("gives every created room its own code", () => {
    const reg = new RoomRegistry();
    const codes = Array.from({ length: 500 }, (_, i) => reg.create(i).code);
    expect(new Set(codes).size).toBe(500);
    expect(reg.all().map((r) => r.code).sort()).toEqual([...codes].sort());
  });

  it("ensure is idempotent and keeps the first creation time", () => {
    const reg = new RoomRegistry();
    const a = reg.ensure(code("K7QM4X"), 5);
    a.viewers.set("v1", { id: "v1", name: "viewer 1" });
    const b = reg.ensure(code("K7QM4X"), 99);
    expect(b).toBe(a);
    expect(b.createdAtMs).toBe(5);
    expect(b.viewers.size).toBe(1);
    expect(reg.all()).toHaveLength(1);
  });

  it("get is exact and undefined for unknown codes", () => {
    const reg = new RoomRegistry();
    reg.ensure(code("K7QM4X"), 0);
    expect(reg.get("K7QM4X")).toBeDefined();
    expect(reg.get("ABCDEF")).toBeUndefined();
    expect(reg.get("")).toBeUndefined();
  });

  it("state lists viewers and devices", () => {
    const reg = new RoomRegistry();
    const room = reg.ensure(code("K7QM4X"), 10);
    room.viewers.set("s1", { id: "s1", name: "desk" });
    device(room, "dev-001", "s2", 10);
    const state = reg.state(room, 20);
    expect(state.code).toBe("K7QM4X");
    expect(state.createdAtMs).toBe(10);
    expect(state.viewers).toEqual([{ id: "s1", name: "desk" }]);
    expect(state.devices.map((d) => [d.id, d.name, d.connected, d.samples])).toEqual([["dev-001", "name dev-001", true, 0]]);
  });
});

describe("RoomRegistry.sweep", () => {
  it("drops a disconnected device only once it has been gone longer than DEVICE_GONE_TTL_MS", () => {
    const reg = new RoomRegistry();
    const room = reg.ensure(code("K7QM4X"), 0);
    room.viewers.set("v", { id: "v", name: "v" });
    device(room, "gone-01", null, 1000);
    expect(reg.sweep(1000 + DEVICE_GONE_TTL_MS)).toEqual([]);
    expect(room.devices.has("gone-01")).toBe(true);
    expect(reg.sweep(1000 + DEVICE_GONE_TTL_MS + 1)).toEqual([room]);
    expect(room.devices.has("gone-01")).toBe(false);
    // Nothing left to drop: no change reported again.
    expect(reg.sweep(1000 + 2 * DEVICE_GONE_TTL_MS)).toEqual([]);
  });

  it("keeps connected devices however long ago they were last seen", () => {
    const reg = new RoomRegistry();
    const room = reg.ensure(code("K7QM4X"), 0);
    device(room, "live-01", "sock-1", 0);
    device(room, "gone-01", null, 0);
    expect(reg.sweep(10 * ROOM_IDLE_TTL_MS)).toEqual([room]);
    expect([...room.devices.keys()]).toEqual(["live-01"]);
    expect(reg.get("K7QM4X")).toBe(room);
  });

  it("forgets a room idle for longer than ROOM_IDLE_TTL_MS", () => {
    const reg = new RoomRegistry();
    reg.ensure(code("K7QM4X"), 0);
    expect(reg.sweep(ROOM_IDLE_TTL_MS)).toEqual([]);
    expect(reg.get("K7QM4X")).toBeDefined();
    expect(reg.sweep(ROOM_IDLE_TTL_MS + 1)).toEqual([]);
    expect(reg.get("K7QM4X")).toBeUndefined();
    expect(reg.all()).toEqual([]);
  });

  it("keeps a room with a viewer, and counts idleness from the last sweep that saw it live", () => {
    const reg = new RoomRegistry();
    const room = reg.ensure(code("K7QM4X"), 0);
    room.viewers.set("v", { id: "v", name: "v" });
    const t1 = 3 * ROOM_IDLE_TTL_MS;
    reg.sweep(t1);
    expect(reg.get("K7QM4X")).toBe(room);
    expect(room.lastActiveMs).toBe(t1);
    room.viewers.delete("v");
    reg.sweep(t1 + ROOM_IDLE_TTL_MS);
    expect(reg.get("K7QM4X")).toBe(room);
    reg.sweep(t1 + ROOM_IDLE_TTL_MS + 1);
    expect(reg.get("K7QM4X")).toBeUndefined();
  });

  it("does not count a disconnected device as activity", () => {
    const reg = new RoomRegistry();
    const room = reg.ensure(code("K7QM4X"), 0);
    // Seen recently, so not dropped, but not connected either.
    device(room, "gone-01", null, ROOM_IDLE_TTL_MS);
    reg.sweep(ROOM_IDLE_TTL_MS + 1);
    expect(reg.get("K7QM4X")).toBeUndefined();
  });

  it("does not report a room it forgot in the same sweep", () => {
    const reg = new RoomRegistry();
    const idle = reg.ensure(code("K7QM4X"), 0);
    device(idle, "gone-01", null, 0);
    const watched = reg.ensure(code("ABCDEF"), 0);
    watched.viewers.set("v", { id: "v", name: "v" });
    device(watched, "gone-02", null, 0);
    expect(reg.sweep(ROOM_IDLE_TTL_MS + 1)).toEqual([watched]);
    expect(reg.all()).toEqual([watched]);
  });
});
