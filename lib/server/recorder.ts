import type { StreamBatch } from "../protocol/events";
import type { SampleTuple } from "../protocol/sample";
import type { LiveRecordingInfo, RecordingSummary, recordingStartSchema, recordedEventInSchema } from "../protocol/recordings";
import { roomCodeFormat } from "../protocol/room-code";
import { protocolSchedule } from "../recordings/protocol-schedule";
import type { SampleChunk } from "../recordings/recording-samples";
import type { RecordingStore } from "../recordings/recording-store";
import { RecordingStoreError } from "../recordings/recording-store-error";
import type { DeviceRecord } from "./device-record";
import type { Hub } from "./hub";
import type { Room } from "./room-registry";
import type { z } from "zod";

export interface RecorderDeps {
  store: RecordingStore;
  hub: Hub;
  nowMs?: () => number;
  /** How often buffered samples are committed; the bound is 1 s from arrival. */
  flushIntervalMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

interface ActiveDevice {
  row: number;
  /** Number of the next sample of this device in the recording. */
  n: number;
  offsetMs: number;
  /** False while the offset is the hub's guess (no clock estimate from the phone yet). */
  offsetMeasured: boolean;
  lastTMs: number;
}

interface Active {
  id: string;
  room: Room;
  info: LiveRecordingInfo;
  devices: Map<string, ActiveDevice>;
  timers: ReturnType<typeof setTimeout>[];
}

/** A key press may carry the desktop's clock; beyond this from the server's, the server's wins. */
const KEY_CLOCK_TRUST_MS = 5000;
/**
 * Samples kept in memory while the database refuses writes (~100 s of 100 phones at
 * 60 Hz). Past it the running recordings end as interrupted rather than the server
 * running out of memory.
 */
const MAX_PENDING_SAMPLES = 600_000;

/**
 * Records rooms on the server, so that a desktop tab closing or reloading loses
 * nothing: every batch the hub relays is buffered here and committed every
 * `flushIntervalMs` in one transaction. Live labels and the prompted protocol are
 * kept here too, on the server's clock.
 */
export class Recorder {
  private readonly active = new Map<string, Active>();
  private pending: SampleChunk[] = [];
  private pendingSamples = 0;
  private readonly nowMs: () => number;
  private readonly log: (msg: string, err?: unknown) => void;
  private readonly flushTimer: ReturnType<typeof setInterval>;
  private readonly unsubscribe: () => void;
  private lastFlushErrorMs = 0;

  constructor(private readonly deps: RecorderDeps) {
    this.nowMs = deps.nowMs ?? Date.now;
    this.log = deps.log ?? ((msg, err) => console.error(`[recorder] ${msg}`, err ?? ""));
    this.unsubscribe = deps.hub.onBatch((room, device, batch) => this.onBatch(room, device, batch));
    this.flushTimer = setInterval(() => this.flush(), deps.flushIntervalMs ?? 200);
    this.flushTimer.unref();
  }

  /** `forStudy`: the room's study session starts its own recording; anyone else must wait for the session to end. */
  start(req: z.output<typeof recordingStartSchema>, forStudy = false): RecordingSummary {
    const room = this.deps.hub.rooms.get(req.room);
    if (!room) throw new RecordingStoreError(404, `No room ${roomCodeFormat(req.room)}: open it on the desktop first.`);
    if (!forStudy && room.study && room.study.phase !== "done") {
      throw new RecordingStoreError(409, `Room ${roomCodeFormat(room.code)} is running ${room.study.participant}'s study session, which records it: wait for it to end.`);
    }
    if (room.recording) throw new RecordingStoreError(409, `Room ${roomCodeFormat(room.code)} is already recording "${room.recording.name}": stop it first.`);
    if (req.deviceId && !room.devices.has(req.deviceId)) {
      throw new RecordingStoreError(404, `No device "${req.deviceId}" in room ${roomCodeFormat(room.code)}.`);
    }
    const now = this.nowMs();
    const name = req.name ?? `${roomCodeFormat(room.code)} ${localMinute(now)}`;
    const id = this.deps.store.create({
      name,
      room: room.code,
      deviceFilter: req.deviceId ?? null,
      labelSet: req.labelSet,
      protocol: req.protocol ?? null,
      startedAtMs: now,
    });
    const info: LiveRecordingInfo = { id, name, deviceFilter: req.deviceId ?? null, startedAtMs: now, labelSet: req.labelSet, activeLabel: null, prompt: null };
    const active: Active = { id, room, info, devices: new Map(), timers: [] };
    this.active.set(id, active);
    room.recording = info;
    if (req.protocol) this.protocolRun(active, req.protocol, now);
    this.deps.hub.roomChanged(room);
    return this.deps.store.summary(id)!;
  }

