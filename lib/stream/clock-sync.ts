import { RingBuffer } from "./ring-buffer";

/** The server clock relative to the local one: server = local + offsetMs. */
export interface ClockEstimate {
  offsetMs: number;
  /** Round-trip time of the exchange the offset comes from, ms. Bounds its error to ±rttMs/2. */
  rttMs: number;
}

export interface ClockSyncOptions {
  /** How many of the newest exchanges to choose from. Default 16. */
  window?: number;
}

const COL_OFFSET_MS = 0;
const COL_RTT_MS = 1;

/**
 * Estimates the server clock from ping exchanges, NTP style: the offset of RFC 5905
 * §8 and the idea of its clock filter (§10) of trusting the least-delayed sample.
 *
 * One exchange: the client sends at local t0, the server stamps ts, the reply lands
 * at local t1. Assuming the server stamped halfway, offset = ts - (t0 + t1) / 2; it
 * is wrong by at most half the round trip, and by exactly half the asymmetry of the
 * two legs. Queueing only ever adds delay, so the exchange with the smallest round
 * trip is the one least distorted: the estimate comes from it rather than from an
 * average that a single Wi-Fi stall would drag. Only the newest `window` exchanges
 * compete, so a route that got slower is followed and clock drift cannot pile up.
 */
export class ClockSync {
  /** (offset, round trip) of the newest exchanges, ms. */
  private readonly exchanges: RingBuffer;
  private readonly row = new Float64Array(2);

  constructor(opts: ClockSyncOptions = {}) {
    const window = opts.window ?? 16;
    if (!Number.isSafeInteger(window) || window < 1) {
      throw new RangeError(`window must be a positive integer, got ${window}`);
    }
    this.exchanges = new RingBuffer(window, 2);
  }

  /**
   * Records one exchange (t0Ms and t1Ms on the local clock, serverMs on the server's).
   * Returns false and ignores it when it cannot be real: a reply before its ping
   * (the local wall clock was set back in between) or a non-finite time.
   */
  addExchange(t0Ms: number, serverMs: number, t1Ms: number): boolean {
    if (!Number.isFinite(t0Ms) || !Number.isFinite(serverMs) || !Number.isFinite(t1Ms) || t1Ms < t0Ms) {
      return false;
    }
    this.row[COL_OFFSET_MS] = serverMs - (t0Ms + t1Ms) / 2;
    this.row[COL_RTT_MS] = t1Ms - t0Ms;
    this.exchanges.push(this.row);
    return true;
  }

  /** From the exchange with the smallest round trip in the window (the newest on a tie); null before any. */
  get estimate(): ClockEstimate | null {
    let best = -1;
    let bestRttMs = Infinity;
    // Newest first, so that a tie keeps the newest exchange.
    for (let row = this.exchanges.length - 1; row >= 0; row--) {
      const rttMs = this.exchanges.at(row, COL_RTT_MS);
      if (rttMs < bestRttMs) {
        bestRttMs = rttMs;
        best = row;
      }
    }
    return best < 0 ? null : { offsetMs: this.exchanges.at(best, COL_OFFSET_MS), rttMs: bestRttMs };
  }

  /** Exchanges in the window now, at most `window`. */
  get count(): number {
    return this.exchanges.length;
  }

  /** Forgets every exchange, e.g. after switching to another server. */
  reset(): void {
    this.exchanges.clear();
  }
}
