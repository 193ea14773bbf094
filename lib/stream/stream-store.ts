import type { DeviceInfo, RoomState, StreamBatch } from "../protocol/events";
import { SAMPLE_WIDTH, type SampleTuple } from "../protocol/sample";
import { RingBuffer } from "./ring-buffer";
import { SequenceTracker } from "./sequence-tracker";
import { StreamHealth, type StreamHealthSnapshot } from "./stream-health";

/** Column of the server time (ms) of each row, after the sample's own fields. */
export const COL_SERVER_MS = SAMPLE_WIDTH;
export const STORE_COLUMNS = SAMPLE_WIDTH + 1;

/** Called for every new sample, in order, exactly once (for fusion and other per-sample consumers). */
export type SampleListener = (deviceId: string, sample: SampleTuple, serverMs: number) => void;

export interface DeviceStream {
  id: string;
  /** Rows: the sample tuple's fields, then its server time. Nulls are NaN. */
  readonly ring: RingBuffer;
  readonly health: StreamHealth;
  /** Sequence numbers of the device's current link session. */
  sequence: SequenceTracker;
  session: string;
  /** Phone clock to server clock of the newest batch. */
  clockOffsetMs: number;
}

/**
 * The desktop's copy of every stream in its room. Socket handlers write, frame loops
 * (charts, 3D) read `devices` directly; React only hears about room-level changes
 * through `subscribe`, never about single samples.
 */
export class StreamStore {
  readonly devices = new Map<string, DeviceStream>();
  room: RoomState | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly sampleListeners = new Set<SampleListener>();
  private readonly row = new Float64Array(STORE_COLUMNS);

  constructor(private readonly capacityRows = 200 * 30) {}

  /** `arrivalServerMs`: the desktop's clock mapped to server time at arrival. */
  addBatch(batch: StreamBatch, arrivalServerMs: number | null) {
    let d = this.devices.get(batch.deviceId);
    if (!d) {
      d = {
        id: batch.deviceId,
        ring: new RingBuffer(this.capacityRows, STORE_COLUMNS),
        health: new StreamHealth(),
        sequence: new SequenceTracker(),
        session: batch.session,
        clockOffsetMs: batch.clockOffsetMs,
      };
      this.devices.set(d.id, d);
      this.emit();
    }
    if (d.session !== batch.session) {
      d.session = batch.session;
      d.sequence = new SequenceTracker();
    }
    d.clockOffsetMs = batch.clockOffsetMs;
    const accepted = d.sequence.accept(batch.seq, batch.samples.length);
    d.health.addDuplicates(accepted.duplicates);
    d.health.addDropped(accepted.dropped);
    const row = this.row;
    for (let i = accepted.freshFrom; i < batch.samples.length; i++) {
      const s = batch.samples[i]!;
      for (let c = 0; c < SAMPLE_WIDTH; c++) row[c] = s[c] ?? NaN;
      const serverMs = s[0] + batch.clockOffsetMs;
      row[COL_SERVER_MS] = serverMs;
      d.ring.push(row);
      d.health.addSample(s[0], arrivalServerMs === null ? null : arrivalServerMs - serverMs);
      for (const l of this.sampleListeners) l(d.id, s, serverMs);
    }
  }

  setRoom(state: RoomState) {
    this.room = state;
    this.emit();
  }

  /** Health figures for some devices of the current room (`room:health`). */
  mergeDeviceInfo(code: string, devices: DeviceInfo[]) {
    const room = this.room;
    if (!room || room.code !== code) return;
    const byId = new Map(devices.map((d) => [d.id, d]));
    this.room = { ...room, devices: room.devices.map((d) => byId.get(d.id) ?? d) };
    this.emit();
  }

  /** Desktop-side health: what this viewer actually received, with phone-to-desktop latency. */
  health(deviceId: string, nowServerMs?: number): StreamHealthSnapshot | null {
    const d = this.devices.get(deviceId);
    if (!d) return null;
    return d.health.snapshot(nowServerMs === undefined ? undefined : nowServerMs - d.clockOffsetMs);
  }

  /** Per-sample consumers run as a batch is stored, so a frame drawn after it sees the newest sample. */
  onSample(listener: SampleListener): () => void {
    this.sampleListeners.add(listener);
    return () => this.sampleListeners.delete(listener);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit() {
    for (const l of this.listeners) l();
  }
}