  stop(id: string, reason = "stopped"): RecordingSummary {
    const a = this.active.get(id);
    if (!a) {
      const summary = this.deps.store.summary(id);
      if (!summary) throw new RecordingStoreError(404, `No recording ${id}.`);
      return summary;
    }
    this.flush();
    for (const t of a.timers) clearTimeout(t);
    if (a.info.prompt) this.deps.hub.devicePrompt(a.room, a.info.deviceFilter ? [a.info.deviceFilter] : null, null);
    this.deps.store.finish(id, "complete", reason, this.nowMs());
    this.active.delete(id);
    if (a.room.recording?.id === id) a.room.recording = null;
    this.deps.hub.roomChanged(a.room);
    return this.deps.store.summary(id)!;
  }

  /** A live key label: `label` starts now (closing the open one), null closes it. */
  label(id: string, label: string | null, atServerMs?: number): LiveRecordingInfo {
    const a = this.running(id);
    const now = this.nowMs();
    const claimed = atServerMs !== undefined && Math.abs(atServerMs - now) < KEY_CLOCK_TRUST_MS ? atServerMs : now;
    // Two key presses may arrive out of order, and a desktop's clock may trail a protocol step:
    // a label never starts before the recording or before the open label.
    const t = Math.max(claimed, a.info.startedAtMs, (a.info.activeLabel?.sinceMs ?? -Infinity) + 1);
    this.labelSet(a, label, t);
    this.deps.hub.roomChanged(a.room);
    return a.info;
  }

  /** Model events of a live runtime, converted from the device's clock to the recording's. */
  events(id: string, events: readonly z.output<typeof recordedEventInSchema>[]): void {
    const a = this.running(id);
    const converted = events.map((e) => {
      const offset = a.devices.get(e.deviceId)?.offsetMs ?? a.room.devices.get(e.deviceId)?.clock?.offsetMs;
      if (offset === undefined) throw new RecordingStoreError(400, `Device "${e.deviceId}" is not part of this recording.`);
      return { ...e, tMs: e.tMs + offset };
    });
    this.deps.store.eventsAdd(id, converted);
  }

  isRunning(id: string): boolean {
    return this.active.has(id);
  }

  /** Commits every buffered sample; on a failure they stay buffered for the next try. */
  flush(): void {
    if (this.pending.length === 0) return;
    const chunks = this.pending;
    this.pending = [];
    try {
      this.deps.store.samplesWrite(chunks);
      this.pendingSamples = 0;
    } catch (err) {
      this.pending = chunks.concat(this.pending);
      const now = this.nowMs();
      if (now - this.lastFlushErrorMs > 10_000) this.log(`cannot write ${this.pendingSamples} samples (kept in memory, retrying)`, err);
      this.lastFlushErrorMs = now;
      if (this.pendingSamples > MAX_PENDING_SAMPLES) this.abandon(`the database could not be written (${(err as Error).message})`);
    }
  }

  /** Ends every recording (server shutdown): they are complete, not interrupted. */
  close(): void {
    for (const id of [...this.active.keys()]) this.stop(id, "server stopped");
    this.flush();
    clearInterval(this.flushTimer);
    this.unsubscribe();
  }

