/**
 * What one batch contributed once samples the server already had are set aside.
 * The batch's samples `[freshFrom, count)` are new and in order.
 */
export interface SequenceAccept {
  /** Index into the batch of the first new sample; samples [freshFrom, count) are new. */
  freshFrom: number;
  duplicates: number;
  /** Samples skipped over (seq jumped ahead): lost for good. */
  dropped: number;
}

/**
 * Deduplicates one device's sample stream by sequence number and counts its holes.
 *
 * Phones resend every sample the server has not acknowledged after a reconnect, so
 * a batch may overlap what already arrived; it never reorders, so a single
 * high-water mark (`nextSeq`) is enough state. A batch that starts past the mark
 * means the phone's buffer overflowed while offline: those samples are gone, and
 * waiting for them would only stall the stream.
 */
export class SequenceTracker {
  private next: number | null;
  private duplicateTotal = 0;
  private droppedTotal = 0;

  /** `nextSeq`: where a stream resumes (e.g. after a server restart); null to start at the first batch. */
  constructor(nextSeq: number | null = null) {
    if (nextSeq !== null) assertSeq(nextSeq, "nextSeq");
    this.next = nextSeq;
  }

  /** Sequence number of the next sample expected; null until the first batch. */
  get nextSeq(): number | null {
    return this.next;
  }

  get duplicates(): number {
    return this.duplicateTotal;
  }

  get dropped(): number {
    return this.droppedTotal;
  }

  /**
   * Takes a batch of `count` samples whose first has sequence number `seq`. The first
   * batch ever seen sets the origin without counting anything before it as dropped:
   * a tracker created without `nextSeq` cannot know where the phone started.
   */
  accept(seq: number, count: number): SequenceAccept {
    assertSeq(seq, "seq");
    if (!Number.isSafeInteger(count) || count < 1) {
      throw new RangeError(`count must be a positive integer, got ${count}`);
    }
    const end = seq + count;
    const next = this.next ?? seq;
    let freshFrom = 0;
    let dropped = 0;
    if (seq < next) {
      freshFrom = Math.min(next - seq, count);
    } else {
      dropped = seq - next;
    }
    this.next = Math.max(next, end);
    this.duplicateTotal += freshFrom;
    this.droppedTotal += dropped;
    return { freshFrom, duplicates: freshFrom, dropped };
  }
}

function assertSeq(seq: number, name: string): void {
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${seq}`);
  }
}
