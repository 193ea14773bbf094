/**
 * The last `capacity` rows of a multi-channel stream, one Float64Array per channel.
 *
 * Columns rather than rows because readers (charts, models) want one channel as a
 * contiguous series; typed arrays because the desktop pushes hundreds of rows a
 * second per device and must not allocate or go through React state to do it.
 * Missing values are stored as NaN, which charts already draw as a break.
 */
export class RingBuffer {
  private readonly columns: Float64Array[];
  /** Slot the next row is written to. */
  private head = 0;
  private size = 0;
  private pushed = 0;

  constructor(
    readonly capacity: number,
    readonly channels: number,
  ) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    if (!Number.isSafeInteger(channels) || channels < 1) {
      throw new RangeError(`channels must be a positive integer, got ${channels}`);
    }
    this.columns = Array.from({ length: channels }, () => new Float64Array(capacity));
  }

  /** Rows held now, at most `capacity`. */
  get length(): number {
    return this.size;
  }

  /**
   * Rows ever pushed. Not reset by {@link clear}, so a reader that remembers it can
   * tell how many rows arrived since it last looked.
   */
  get total(): number {
    return this.pushed;
  }

  /** Appends one row of exactly `channels` values, overwriting the oldest when full; null becomes NaN. */
  push(values: ArrayLike<number | null>): void {
    if (values.length !== this.channels) {
      throw new RangeError(`row has ${values.length} values, buffer has ${this.channels} channels`);
    }
    const slot = this.head;
    for (let c = 0; c < this.channels; c++) {
      this.columns[c]![slot] = values[c] ?? NaN;
    }
    this.head = slot + 1 === this.capacity ? 0 : slot + 1;
    if (this.size < this.capacity) this.size++;
    this.pushed++;
  }

  /**
   * Copies the last `n` rows of channel `c`, oldest first, into `out[0..n)` and
   * returns `n`. A Float64Array `out` must hold at least `n` values.
   */
  copyChannel(c: number, out: Float64Array | number[], n: number = this.size): number {
    const column = this.column(c);
    if (!Number.isSafeInteger(n) || n < 0 || n > this.size) {
      throw new RangeError(`n must be an integer in [0, ${this.size}], got ${n}`);
    }
    if (out instanceof Float64Array && out.length < n) {
      throw new RangeError(`out holds ${out.length} values, ${n} requested`);
    }
    let slot = this.slotOf(this.size - n);
    for (let i = 0; i < n; i++) {
      out[i] = column[slot]!;
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
    return n;
  }

  /** Value of channel `c` in row `rowFromOldest` (0 is the oldest row held). */
  at(rowFromOldest: number, c: number): number {
    const column = this.column(c);
    if (!Number.isInteger(rowFromOldest) || rowFromOldest < 0 || rowFromOldest >= this.size) {
      throw new RangeError(`row must be an integer in [0, ${this.size}), got ${rowFromOldest}`);
    }
    return column[this.slotOf(rowFromOldest)]!;
  }

  /** Newest value of channel `c`, or NaN while the buffer is empty (a render loop may ask before the first row). */
  latest(c: number): number {
    const column = this.column(c);
    return this.size === 0 ? NaN : column[this.slotOf(this.size - 1)]!;
  }

  /** Forgets every row; `total` keeps counting. */
  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  private column(c: number): Float64Array {
    const column = Number.isInteger(c) ? this.columns[c] : undefined;
    if (column === undefined) {
      throw new RangeError(`channel must be an integer in [0, ${this.channels}), got ${c}`);
    }
    return column;
  }

  private slotOf(rowFromOldest: number): number {
    const slot = this.head - this.size + rowFromOldest;
    return slot < 0 ? slot + this.capacity : slot;
  }
}
