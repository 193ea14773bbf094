import type { DeviceFeedback } from "../protocol/device-feedback";
import type { Ack } from "../protocol/events";
import { roomCodeFormat } from "../protocol/room-code";
import { reject } from "./guard";
import type { Room, RoomRegistry } from "./room-registry";
import type { HubServer, HubSocket } from "./socket-types";

/**
 * `device:feedback` in the hub: a viewer's haptics and mirrored watch screen relayed
 * to one device of the room it watches, and the mirror cleared when that viewer goes.
 */
export function feedbackRelay(io: HubServer, rooms: RoomRegistry, socket: HubSocket, p: DeviceFeedback, ack?: (res: Ack) => void) {
  const code = socket.data.room;
  const room = socket.data.role === "viewer" && code ? rooms.get(code) : undefined;
  if (!room) return reject(socket, ack, "not-allowed", "Only a desktop watching a room can send feedback to its devices.", "device:feedback");
  const device = room.devices.get(p.deviceId);
  if (!device) {
    return reject(socket, ack, "not-allowed", `No device "${p.deviceId}" in room ${roomCodeFormat(room.code)}: feedback goes only to this room's devices.`, "device:feedback");
  }
  if (device.socketId === null) {
    // Only the ack: a phone dropping out mid-scene is routine, not a notice for the desktop's screen.
    // Feedback is momentary, so it is not kept for the phone's return either.
    const message = `The device "${device.name}" is not connected: its feedback was dropped.`;
    return ack?.({ ok: false, error: { code: "not-joined", message, event: "device:feedback" } });
  }
  if (p.watch !== undefined) device.mirrorFrom = p.watch ? socket.id : null;
  io.to(device.socketId).emit("device:feedback", p.watch === undefined ? { vibrateMs: p.vibrateMs } : { vibrateMs: p.vibrateMs, watch: p.watch });
  ack?.({ ok: true });
}

/** A closed or crashed desktop cannot clear the watch screen it mirrors on a phone: do it for it. */
export function mirrorsClear(io: HubServer, room: Room, viewerSocketId: string) {
  for (const d of room.devices.values()) {
    if (d.mirrorFrom !== viewerSocketId) continue;
    d.mirrorFrom = null;
    if (d.socketId) io.to(d.socketId).emit("device:feedback", { vibrateMs: [], watch: null });
  }
}
