import type { SampleTuple } from "../protocol/sample";

export interface OutboxChunk {
  seq: number;
  samples: SampleTuple[];
}

/**
 * The phone's side of "nothing lost, nothing twice": every sample gets the next
 * sequence number and stays here until the server acknowledges it. After a
 * reconnect, everything unacknowledged is sent again; the server drops what it
 * already had. Holds at most `capacity` samples: past that the oldest go (the
 * server then counts them as dropped rather than the phone running out of memory).
 */
export class Outbox {
  private readonly items: SampleTuple[] = [];
  private head = 0;
  /** Sequence number of items[head]. */
  private headSeq = 0;
  /** Sequence number of the next sample to send. */
  private sendSeq = 0;
  private nextSeq = 0;
  private evicted = 0;

  constructor(private readonly capacity: number) {}

  push(sample: SampleTuple): number {
    if (this.items.length - this.head >= this.capacity) {
      this.head++;
      this.headSeq++;
      this.evicted++;
      if (this.sendSeq < this.headSeq) this.sendSeq = this.headSeq;
    }
    this.items.push(sample);
    this.compact();
    return this.nextSeq++;
  }

  /** Samples not yet acknowledged. */
  get pending(): number {
    return this.items.length - this.head;
  }

  /** Samples never sent (since the last rewind). */
  get unsent(): number {
    return this.nextSeq - this.sendSeq;
  }

  get evictedTotal(): number {
    return this.evicted;
  }

  /** Phone time of the oldest unsent sample, for the batching deadline. */
  oldestUnsentTMs(): number | null {
    return this.unsent > 0 ? this.items[this.head + (this.sendSeq - this.headSeq)]![0] : null;
  }

  /** Takes the next chunk to send, at most `max` samples, and marks it sent. */
  take(max: number): OutboxChunk | null {
    const n = Math.min(max, this.unsent);
    if (n <= 0) return null;
    const from = this.head + (this.sendSeq - this.headSeq);
    const chunk = { seq: this.sendSeq, samples: this.items.slice(from, from + n) };
    this.sendSeq += n;
    return chunk;
  }

  /** The server has every sample before `nextSeq`. */
  ack(nextSeq: number) {
    const k = Math.min(nextSeq, this.nextSeq) - this.headSeq;
    if (k <= 0) return;
    this.head += k;
    this.headSeq += k;
    if (this.sendSeq < this.headSeq) this.sendSeq = this.headSeq;
    this.compact();
  }

  /** After a reconnect: send everything unacknowledged again. */
  rewind() {
    this.sendSeq = this.headSeq;
  }

  private compact() {
    // Shift the array only once the dead prefix is large, so acks stay O(1) amortised.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
  }
}
