/**
 * Events per second over a sliding window, from arrival times. Cheap enough to call
 * on every sensor event; read it a few times a second for display.
 */
export class RateMeter {
  private readonly times: number[] = [];
  private head = 0;

  /** @param windowMs length of the window, ms. */
  constructor(private readonly windowMs = 1000) {}

  /** Arrival time of the newest event, ms, or null before the first. */
  get lastAtMs(): number | null {
    return this.times.length > this.head ? this.times[this.times.length - 1]! : null;
  }

  add(tMs: number) {
    this.times.push(tMs);
  }

  /** Events in the window ending at `nowMs`, per second. */
  rateHz(nowMs: number): number {
    const since = nowMs - this.windowMs;
    while (this.head < this.times.length && this.times[this.head]! <= since) this.head++;
    // Drop the consumed prefix now and then rather than shifting on every call.
    if (this.head > 256 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    return ((this.times.length - this.head) * 1000) / this.windowMs;
  }

  reset() {
    this.times.length = 0;
    this.head = 0;
  }
}