  private onBatch(room: Room, device: DeviceRecord, batch: StreamBatch) {
    const id = room.recording?.id;
    const a = id ? this.active.get(id) : undefined;
    if (!a || (a.info.deviceFilter !== null && a.info.deviceFilter !== device.id)) return;
    let d = a.devices.get(device.id);
    if (!d) {
      const meta = { id: device.id, name: device.name, source: device.source, platform: device.platform, clockOffsetMs: batch.clockOffsetMs };
      d = { row: this.deps.store.deviceAdd(a.id, meta), n: 0, offsetMs: batch.clockOffsetMs, offsetMeasured: device.clock !== null, lastTMs: -Infinity };
      a.devices.set(device.id, d);
    } else if (!d.offsetMeasured && device.clock !== null) {
      // The first batch came before any clock estimate (the hub then guesses "arrived just now");
      // samples keep their own clock, so correcting the offset once moves them onto the right time.
      d.offsetMs = batch.clockOffsetMs;
      d.offsetMeasured = true;
      this.deps.store.deviceOffsetSet(d.row, d.offsetMs);
    }
    // A recording's rows are strictly increasing in time (exports and imports rely on it); a
    // phone page reloaded with a clock set back could repeat times, which are left out.
    const fresh = increasingAfter(batch.samples, d.lastTMs);
    if (fresh.length === 0) return;
    d.lastTMs = fresh[fresh.length - 1]![0];
    this.pending.push({ deviceRow: d.row, n0: d.n, samples: fresh });
    this.pendingSamples += fresh.length;
    d.n += fresh.length;
  }

  /** Ends every running recording without the database (it is failing); a restart would mark them the same way. */
  private abandon(reason: string) {
    this.log(`ending ${this.active.size} recording(s): ${reason}`);
    this.pending = [];
    this.pendingSamples = 0;
    for (const a of this.active.values()) {
      for (const t of a.timers) clearTimeout(t);
      try {
        this.deps.store.finish(a.id, "interrupted", reason, this.nowMs());
      } catch (err) {
        this.log(`cannot mark ${a.id} interrupted`, err);
      }
      if (a.room.recording?.id === a.id) a.room.recording = null;
      this.deps.hub.roomChanged(a.room);
    }
    this.active.clear();
  }

  private running(id: string): Active {
    const a = this.active.get(id);
    if (a) return a;
    throw this.deps.store.summary(id) ? new RecordingStoreError(409, "That recording has ended.") : new RecordingStoreError(404, `No recording ${id}.`);
  }

  private labelSet(a: Active, label: string | null, tMs: number) {
    this.deps.store.liveLabel(a.id, label, tMs);
    this.infoSet(a, { activeLabel: label === null ? null : { label, sinceMs: tMs } });
  }

  /** A new info object (screens compare by identity), which the room shows as its running recording. */
  private infoSet(a: Active, patch: Partial<LiveRecordingInfo>) {
    a.info = { ...a.info, ...patch };
    a.room.recording = a.info;
  }

  private protocolRun(a: Active, steps: Parameters<typeof protocolSchedule>[0], startMs: number) {
    const phases = protocolSchedule(steps, startMs);
    const targets = a.info.deviceFilter ? [a.info.deviceFilter] : null;
    const at = (tMs: number, fn: () => void) =>
      a.timers.push(
        setTimeout(() => {
          // A timer's exception would otherwise take the whole server down with every live recording.
          try {
            fn();
          } catch (err) {
            this.log(`prompted protocol step of ${a.id} failed`, err);
          }
        }, Math.max(0, tMs - this.nowMs())),
      );
    for (const phase of phases) {
      at(phase.fromMs, () => {
        if (phase.prompt.label !== null || a.info.activeLabel !== null) this.labelSet(a, phase.prompt.label, phase.fromMs);
        this.infoSet(a, { prompt: phase.prompt });
        this.deps.hub.devicePrompt(a.room, targets, phase.prompt);
        this.deps.hub.roomChanged(a.room);
      });
    }
    const endMs = phases[phases.length - 1]!.toMs;
    at(endMs, () => {
      if (a.info.activeLabel !== null) this.labelSet(a, null, endMs);
      this.infoSet(a, { prompt: null });
      this.deps.hub.devicePrompt(a.room, targets, null);
      this.deps.hub.roomChanged(a.room);
    });
  }
}

/** The samples whose time is later than every earlier one (all of them, uncopied, in the usual case). */
function increasingAfter(samples: readonly SampleTuple[], afterMs: number): readonly SampleTuple[] {
  let last = afterMs;
  const ok = samples.every((s) => s[0] > last && ((last = s[0]), true));
  if (ok) return samples;
  last = afterMs;
  return samples.filter((s) => s[0] > last && ((last = s[0]), true));
}

/** "2026-11-26 14:03" in the server's time zone: a default name a person recognises. */
function localMinute(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
