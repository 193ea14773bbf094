import type { SlotId } from "../models/host-protocol";
import type { RingBuffer } from "../stream/ring-buffer";
import { ChartWindow } from "./desktop-chart-window";

/**
 * The score traces of both slots on one time axis for uPlot, which wants a single
 * x array: the two detectors score at their own hops, so their times are merged
 * and each series holds null where the other one scored. Arrays are reused
 * from frame to frame.
 */
export class ScoreTraces {
  /** `[x (s, ≤ 0), scoreA, scoreB]`. */
  readonly data: [number[], (number | null)[], (number | null)[]] = [[], [], []];
  private readonly windows: Record<SlotId, ChartWindow>;

  constructor(windowMs: number) {
    this.windows = { A: new ChartWindow([1], windowMs), B: new ChartWindow([1], windowMs) };
  }

  fill(rings: Record<SlotId, RingBuffer>, nowMs: number): void {
    const [xa, ya] = this.windows.A.data;
    const [xb, yb] = this.windows.B.data;
    if (rings.A.length) this.windows.A.fill(rings.A, 0, nowMs);
    else this.windows.A.clear();
    if (rings.B.length) this.windows.B.fill(rings.B, 0, nowMs);
    else this.windows.B.clear();
    const [x, a, b] = this.data;
    x.length = a.length = b.length = 0;
    let i = 0;
    let j = 0;
    while (i < xa.length || j < xb!.length) {
      const ta = i < xa.length ? xa[i]! : Infinity;
      const tb = j < xb!.length ? xb![j]! : Infinity;
      if (ta === tb) {
        x.push(ta);
        a.push(ya![i++]!);
        b.push(yb![j++]!);
      } else if (ta < tb) {
        x.push(ta);
        a.push(ya![i++]!);
        b.push(null);
      } else {
        x.push(tb);
        a.push(null);
        b.push(yb![j++]!);
      }
    }
  }
}
