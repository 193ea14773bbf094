import type { SlotId } from "../models/host-protocol";
import type { RingBuffer } from "../stream/ring-buffer";
import { ChartWindow } from "./desktop-chart-window";

/**
 * The score traces of several slots on one time axis for uPlot, which wants a single
 * x array: the detectors score at their own hops, so their times are merged and
 * each series holds null where another one scored. Arrays are reused from frame
 * to frame.
 */
export class ScoreTraces {
  /** `[x (s, ≤ 0), score of slot 1, score of slot 2, ...]`. */
  readonly data: [number[], ...(number | null)[][]];
  private readonly series: (number | null)[][];
  private readonly windows: ChartWindow[];
  private readonly cursors: number[];

  constructor(
    private readonly slots: readonly SlotId[],
    windowMs: number,
  ) {
    this.windows = slots.map(() => new ChartWindow([1], windowMs));
    this.cursors = slots.map(() => 0);
    this.series = slots.map(() => []);
    this.data = [[], ...this.series];
  }

  fill(rings: Record<SlotId, RingBuffer>, nowMs: number): void {
    const n = this.slots.length;
    for (let k = 0; k < n; k++) {
      const ring = rings[this.slots[k]!];
      if (ring?.length) this.windows[k]!.fill(ring, 0, nowMs);
      else this.windows[k]!.clear();
      this.cursors[k] = 0;
    }
    for (const column of this.data) column.length = 0;
    const [x] = this.data;
    for (;;) {
      let t = Infinity;
      for (let k = 0; k < n; k++) {
        const xs = this.windows[k]!.data[0]!;
        const i = this.cursors[k]!;
        if (i < xs.length && xs[i]! < t) t = xs[i]!;
      }
      if (t === Infinity) return;
      x.push(t);
      for (let k = 0; k < n; k++) {
        const [xs, ys] = this.windows[k]!.data;
        const i = this.cursors[k]!;
        if (i < xs!.length && xs![i] === t) {
          this.series[k]!.push(ys![i]!);
          this.cursors[k] = i + 1;
        } else this.series[k]!.push(null);
      }
    }
  }
}
