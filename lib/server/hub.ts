import { deviceFeedbackSchema } from "../protocol/device-feedback";
import type { ClientToServerEvents, StreamBatch } from "../protocol/events";
import type { DevicePrompt } from "../protocol/recordings";
import { roomCodeFormat, type RoomCode } from "../protocol/room-code";
import { deviceConsentSchema } from "../protocol/studies";
import {
  clockPingSchema,
  deviceHelloSchema,
  deviceRenameSchema,
  roomWatchSchema,
  sensorBatchSchema,
} from "../protocol/schemas";
import { SequenceTracker } from "../stream/sequence-tracker";
import { DeviceRecord, HEALTH_SLOTS } from "./device-record";
import { guardSocket, onValidated, reject } from "./guard";
import { consentRelay, joinPrompt, type ConsentListener } from "./hub-consent";
import { feedbackRelay, mirrorsClear } from "./hub-feedback";
import { RoomRegistry, type Room } from "./room-registry";
import type { HubServer, HubSocket } from "./socket-types";

export interface HubDeps {
  nowMs?: () => number;
  log?: (msg: string, err?: unknown) => void;
  /** How often viewers get fresh stream health. */
  stateIntervalMs?: number;
}

/** Called with every batch the hub relays: only new samples, each once, in order. */
export type BatchListener = (room: Room, device: DeviceRecord, batch: StreamBatch) => void;

export interface Hub {
  rooms: RoomRegistry;
  roomCreate(): Room;
  /** Adds a listener for relayed batches (the recorder); returns its removal. */
  onBatch(listener: BatchListener): () => void;
  /** Sends the room's state to its viewers again (after a change made outside the hub). */
  roomChanged(room: Room): void;
  /** The prompted protocol's instruction to some (null: all) of the room's connected devices. */
  devicePrompt(room: Room, deviceIds: readonly string[] | null, prompt: DevicePrompt | null): void;
  /** Adds the decider of participants' consent answers (the study runner); returns its removal. */
  onConsent(listener: ConsentListener): () => void;
  /** Drops a device that is gone for good (a finished replay) from its room's list. */
  deviceForget(room: Room, deviceId: string): void;
  close(): void;
}

const EVENTS: ReadonlySet<string> = new Set<keyof ClientToServerEvents>([
  "room:watch",
  "device:hello",
  "sensor:batch",
  "device:rename",
  "clock:ping",
  "device:feedback",
  "device:consent",
]);

const viewersOf = (code: string) => `view:${code}`;

/**
 * The relay: phones and sims send batches into a room, viewers of the room get each
 * new sample exactly once, in order. Health is measured here, where every stream passes.
 */
