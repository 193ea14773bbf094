/**
 * Collects the live detector runtime's events during a recording and posts them to
 * the server in batches (`POST /api/recordings/ID/events`). Events are rare (a few a
 * minute), but a burst of them from two slots should still be one request, not one
 * per event; and a server hiccup must not cost the researcher an event.
 */

/** One model event as the server stores it; `tMs` on the device's own clock. */
export interface SinkEvent {
  deviceId: string;
  tMs: number;
  interaction: string;
  detector: string;
  score: number | null;
}

export interface RecordingEventSinkOptions {
  /** Posts one batch; rejects when the server did not take it. */
  send: (events: SinkEvent[]) => Promise<unknown>;
  /** How long an event may wait for companions. Default 500 ms. */
  flushEveryMs?: number;
  /** Largest batch the server accepts. Default 500. */
  maxBatch?: number;
  /** Pause before the one retry of a failed batch, so a momentary blip can pass. Default 250 ms. */
  retryAfterMs?: number;
  /**
   * True for an answer that will not change by asking again (the recording has
   * stopped or is gone, or the server refuses the batch as such): the batch is then
   * handed to `onError` as given up instead of being kept for ever.
   */
  permanent?: (error: unknown) => boolean;
  /**
   * A batch failed twice. `kept` true: the events are still queued and go with the
   * next flush; false: they were given up (see `permanent`) and are listed here.
   */
  onError?: (error: unknown, events: readonly SinkEvent[], kept: boolean) => void;
}

export const EVENT_SINK_FLUSH_MS = 500;
export const EVENT_SINK_MAX_BATCH = 500;
export const EVENT_SINK_RETRY_MS = 250;

export class RecordingEventSink {
  private queue: SinkEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The flush in progress; flushes run one after another so batches arrive in order. */
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly opts: RecordingEventSinkOptions) {}

  /** Events waiting to be sent (including a failed batch kept for the next flush). */
  get pending(): number {
    return this.queue.length;
  }

  push(event: SinkEvent): void {
    if (this.closed) return;
    this.queue.push(event);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.opts.flushEveryMs ?? EVENT_SINK_FLUSH_MS);
  }

  /** Sends everything queued now; resolves once it was sent, kept or given up. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const previous = this.running ?? Promise.resolve();
    const run = previous.then(() => this.drain());
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  /**
   * Sends what is left and takes no more events (the recording ended here). A batch
   * the server could not take yet is still retried every tick until it gets through
   * or is refused for good.
   */
  close(): Promise<void> {
    this.closed = true;
    return this.flush();
  }

  private async drain(): Promise<void> {
    const max = this.opts.maxBatch ?? EVENT_SINK_MAX_BATCH;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, max);
      const error = await this.sendTwice(batch);
      if (error === null) continue;
      const givenUp = this.opts.permanent?.(error) ?? false;
      // Back at the front, so that the order of events is kept when the next flush succeeds.
      if (!givenUp) this.queue.unshift(...batch);
      this.opts.onError?.(error, batch, !givenUp);
      if (!givenUp) {
        this.rearm();
        return;
      }
    }
  }

  /** Null when the batch got through, else the second failure. */
  private async sendTwice(batch: SinkEvent[]): Promise<unknown> {
    let error: unknown = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, this.opts.retryAfterMs ?? EVENT_SINK_RETRY_MS));
      try {
        await this.opts.send(batch);
        return null;
      } catch (e) {
        error = e;
        if (this.opts.permanent?.(e)) return e;
      }
    }
    return error ?? new Error("the batch could not be sent");
  }

  /** A kept batch is tried again on the next tick even when no new event comes to trigger it. */
  private rearm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.opts.flushEveryMs ?? EVENT_SINK_FLUSH_MS);
  }
}
