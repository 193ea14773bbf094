import { randomBytes } from "node:crypto";
import { PhoneLink } from "../client/phone-link";
import type { SessionData } from "../data/session-data";
import type { ReplayInfo, replayStartSchema } from "../protocol/recordings";
import { roomCodeFormat } from "../protocol/room-code";
import { SAMPLE_WIDTH, type SampleTuple } from "../protocol/sample";
import type { RecordingStore } from "../recordings/recording-store";
import { RecordingStoreError } from "../recordings/recording-store-error";
import type { Hub } from "./hub";
import type { z } from "zod";

export interface ReplayDeps {
  store: RecordingStore;
  hub: Hub;
  /** The server's own URL: a replay joins over socket.io exactly as a phone does. */
  serverUrl: () => string;
  tickMs?: number;
}

interface Track {
  link: PhoneLink;
  deviceId: string;
  rows: Float64Array;
  /** Rows to play: [from, to). */
  from: number;
  to: number;
  cursor: number;
  /** Recording clock = row tMs + offset. */
  offsetMs: number;
}

interface Playing {
  info: ReplayInfo;
  tracks: Track[];
  /** Recording-clock time of the first row played; rows are stamped `base + (t - t0)`. */
  t0: number;
  durationMs: number;
  base: number;
  realStartMs: number;
  timer: ReturnType<typeof setInterval> | null;
}

/** Keeps a finished replay listed a while so its screen can show "done". */
const DONE_KEPT_MS = 60_000;
/** Each playing replay holds its recording in memory and sends like a phone: a few at once are plenty. */
export const MAX_PLAYING_REPLAYS = 8;

/**
 * Streams stored recordings back into a room through the live pipeline: each
 * recorded device becomes a `replay` device whose PhoneLink sends its samples over
 * socket.io as a phone would. Samples keep their original spacing, stamped on a
 * clock that runs `speed` times real time, so at 5x a detector sees the same motion,
 * five times sooner.
 */
export class ReplayRunner {
  private readonly replays = new Map<string, Playing>();

  constructor(private readonly deps: ReplayDeps) {}

  async start(recordingId: string, req: z.output<typeof replayStartSchema>): Promise<ReplayInfo> {
    const summary = this.deps.store.summary(recordingId);
    if (!summary) throw new RecordingStoreError(404, `No recording ${recordingId}.`);
    if (summary.status === "recording") throw new RecordingStoreError(409, "That recording is still running: stop it before replaying it.");
    const room = this.deps.hub.rooms.get(req.room);
    if (!room) throw new RecordingStoreError(404, `No room ${roomCodeFormat(req.room)}: open it on the desktop first.`);
    const playing = [...this.replays.values()].filter((p) => p.info.status === "playing").length;
    if (playing >= MAX_PLAYING_REPLAYS) throw new RecordingStoreError(409, `${playing} replays are playing already: stop one first.`);
    const session = await this.deps.store.session(recordingId);
    if (!session) throw new RecordingStoreError(404, `No recording ${recordingId}.`);
    const id = randomBytes(4).toString("hex");
    const spans = playSpans(session);
    if (spans.length === 0) throw new RecordingStoreError(400, "The recording has no samples to replay (inside its trim).");
    const t0 = Math.min(...spans.map((s) => s.rows[s.from * SAMPLE_WIDTH]! + s.device.clockOffsetMs));
    const t1 = Math.max(...spans.map((s) => s.rows[(s.to - 1) * SAMPLE_WIDTH]! + s.device.clockOffsetMs));
    const now = Date.now();
    const p: Playing = {
      info: {
        id,
        recordingId,
        room: room.code,
        speed: req.speed,
        loop: req.loop,
        deviceIds: spans.map((_, i) => `replay-${id}-${i}`),
        startedAtMs: now,
        progress: 0,
        status: "playing",
        error: null,
      },
      tracks: [],
      t0,
      durationMs: t1 - t0,
      base: now,
      realStartMs: now,
      timer: null,
    };
    // The replayed phone's clock: starts at real time and runs `speed` times as fast.
    const virtualNowMs = () => p.realStartMs + (Date.now() - p.realStartMs) * req.speed;
    p.tracks = spans.map((s, i) => ({
      link: new PhoneLink({
        url: this.deps.serverUrl(),
        room: room.code,
        deviceId: p.info.deviceIds[i]!,
        name: `Replay: ${s.device.name}`.slice(0, 40),
        source: "replay",
        platform: s.device.platform,
        nowMs: virtualNowMs,
        // Exact, where pings would lag behind a clock running faster than real time.
        clock: () => ({ offsetMs: Date.now() - virtualNowMs(), rttMs: 0 }),
        onStatus: (status, detail) => {
          if (status === "failed" && p.info.status === "playing") this.end(p, "failed", detail ?? "the replay could not join the room");
        },
      }),
      deviceId: p.info.deviceIds[i]!,
      rows: s.rows,
      from: s.from,
      to: s.to,
      cursor: s.from,
      offsetMs: s.device.clockOffsetMs,
    }));
    p.timer = setInterval(() => this.tick(p, virtualNowMs()), this.deps.tickMs ?? 10);
    this.replays.set(id, p);
    return { ...p.info };
  }

