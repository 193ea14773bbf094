import type { DeviceInfo } from "../protocol/events";
import type { ClockEstimate, DeviceSource, Platform } from "../protocol/schemas";
import { SequenceTracker } from "../stream/sequence-tracker";
import { StreamHealth } from "../stream/stream-health";

/**
 * What the server keeps about one device. It outlives the device's socket: a phone
 * that drops off keeps its sequence state, so the backlog it flushes on reconnect
 * is deduplicated against what already arrived.
 */
export class DeviceRecord {
  socketId: string | null = null;
  sequence = new SequenceTracker();
  session: string | null = null;
  readonly health = new StreamHealth();
  clock: ClockEstimate | null = null;
  lastSampleAtMs: number | null = null;
  lastSeenMs: number;

  constructor(
    readonly id: string,
    public name: string,
    public source: DeviceSource,
    public platform: Platform,
    nowMs: number,
  ) {
    this.lastSeenMs = nowMs;
  }

  info(nowMs: number): DeviceInfo {
    const newestPhoneMs =
      this.lastSampleAtMs !== null && this.clock ? nowMs - this.clock.offsetMs : undefined;
    const h = this.health.snapshot(newestPhoneMs);
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
