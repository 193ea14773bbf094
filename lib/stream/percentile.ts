/**
 * Order statistics for stream health: percentiles of a window already sorted, and a
 * median that slides along a stream without allocating.
 */

/**
 * The `percent` percentile (0-100) of the first `n` values of an ascending array,
 * interpolating linearly between the two nearest ranks (Hyndman & Fan 1996, type 7,
 * the default of numpy and R), so P50 of an even count is the mean of the middle two.
 * NaN when `n` is 0.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, percent: number, n: number = sorted.length): number {
  if (!(percent >= 0 && percent <= 100)) {
    throw new RangeError(`percent must be in [0, 100], got ${percent}`);
  }
  if (n === 0) return NaN;
  const rank = ((n - 1) * percent) / 100;
  const below = Math.floor(rank);
  const lo = sorted[below]!;
  if (below === rank) return lo;
  const hi = sorted[below + 1]!;
  return lo + (rank - below) * (hi - lo);
}

/**
 * Median of the last `size` values pushed, O(size) per push with no allocation:
 * the window is kept sorted next to a ring remembering arrival order, so the
 * value leaving is found by binary search instead of a re-sort.
 */
export class SlidingMedian {
  private readonly sorted: Float64Array;
  private readonly arrivals: Float64Array;
  /** Ring slot the next value goes to; once the window is full, the oldest value's slot. */
  private nextSlot = 0;
  private count = 0;

  constructor(readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(`size must be a positive integer, got ${size}`);
    }
    this.sorted = new Float64Array(size);
    this.arrivals = new Float64Array(size);
  }

  /** Values in the window now, at most `size`. */
  get length(): number {
    return this.count;
  }

  /** The median (the upper middle value for an even count); NaN while empty. */
  get value(): number {
    return this.count === 0 ? NaN : this.sorted[this.count >> 1]!;
  }

  /** Adds a finite value, evicting the oldest once the window is full. */
  push(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`value must be finite, got ${x}`);
    const sorted = this.sorted;
    if (this.count === this.size) {
      const leaving = lowerBound(sorted, this.count, this.arrivals[this.nextSlot]!);
      sorted.copyWithin(leaving, leaving + 1, this.count);
      this.count--;
    }
    const at = lowerBound(sorted, this.count, x);
    sorted.copyWithin(at + 1, at, this.count);
    sorted[at] = x;
    this.count++;
    this.arrivals[this.nextSlot] = x;
    this.nextSlot = this.nextSlot + 1 === this.size ? 0 : this.nextSlot + 1;
  }

  clear(): void {
    this.nextSlot = 0;
    this.count = 0;
  }
}

/** First index in `sorted[0..n)` whose value is not below `x`. */
function lowerBound(sorted: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