  stop(id: string): ReplayInfo {
    const p = this.replays.get(id);
    if (!p) throw new RecordingStoreError(404, `No replay ${id}.`);
    if (p.info.status === "playing") this.end(p, "stopped", null);
    return { ...p.info };
  }

  list(): ReplayInfo[] {
    return [...this.replays.values()].map((p) => ({ ...p.info }));
  }

  /** Server shutdown: links close at once (no drain: the hub is going away too). */
  close(): void {
    for (const p of this.replays.values()) {
      if (p.timer) clearInterval(p.timer);
      p.timer = null;
      if (p.info.status === "playing") p.info.status = "stopped";
      for (const tr of p.tracks) tr.link.close();
    }
    this.replays.clear();
  }

  private tick(p: Playing, vNowMs: number) {
    let played = 0;
    let total = 0;
    for (const tr of p.tracks) {
      while (tr.cursor < tr.to) {
        const tMs = p.base + (tr.rows[tr.cursor * SAMPLE_WIDTH]! + tr.offsetMs - p.t0);
        if (tMs > vNowMs) break;
        tr.link.push(rowTuple(tr.rows, tr.cursor, tMs));
        tr.cursor++;
      }
      played += tr.cursor - tr.from;
      total += tr.to - tr.from;
    }
    p.info.progress = total > 0 ? played / total : 1;
    if (played < total) return;
    if (p.info.loop) {
      // The next pass continues the clock, so the pipeline sees one long, still increasing stream.
      p.base += p.durationMs + 1000;
      for (const tr of p.tracks) tr.cursor = tr.from;
      return;
    }
    this.end(p, "done", null);
  }

  private end(p: Playing, status: ReplayInfo["status"], error: string | null) {
    if (p.timer) clearInterval(p.timer);
    p.timer = null;
    p.info.status = status;
    p.info.error = error;
    void Promise.all(p.tracks.map((tr) => tr.link.drain(5000))).then(() => {
      for (const tr of p.tracks) tr.link.close();
      // Let the hub see the sockets go before the devices are taken off the room's list.
      setTimeout(() => {
        const room = this.deps.hub.rooms.get(p.info.room);
        if (room) for (const tr of p.tracks) this.deps.hub.deviceForget(room, tr.deviceId);
      }, 200).unref();
      setTimeout(() => this.replays.delete(p.info.id), DONE_KEPT_MS).unref();
    });
  }
}

/** Each device's rows inside the trim (recording clock), skipping devices with none. */
function playSpans(s: SessionData) {
  const out = [];
  for (const device of s.devices) {
    let from = 0;
    let to = device.length;
    if (s.trim) {
      const t = (i: number) => device.samples[i * SAMPLE_WIDTH]! + device.clockOffsetMs;
      while (from < to && t(from) < s.trim.startMs) from++;
      while (to > from && t(to - 1) >= s.trim.endMs) to--;
    }
    if (to > from) out.push({ device, rows: device.samples, from, to });
  }
  return out;
}

function rowTuple(rows: Float64Array, i: number, tMs: number): SampleTuple {
  const v = (f: number) => {
    const x = rows[i * SAMPLE_WIDTH + f]!;
    return Number.isNaN(x) ? null : x;
  };
  return [tMs, rows[i * SAMPLE_WIDTH + 1]!, rows[i * SAMPLE_WIDTH + 2]!, rows[i * SAMPLE_WIDTH + 3]!, v(4), v(5), v(6), v(7), v(8), v(9), v(10), v(11), v(12)];
}
