/**
 * One sensor's readings sorted by time, each time held once. Readings arrive mostly
 * in order (push after push) but a push may list them in any order and a retried push
 * repeats them, so inserts search from the end and refuse an exact repeat.
 */
export class TimedBuffer<T extends { tMs: number }> {
  private items: T[] = [];

  /** False when a reading with exactly this time is already held: the same reading sent again. */
  insert(item: T): boolean {
    const last = this.items.at(-1);
    if (!last || item.tMs > last.tMs) {
      this.items.push(item);
      return true;
    }
    const i = this.lowerBound(item.tMs);
    if (this.items[i]?.tMs === item.tMs) return false;
    this.items.splice(i, 0, item);
    return true;
  }

  /** The reading closest in time to `tMs`, if one lies within `toleranceMs`. */
  nearest(tMs: number, toleranceMs: number): T | null {
    const [before, after] = this.around(tMs);
    const dBefore = before ? tMs - before.tMs : Infinity;
    const dAfter = after ? after.tMs - tMs : Infinity;
    const best = dBefore <= dAfter ? before : after;
    return best && Math.min(dBefore, dAfter) <= toleranceMs ? best : null;
  }

  /** The last reading at or before `tMs` and the first after it. */
  around(tMs: number): [T | null, T | null] {
    const i = this.lowerBound(tMs);
    const at = this.items[i];
    if (at && at.tMs === tMs) return [at, at];
    return [this.items[i - 1] ?? null, at ?? null];
  }

  /** Readings with `fromMs < tMs <= toMs`, oldest first. */
  between(fromMs: number, toMs: number): T[] {
    let i = this.lowerBound(fromMs);
    if (this.items[i]?.tMs === fromMs) i++;
    const out: T[] = [];
    for (; i < this.items.length && this.items[i]!.tMs <= toMs; i++) out.push(this.items[i]!);
    return out;
  }

  /** Forgets readings older than `tMs`. */
  dropBefore(tMs: number) {
    const i = this.lowerBound(tMs);
    if (i > 0) this.items.splice(0, i);
  }

  /** Index of the first reading at or after `tMs`. */
  private lowerBound(tMs: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.tMs < tMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
