import type { DeviceInfo } from "../protocol/events";
import type { ClockEstimate, DeviceSource, Platform } from "../protocol/schemas";
import { SequenceTracker } from "../stream/sequence-tracker";
import { StreamHealth, type StreamHealthSnapshot } from "../stream/stream-health";

type WindowedHealth = Pick<StreamHealthSnapshot, "rateHz" | "jitterMs" | "latencyMsP50" | "latencyMsP95">;

/** Windowed health is refreshed in this many staggered slots per second (see the hub's ticker). */
export const HEALTH_SLOTS = 10;
let nextSlot = 0;

/**
 * What the server keeps about one device. It outlives the device's socket: a phone
 * that drops off keeps its sequence state, so the backlog it flushes on reconnect
 * is deduplicated against what already arrived.
 */
export class DeviceRecord {
  socketId: string | null = null;
  /** The viewer socket whose scene the phone mirrors now: cleared on the phone when that viewer goes away. */
  mirrorFrom: string | null = null;
  sequence = new SequenceTracker();
  session: string | null = null;
  readonly health = new StreamHealth();
  clock: ClockEstimate | null = null;
  lastSampleAtMs: number | null = null;
  lastSeenMs: number;
  /** Which tenth of a second this device's windowed health is refreshed in. */
  readonly healthSlot = nextSlot++ % HEALTH_SLOTS;
  private windowed: WindowedHealth | null = null;

  constructor(
    readonly id: string,
    public name: string,
    public source: DeviceSource,
    public platform: Platform,
    nowMs: number,
  ) {
    this.lastSeenMs = nowMs;
  }

  /**
   * Recomputes rate, jitter and latency percentiles (~10 µs: they scan and sort
   * windows). The hub spreads these over the second: computing a hundred devices at
   * once stalled the relay for ~3 ms each second, which was its whole p99.
   */
  refreshWindowedHealth(nowMs: number) {
    const nowPhoneMs = this.lastSampleAtMs !== null && this.clock ? nowMs - this.clock.offsetMs : undefined;
    const { rateHz, jitterMs, latencyMsP50, latencyMsP95 } = this.health.snapshot(nowPhoneMs);
    this.windowed = { rateHz, jitterMs, latencyMsP50, latencyMsP95 };
  }

  /** Counters are exact; windowed figures are at most a second old. */
  info(nowMs: number): DeviceInfo {
    if (!this.windowed) this.refreshWindowedHealth(nowMs);
    const h = { ...this.health.counters(), ...this.windowed! };
    return {
      id: this.id,
      name: this.name,
      source: this.source,
      platform: this.platform,
      connected: this.socketId !== null,
      samples: h.samples,
      rateHz: round(h.rateHz, 1),
      jitterMs: round(h.jitterMs, 2),
      gaps: h.gaps,
      dropped: h.dropped,
      duplicates: h.duplicates,
      clockOffsetMs: this.clock ? round(this.clock.offsetMs, 2) : null,
      rttMs: this.clock ? round(this.clock.rttMs, 2) : null,
      latencyMsP50: h.latencyMsP50 === null ? null : round(h.latencyMsP50, 2),
      latencyMsP95: h.latencyMsP95 === null ? null : round(h.latencyMsP95, 2),
      lastSampleAtMs: this.lastSampleAtMs,
    };
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
