import { createHash } from "node:crypto";
import { PhoneLink } from "../client/phone-link";
import { SensorLoggerMerger, type SensorLoggerMergeOptions } from "../native/sensor-logger-merge";
import type { SensorLoggerFrames } from "../native/sensor-logger-frames";
import type { SensorLoggerPush } from "../native/sensor-logger-schema";
import type { SampleTuple } from "../protocol/sample";
import type { RoomCode } from "../protocol/room-code";

/**
 * Sensor Logger phones push HTTP; everything downstream (relay, health, recording,
 * models) speaks socket.io. The bridge gives each pushing phone an in-process
 * PhoneLink that connects to this same server exactly as a phone page would, so a
 * native stream is a device like any other, with source "native".
 *
 * Clock: the link's clock is this server's (`Date.now`), so its offset comes out ≈ 0,
 * while samples keep the phone's own epoch time. Server time = phone time then rests
 * on the phone's clock being right: phones set theirs from the network, and Sensor
 * Logger can add its own NTP correction ("tens of milliseconds", README "Understanding
 * Timestamps"). A phone clock off by seconds shows as a latency that far off in health.
 */

export interface SensorLoggerBridgeOptions {
  /** This server's own HTTP URL, for the links' sockets (e.g. `http://127.0.0.1:3000`). */
  serverUrl: () => string;
  /** A link with no push for this long is flushed, drained and closed (the device shows disconnected). */
  idleCloseMs?: number;
  /** Held-back samples go out when no push came for this long (the phone paused or stopped). */
  idleFlushMs?: number;
  /** A phone silent this long is forgotten entirely (its merge state, kept to spot late retries). */
  forgetMs?: number;
  /**
   * Phones streaming at once (a push within `idleCloseMs`); a new one beyond is refused.
   * Each holds a socket, a merger and a link's backlog, and any LAN client can push.
   */
  maxStreams?: number;
  merge?: Omit<SensorLoggerMergeOptions, "frames" | "afterMs">;
  nowMs?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

export interface SensorLoggerPushResult {
  ok: true;
  /** The Wristlab device id the phone streams as, or null when the push opened no stream. */
  deviceId: string | null;
  accepted: number;
  duplicates: number;
  late: number;
  unpaired: number;
  /** The phone sends no acceleration, so it makes no samples (see SensorLoggerMergeResult). */
  noAcceleration: boolean;
  /** Entries of sensors Wristlab does not use. */
  ignored: number;
  /** Wire samples handed to the link by this push. */
  samples: number;
  /** The push belongs to a recording session older than the one the phone streams now: dropped. */
  stale: boolean;
}

/** A push the bridge did not take: answer `status` with the sentence. */
export interface SensorLoggerPushRefused {
  ok: false;
  status: 429 | 503;
  error: string;
  /** When pushing again may work (the Retry-After header). */
  retryAfterS: number;
}

export interface SensorLoggerBridge {
  /**
   * Takes one parsed push for `room`; `frames` counts when the phone's recording starts,
   * later values are ignored. Pushes of one phone are taken one after another, and one
   * may wait (up to ~2 s) for the phone's previous link to deliver its last samples.
   */
  push(room: RoomCode, push: SensorLoggerPush, frames?: SensorLoggerFrames): Promise<SensorLoggerPushResult | SensorLoggerPushRefused>;
  /** Links open now. */
  readonly size: number;
  /** Flushes, drains and closes every link. */
  close(): Promise<void>;
}

/** One phone's stream. It outlives its link: a phone resuming after a pause keeps its merge state. */
interface Stream {
  room: RoomCode;
  sessionId: string;
  deviceId: string;
  merger: SensorLoggerMerger;
  link: PhoneLink | null;
  /** Time of the newest sample handed to a link, so a new session's merger starts after it. */
  sentUntilMs: number;
  /** Pushed within `idleCloseMs`: counts against `maxStreams`. */
  live: boolean;
  flushTimer: ReturnType<typeof setTimeout> | null;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

const SAFE_ID = /^[A-Za-z0-9_-]{3,61}$/;

/**
 * A device id the wire accepts (6-64 of [A-Za-z0-9_-]) for Sensor Logger's deviceId
 * (a UUID in practice): prefixed so it cannot collide with a phone page's id, hashed
 * when it has other characters or length.
 */
export function sensorLoggerDeviceId(raw: string): string {
  return SAFE_ID.test(raw) ? `sl-${raw}` : `sl-${createHash("sha256").update(raw).digest("hex").slice(0, 32)}`;
}

export function createSensorLoggerBridge(opts: SensorLoggerBridgeOptions): SensorLoggerBridge {
  const idleCloseMs = opts.idleCloseMs ?? 30_000;
  const idleFlushMs = opts.idleFlushMs ?? 500;
  const forgetMs = opts.forgetMs ?? 10 * 60_000;
  const maxStreams = opts.maxStreams ?? 32;
  const nowMs = opts.nowMs ?? Date.now;
  const log = opts.log ?? ((msg, err) => console.error(`[sensor-logger] ${msg}`, err ?? ""));
  /** Keyed by Sensor Logger's deviceId: the hub allows one socket per device, so one stream per phone. */
  const streams = new Map<string, Stream>();
  /**
   * Links delivering their last samples before they close, by Wristlab device id. A new
   * link with that id must wait: joining would make the hub disconnect the old one mid-delivery.
   */
  const closing = new Map<string, Promise<void>>();
  /** The last push of each phone still being taken: the next one waits for it. */
  const queues = new Map<string, Promise<unknown>>();
  let closed = false;

  const send = (stream: Stream, samples: readonly SampleTuple[]) => {
    if (samples.length === 0) return;
    stream.link ??= new PhoneLink({
      url: opts.serverUrl(),
      room: stream.room,
      deviceId: stream.deviceId,
      name: `Sensor Logger ${stream.deviceId.slice(3, 9)}`,
      source: "native",
      // Created at the first sample, after the first push had its chance to show the platform.
      platform: stream.merger.platform,
      nowMs,
      onError: (e) => log(`${stream.deviceId}: ${e.message}`),
    });
    for (const s of samples) stream.link.push(s);
    stream.sentUntilMs = samples[samples.length - 1]![0];
  };

  const clearTimers = (stream: Stream) => {
    if (stream.flushTimer) clearTimeout(stream.flushTimer);
    if (stream.idleTimer) clearTimeout(stream.idleTimer);
    stream.flushTimer = null;
    stream.idleTimer = null;
  };

  /** Sends what is held back, then lets the link deliver its backlog before it closes. */
  const linkEnd = (stream: Stream) => {
    send(stream, stream.merger.flush().samples);
    const link = stream.link;
    stream.link = null;
    if (!link) return;
    const done: Promise<void> = link
      .drain(2000)
      .then((drained) => {
        if (!drained) log(`${stream.deviceId}: closed with ${link.stats().pending} samples unacknowledged`);
      })
      .finally(() => {
        link.close();
        if (closing.get(stream.deviceId) === done) closing.delete(stream.deviceId);
      });
    closing.set(stream.deviceId, done);
  };

  /** Keeps a closed stream's merge state, at most `maxStreams` of them, the oldest forgotten first. */
  const remember = (key: string, stream: Stream) => {
    streams.delete(key);
    streams.set(key, stream);
    const idle = [...streams].filter(([, s]) => !s.live);
    for (const [k, s] of idle.slice(0, Math.max(0, idle.length - maxStreams))) {
      clearTimers(s);
      streams.delete(k);
    }
  };

  const touch = (key: string, stream: Stream) => {
    clearTimers(stream);
    stream.flushTimer = setTimeout(() => {
      stream.flushTimer = null;
      send(stream, stream.merger.flush().samples);
    }, idleFlushMs);
    stream.idleTimer = setTimeout(() => {
      stream.live = false;
      linkEnd(stream);
      remember(key, stream);
      stream.idleTimer = setTimeout(() => {
        if (streams.get(key) === stream) streams.delete(key);
      }, forgetMs);
    }, idleCloseMs);
  };

  const pushNow = async (room: RoomCode, push: SensorLoggerPush, frames: SensorLoggerFrames): Promise<SensorLoggerPushResult | SensorLoggerPushRefused> => {
    const result: SensorLoggerPushResult = {
      ok: true,
      deviceId: null,
      accepted: 0,
      duplicates: 0,
      late: 0,
      unpaired: 0,
      noAcceleration: false,
      ignored: push.ignored,
      samples: 0,
      stale: false,
    };
    // A push without motion (the app's test message, location only) changes nothing.
    if (push.readings.length === 0) return result;
    if (closed) return { ok: false, status: 503, error: "The server is stopping: Sensor Logger's pushes are taken again once it is back.", retryAfterS: 10 };
    const key = push.deviceId;
    let stream = streams.get(key);
    if (!stream?.live && [...streams.values()].filter((s) => s.live).length >= maxStreams) {
      // A stopped phone's stream ends `idleCloseMs` after its last push, which frees its place.
      const waitS = Math.ceil(idleCloseMs / 1000);
      return { ok: false, status: 429, error: `Too many Sensor Logger streams (${maxStreams}): stop one, or wait ${waitS} s after one stopped.`, retryAfterS: waitS };
    }
    // Session ids do not order themselves; time does. A late retry of the previous
    // recording must not end the new one, whose readings are all newer.
    const newSession = stream !== undefined && stream.sessionId !== push.sessionId;
    if (stream && newSession && push.readings.reduce((max, r) => Math.max(max, r.tMs), -Infinity) <= stream.merger.newestMs) {
      return { ...result, stale: true };
    }
    if (!stream) {
      const merger = new SensorLoggerMerger({ ...opts.merge, frames });
      stream = { room, sessionId: push.sessionId, deviceId: sensorLoggerDeviceId(key), merger, link: null, sentUntilMs: -Infinity, live: true, flushTimer: null, idleTimer: null };
      streams.set(key, stream);
    }
    stream.live = true;
    clearTimers(stream);
    if (stream.room !== room) {
      // The phone was pointed at another room: the old room sees the device leave.
      linkEnd(stream);
      stream.room = room;
    }
    const ending = closing.get(stream.deviceId);
    if (ending) await ending;
    if (newSession) {
      // A new recording in the app is the same phone, so it stays the same device: the
      // old recording's held-back samples go out, then a fresh merger (new session, new
      // frames) takes over the same link. Nothing is lost and the room sees no
      // disconnect; a new link would make the hub cut off the old one mid-delivery.
      send(stream, stream.merger.flush().samples);
      stream.merger = new SensorLoggerMerger({ ...opts.merge, frames, afterMs: stream.sentUntilMs });
      stream.sessionId = push.sessionId;
    }
    const merged = stream.merger.ingest(push.readings, push.android);
    send(stream, merged.samples);
    touch(key, stream);
    const { accepted, duplicates, late, unpaired, noAcceleration } = merged;
    return { ...result, deviceId: stream.deviceId, accepted, duplicates, late, unpaired, noAcceleration, samples: merged.samples.length };
  };

  return {
    push(room, push, frames = "auto") {
      const key = push.deviceId;
      const taken = (queues.get(key) ?? Promise.resolve()).then(() => pushNow(room, push, frames));
      const queued = taken.catch(() => undefined);
      queues.set(key, queued);
      void queued.then(() => {
        if (queues.get(key) === queued) queues.delete(key);
      });
      return taken;
    },
    get size() {
      return [...streams.values()].filter((s) => s.link).length;
    },
    async close() {
      closed = true;
      // Pushes under way finish first, so no link opens after the others closed.
      await Promise.all([...queues.values()]);
      for (const stream of streams.values()) {
        clearTimers(stream);
        linkEnd(stream);
      }
      streams.clear();
      await Promise.all([...closing.values()]);
    },
  };
}
