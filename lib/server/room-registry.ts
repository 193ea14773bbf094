import type { RoomState, ViewerInfo } from "../protocol/events";
import type { LiveRecordingInfo } from "../protocol/recordings";
import type { LiveStudyInfo } from "../protocol/studies";
import { roomCodeNew, type RoomCode } from "../protocol/room-code";
import type { DeviceRecord } from "./device-record";

export interface Room {
  code: RoomCode;
  createdAtMs: number;
  /** Keyed by socket id. */
  viewers: Map<string, ViewerInfo>;
  devices: Map<string, DeviceRecord>;
  lastActiveMs: number;
  /** Set by the recorder while it records this room. */
  recording: LiveRecordingInfo | null;
  study: LiveStudyInfo | null;
}

/** Rooms with no viewer and no connected device for this long are forgotten. */
export const ROOM_IDLE_TTL_MS = 6 * 60 * 60 * 1000;
/** A device gone this long is dropped from its room (a phone buffers for 2 min). */
export const DEVICE_GONE_TTL_MS = 30 * 60 * 1000;

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();

  create(nowMs: number): Room {
    let code = roomCodeNew();
    while (this.rooms.has(code)) code = roomCodeNew();
    return this.ensure(code, nowMs);
  }

  /** A viewer that watched a room before a server restart brings its code back with it. */
  ensure(code: RoomCode, nowMs: number): Room {
    let room = this.rooms.get(code);
    if (!room) {
      room = { code, createdAtMs: nowMs, viewers: new Map(), devices: new Map(), lastActiveMs: nowMs, recording: null, study: null };
      this.rooms.set(code, room);
    }
    return room;
  }

  get(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  all(): Room[] {
    return [...this.rooms.values()];
  }

  state(room: Room, nowMs: number): RoomState {
    return {
      code: room.code,
      createdAtMs: room.createdAtMs,
      viewers: [...room.viewers.values()],
      devices: [...room.devices.values()].map((d) => d.info(nowMs)),
      recording: room.recording,
      study: room.study,
    };
  }

  /** Forgets idle rooms and long-gone devices; returns the rooms whose device list changed. */
  sweep(nowMs: number): Room[] {
    const changed: Room[] = [];
    for (const room of this.rooms.values()) {
      let removed = false;
      for (const [id, d] of room.devices) {
        if (d.socketId === null && nowMs - d.lastSeenMs > DEVICE_GONE_TTL_MS) {
          room.devices.delete(id);
          removed = true;
        }
      }
      const live = room.viewers.size > 0 || room.recording !== null || room.study !== null || [...room.devices.values()].some((d) => d.socketId !== null);
      if (live) room.lastActiveMs = nowMs;
      else if (nowMs - room.lastActiveMs > ROOM_IDLE_TTL_MS) {
        this.rooms.delete(room.code);
        continue;
      }
      if (removed) changed.push(room);
    }
    return changed;
  }
}
