import type { RingBuffer } from "../stream/ring-buffer";

/**
 * The last few seconds of some channels of a {@link RingBuffer}, laid out the way
 * uPlot wants them: `[x, ...series]`, x in seconds relative to "now" (≤ 0).
 *
 * Filled once per animation frame, so it reuses its arrays: each frame only changes
 * their length and contents, and the chart receives the same array objects.
 */
export class ChartWindow {
  /** `[x, ...series]`; the arrays are the same objects on every frame. */
  readonly data: [number[], ...number[][]];

  constructor(
    /** Ring columns to plot, in series order. */
    private readonly channels: readonly number[],
    readonly windowMs: number,
  ) {
    this.data = [[], ...channels.map(() => [])];
  }

  /**
   * Copies the rows whose time column `timeCol` lies within `windowMs` before `nowMs`,
   * plus one older row so the lines run into the left edge instead of stopping short.
   * Returns the number of rows.
   */
  fill(ring: RingBuffer, timeCol: number, nowMs: number): number {
    const start = this.firstRowAfter(ring, timeCol, nowMs - this.windowMs);
    const n = ring.length - Math.max(0, start - 1);
    const x = this.data[0];
    x.length = n;
    ring.copyChannel(timeCol, x, n);
    for (let i = 0; i < n; i++) x[i] = (x[i]! - nowMs) / 1000;
    for (let s = 0; s < this.channels.length; s++) {
      const column = this.data[s + 1]!;
      column.length = n;
      ring.copyChannel(this.channels[s]!, column, n);
    }
    return n;
  }

  clear(): void {
    for (const column of this.data) column.length = 0;
  }

  /** Binary search: rows are in arrival order, which is time order. */
  private firstRowAfter(ring: RingBuffer, timeCol: number, tMs: number): number {
    let lo = 0;
    let hi = ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ring.at(mid, timeCol) < tMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
