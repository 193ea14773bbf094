/**
 * The last `windowSamples` resampled frames, handed out as one time-major window
 * every `hopSamples` frames once enough have arrived.
 *
 * Frames go into a preallocated ring, so the per-frame cost is a few stores and no
 * allocation; only an emitted window is copied out, once per hop, into an array that
 * is reused for the next window (a detector reads it synchronously inside `score`).
 */
export class WindowBuffer {
  /** `windowSamples` rows of `channelCount` values, oldest first; valid until the next emission. */
  readonly window: Float32Array;
  /** Stream time of the window's first and last frame. */
  tStartMs = NaN;
  tEndMs = NaN;

  private readonly ring: Float32Array;
  private readonly times: Float64Array;
  /** Row the next frame is written to. */
  private head = 0;
  private size = 0;
  private sinceEmit = 0;
  private emitted = false;

  constructor(
    readonly windowSamples: number,
    readonly hopSamples: number,
    readonly channelCount: number,
  ) {
    for (const [name, v] of [
      ["windowSamples", windowSamples],
      ["hopSamples", hopSamples],
      ["channelCount", channelCount],
    ] as const) {
      if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
    }
    this.ring = new Float32Array(windowSamples * channelCount);
    this.window = new Float32Array(windowSamples * channelCount);
    this.times = new Float64Array(windowSamples);
  }

  /** Frames held, at most `windowSamples`. */
  get length(): number {
    return this.size;
  }

  /** Appends one frame; returns true when `window`, `tStartMs` and `tEndMs` now hold a new window. */
  push(tMs: number, frame: ArrayLike<number>): boolean {
    const n = this.channelCount;
    const row = this.head;
    const base = row * n;
    for (let c = 0; c < n; c++) this.ring[base + c] = frame[c]!;
    this.times[row] = tMs;
    this.head = row + 1 === this.windowSamples ? 0 : row + 1;
    if (this.size < this.windowSamples) this.size++;
    this.sinceEmit++;
    if (this.size < this.windowSamples) return false;
    // The first full window goes out at once; after that, one per hop.
    if (this.emitted && this.sinceEmit < this.hopSamples) return false;
    this.emit();
    return true;
  }

  /** Forgets all frames (after a gap, or when the stream changes). */
  clear(): void {
    this.head = 0;
    this.size = 0;
    this.sinceEmit = 0;
    this.emitted = false;
    this.tStartMs = NaN;
    this.tEndMs = NaN;
  }

  private emit(): void {
    // When full, the oldest row is the one `head` is about to overwrite.
    const split = this.head * this.channelCount;
    const tail = this.ring.length - split;
    this.window.set(this.ring.subarray(split), 0);
    if (split > 0) this.window.set(this.ring.subarray(0, split), tail);
    this.tStartMs = this.times[this.head]!;
    this.tEndMs = this.times[this.head === 0 ? this.windowSamples - 1 : this.head - 1]!;
    this.sinceEmit = 0;
    this.emitted = true;
  }
}