export function createHub(io: HubServer, deps: HubDeps = {}): Hub {
  const nowMs = deps.nowMs ?? Date.now;
  const log = deps.log ?? ((msg, err) => console.error(`[hub] ${msg}`, err ?? ""));
  const rooms = new RoomRegistry();
  let batchListeners: BatchListener[] = [];
  let consentListeners: ConsentListener[] = [];

  const broadcastState = (room: Room) => {
    if (room.viewers.size > 0) io.to(viewersOf(room.code)).emit("room:state", rooms.state(room, nowMs()));
  };

  // Each tick refreshes one slot of devices' windowed health and sends just those
  // to viewers: figures are at most one interval old, and neither the computing
  // nor the encoding lands on the relay in one lump (a 100-device room:state once a
  // second was what pushed the relay's p99 past the bare socket.io floor).
  let tick = 0;
  const ticker = setInterval(
    () => {
      const now = nowMs();
      const slot = tick++ % HEALTH_SLOTS;
      for (const room of rooms.all()) {
        const fresh = [];
        for (const d of room.devices.values()) {
          if (d.healthSlot !== slot) continue;
          d.refreshWindowedHealth(now);
          if (d.socketId !== null) fresh.push(d.info(now));
        }
        if (fresh.length > 0 && room.viewers.size > 0) io.to(viewersOf(room.code)).emit("room:health", { code: room.code, devices: fresh });
      }
      if (slot === HEALTH_SLOTS - 1) for (const room of rooms.sweep(now)) broadcastState(room);
    },
    (deps.stateIntervalMs ?? 1000) / HEALTH_SLOTS,
  );
  ticker.unref();

  const deviceOf = (socket: HubSocket): { room: Room; device: DeviceRecord } | null => {
    const { room: code, deviceId, role } = socket.data;
    if (role !== "device" || !code || !deviceId) return null;
    const room = rooms.get(code);
    const device = room?.devices.get(deviceId);
    return room && device && device.socketId === socket.id ? { room, device } : null;
  };

  io.on("connection", (socket: HubSocket) => {
    socket.data.role = null;
    socket.data.room = null;
    socket.data.deviceId = null;
    guardSocket(socket, EVENTS, nowMs);

    onValidated(socket, "clock:ping", clockPingSchema, (_p, ack) => ack?.({ ok: true, serverTimeMs: nowMs() }), log);

    onValidated(
      socket,
      "room:watch",
      roomWatchSchema,
      (p, ack) => {
        if (socket.data.role === "device") return reject(socket, ack, "not-allowed", "A device socket cannot also watch.", "room:watch");
        leave(socket);
        const room = rooms.ensure(p.room as RoomCode, nowMs());
        const viewer = { id: socket.id, name: p.name || `viewer ${room.viewers.size + 1}` };
        room.viewers.set(socket.id, viewer);
        socket.data.role = "viewer";
        socket.data.room = room.code;
        void socket.join(viewersOf(room.code));
        ack?.({ ok: true, room: rooms.state(room, nowMs()), viewerId: socket.id });
        broadcastState(room);
      },
      log,
    );

    onValidated(
      socket,
      "device:hello",
      deviceHelloSchema,
      (p, ack) => {
        const room = rooms.get(p.room);
        if (!room) {
          return reject(socket, ack, "unknown-room", `No room ${roomCodeFormat(p.room)}. Check the code on the computer screen.`, "device:hello");
        }
        if (socket.data.role === "viewer") return reject(socket, ack, "not-allowed", "A viewer socket cannot also be a device.", "device:hello");
        leave(socket);
        const now = nowMs();
        let device = room.devices.get(p.deviceId);
        if (!device) {
          device = new DeviceRecord(p.deviceId, p.name, p.source, p.platform, now);
          room.devices.set(device.id, device);
        } else {
          // A reload or reconnect: the phone's own name wins unless the desktop renamed it meanwhile.
          device.source = p.source;
          device.platform = p.platform;
        }
        if (device.session !== p.session) {
          device.session = p.session;
          device.sequence = new SequenceTracker();
        }
        const previous = device.socketId;
        device.socketId = socket.id;
        device.lastSeenMs = now;
        socket.data.role = "device";
        socket.data.room = room.code;
        socket.data.deviceId = device.id;
        if (previous && previous !== socket.id) io.sockets.sockets.get(previous)?.disconnect(true);
        ack?.({ ok: true, nextSeq: device.sequence.nextSeq, name: device.name, serverTimeMs: now });
        socket.emit("device:prompt", joinPrompt(room, device.id));
        broadcastState(room);
      },
      log,
    );

    onValidated(
      socket,
      "sensor:batch",
      sensorBatchSchema,
      (p, ack) => {
        const joined = deviceOf(socket);
        if (!joined) return reject(socket, ack, "not-joined", "Send device:hello before sensor:batch.", "sensor:batch");
        const { room, device } = joined;
        const now = nowMs();
        if (p.clock) device.clock = p.clock;
        const accepted = device.sequence.accept(p.seq, p.samples.length);
        device.health.addDuplicates(accepted.duplicates);
        device.health.addDropped(accepted.dropped);
        device.lastSeenMs = now;
        if (accepted.freshFrom < p.samples.length) {
          const fresh = accepted.freshFrom === 0 ? p.samples : p.samples.slice(accepted.freshFrom);
          const newest = fresh[fresh.length - 1]![0];
          // Without a clock estimate yet, assume the newest sample is current: latency unknown.
          const offsetMs = device.clock?.offsetMs ?? now - newest;
          const known = device.clock !== null;
          for (const s of fresh) device.health.addSample(s[0], known ? now - (s[0] + offsetMs) : null);
          device.lastSampleAtMs = newest + offsetMs;
          const batch: StreamBatch = {
            deviceId: device.id,
            session: device.session ?? "",
            seq: p.seq + accepted.freshFrom,
            samples: fresh,
            clockOffsetMs: offsetMs,
            receivedAtMs: now,
          };
          io.to(viewersOf(room.code)).emit("stream:batch", batch);
          for (const listener of batchListeners) {
            try {
              listener(room, device, batch);
            } catch (err) {
              log("a batch listener failed", err);
            }
          }
        }
        ack?.({ ok: true, nextSeq: device.sequence.nextSeq ?? p.seq + p.samples.length });
      },
      log,
    );

    onValidated(
      socket,
      "device:rename",
      deviceRenameSchema,
      (p, ack) => {
        const code = socket.data.room;
        const room = code ? rooms.get(code) : undefined;
        const device = room?.devices.get(p.deviceId);
        const mayRename = socket.data.role === "viewer" || socket.data.deviceId === p.deviceId;
        if (!room || !device || !mayRename) return reject(socket, ack, "not-allowed", "Only the device itself or a viewer of its room can rename it.", "device:rename");
        device.name = p.name;
        if (device.socketId && device.socketId !== socket.id) io.to(device.socketId).emit("device:renamed", { name: p.name });
        ack?.({ ok: true });
        broadcastState(room);
      },
      log,
    );

    onValidated(socket, "device:feedback", deviceFeedbackSchema, (p, ack) => feedbackRelay(io, rooms, socket, p, ack), log);
    onValidated(socket, "device:consent", deviceConsentSchema, (p, ack) => consentRelay(consentListeners, socket, deviceOf(socket), p, ack), log);

    socket.on("disconnect", () => leave(socket));
  });

  /** Detaches a socket from its role; the device record stays for its reconnect. */
  function leave(socket: HubSocket) {
    const code = socket.data.room;
    const room = code ? rooms.get(code) : undefined;
    if (room) {
      if (socket.data.role === "viewer") {
        room.viewers.delete(socket.id);
        void socket.leave(viewersOf(room.code));
        mirrorsClear(io, room, socket.id);
      } else if (socket.data.role === "device" && socket.data.deviceId) {
        const device = room.devices.get(socket.data.deviceId);
        if (device && device.socketId === socket.id) {
          device.socketId = null;
          device.lastSeenMs = nowMs();
        }
      }
      broadcastState(room);
    }
    socket.data.role = null;
    socket.data.room = null;
    socket.data.deviceId = null;
  }

  return {
    rooms,
    roomCreate: () => rooms.create(nowMs()),
    onBatch(listener) {
      batchListeners = [...batchListeners, listener];
      return () => {
        batchListeners = batchListeners.filter((l) => l !== listener);
      };
    },
    onConsent(listener) {
      consentListeners = [...consentListeners, listener];
      return () => {
        consentListeners = consentListeners.filter((l) => l !== listener);
      };
    },
    roomChanged: broadcastState,
    devicePrompt(room, deviceIds, prompt) {
      for (const d of room.devices.values()) {
        if (d.socketId && (deviceIds === null || deviceIds.includes(d.id))) io.to(d.socketId).emit("device:prompt", prompt);
      }
    },
    deviceForget(room, deviceId) {
      const d = room.devices.get(deviceId);
      if (!d || d.socketId !== null) return;
      room.devices.delete(deviceId);
      broadcastState(room);
    },
    close: () => clearInterval(ticker),
  };
}
