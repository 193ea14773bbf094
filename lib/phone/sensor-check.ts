import type { SampleTuple } from "@/lib/protocol/sample";
import type { DeviceMotionLike } from "./device-motion";

/**
 * - "ok": a real, non-zero reading arrived.
 * - "blocked": events keep coming but carry only zeros or nulls, which is how Android
 *   Chrome answers when "Motion sensors" is blocked in site settings (no error at all).
 * - "no-events": nothing arrives, e.g. a laptop, or a browser that never starts the sensors.
 */
export type SensorVerdict = "ok" | "blocked" | "no-events";

export interface SensorCheckOptions {
  /** Empty events spanning this long mean blocked. Default 1000 ms. */
  blockedAfterMs?: number;
  /** Silence this long (from the start or the last event) means no events. Default 1500 ms. */
  silentAfterMs?: number;
}

/** A converted sample, the raw event, or null for an event that converted to nothing. */
export type SensorReading = SampleTuple | DeviceMotionLike | null;

const nonZero = (v: number | null | undefined) => typeof v === "number" && Number.isFinite(v) && v !== 0;

/** True when any sensor value (not the timestamp) is a real non-zero number. */
export function readingHasSignal(r: SensorReading): boolean {
  if (r === null) return false;
  if (Array.isArray(r)) return r.some((v, i) => i > 0 && nonZero(v));
  const g = r.accelerationIncludingGravity;
  const a = r.acceleration;
  const w = r.rotationRate;
  return [g?.x, g?.y, g?.z, a?.x, a?.y, a?.z, w?.alpha, w?.beta, w?.gamma].some(nonZero);
}

/**
 * Decides from the first second or so of motion events whether the phone's sensors
 * really deliver. Feed every event; call `poll` from a timer too, because "no events"
 * cannot be noticed by an event. Clock: any monotonic ms (performance.now()).
 *
 * "ok" is final. "blocked" and "no-events" are not: if real readings turn up later
 * (a sensor that was slow to start, a permission changed) the verdict becomes "ok".
 */
export class SensorCheck {
  private readonly blockedAfterMs: number;
  private readonly silentAfterMs: number;
  private firstEmptyAtMs: number | null = null;
  private lastEventAtMs: number | null = null;
  private current: SensorVerdict | null = null;

  constructor(
    private readonly startMs: number,
    opts: SensorCheckOptions = {},
  ) {
    this.blockedAfterMs = opts.blockedAfterMs ?? 1000;
    this.silentAfterMs = opts.silentAfterMs ?? 1500;
  }

  /** The verdict so far, null while undecided. */
  get verdict(): SensorVerdict | null {
    return this.current;
  }

  feed(tMs: number, reading: SensorReading): SensorVerdict | null {
    if (this.current === "ok") return this.current;
    // After a silence, "keep arriving" starts over.
    if (this.lastEventAtMs !== null && tMs - this.lastEventAtMs >= this.silentAfterMs) this.firstEmptyAtMs = null;
    this.lastEventAtMs = tMs;
    if (readingHasSignal(reading)) {
      this.current = "ok";
    } else {
      this.firstEmptyAtMs ??= tMs;
      if (tMs - this.firstEmptyAtMs >= this.blockedAfterMs) this.current = "blocked";
    }
    return this.current;
  }

  poll(tMs: number): SensorVerdict | null {
    if (this.current === "ok") return this.current;
    if (tMs - (this.lastEventAtMs ?? this.startMs) >= this.silentAfterMs) this.current = "no-events";
    return this.current;
  }
}
