import { PROTOCOL_VERSION } from "../protocol/version";
import { ClockSync, type ClockEstimate } from "../stream/clock-sync";
import type { LinkSocket } from "./link-socket";

/**
 * Keeps a client's estimate of the server clock fresh: a quick burst of pings on
 * every (re)connect so the first batches already have an offset, then one every
 * few seconds so drift and route changes are followed.
 */
export class ClockPinger {
  readonly sync = new ClockSync();
  private timers: ReturnType<typeof setTimeout>[] = [];
  private interval: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly socket: LinkSocket,
    private readonly nowMs: () => number,
    private readonly onEstimate: (e: ClockEstimate) => void = () => {},
    private readonly periodMs = 3000,
  ) {}

  start() {
    this.stop();
    for (let i = 0; i < 6; i++) this.timers.push(setTimeout(() => this.ping(), i * 60));
    this.interval = setInterval(() => this.ping(), this.periodMs);
  }

  stop() {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }

  ping() {
    if (!this.socket.connected) return;
    const t0 = this.nowMs();
    this.socket.emit("clock:ping", { v: PROTOCOL_VERSION, tMs: t0 }, (res) => {
      if (!res.ok) return;
      this.sync.addExchange(t0, res.serverTimeMs, this.nowMs());
      const e = this.sync.estimate;
      if (e) this.onEstimate(e);
    });
  }
}
