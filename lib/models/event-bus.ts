import type { InteractionEvent, ScoreFrame } from "./detector";

/**
 * The one place scenes, charts, recordings and studies get interaction events and
 * score traces from, whichever detector, device or A/B slot produced them.
 *
 * Listeners are called synchronously in subscription order. One that throws is
 * reported and skipped, so a broken scene cannot starve the recorder. The listener
 * list is copied on (un)subscribe rather than on publish, so publishing allocates
 * nothing and a listener may unsubscribe itself while being called.
 */

export type EventListener = (e: InteractionEvent, slot: string | undefined) => void;
export type ScoresListener = (f: ScoreFrame, slot: string | undefined) => void;

export interface InteractionBusOptions {
  /** Events kept for late subscribers. Default 200. */
  recentCapacity?: number;
  /** Where listener exceptions go. Default: console.error. */
  onListenerError?: (error: unknown, kind: "event" | "scores") => void;
}

export const DEFAULT_RECENT_CAPACITY = 200;

export class InteractionBus {
  private eventListeners: readonly EventListener[] = [];
  private scoresListeners: readonly ScoresListener[] = [];
  private readonly recent: (InteractionEvent | undefined)[];
  private recentNext = 0;
  private recentSize = 0;
  private readonly onListenerError: NonNullable<InteractionBusOptions["onListenerError"]>;

  constructor(opts: InteractionBusOptions = {}) {
    const capacity = opts.recentCapacity ?? DEFAULT_RECENT_CAPACITY;
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new RangeError(`recentCapacity must be a non-negative integer, got ${capacity}`);
    }
    this.recent = new Array<InteractionEvent | undefined>(capacity).fill(undefined);
    this.onListenerError = opts.onListenerError ?? ((error, kind) => console.error(`InteractionBus ${kind} listener failed:`, error));
  }

  /** Returns the unsubscribe function. */
  onEvent(fn: EventListener): () => void {
    this.eventListeners = [...this.eventListeners, fn];
    return () => {
      this.eventListeners = this.eventListeners.filter((l) => l !== fn);
    };
  }

  /** Returns the unsubscribe function. */
  onScores(fn: ScoresListener): () => void {
    this.scoresListeners = [...this.scoresListeners, fn];
    return () => {
      this.scoresListeners = this.scoresListeners.filter((l) => l !== fn);
    };
  }

  /** `slot` names where it came from when the detector id is not enough (e.g. "A" / "B"). */
  publishEvent(e: InteractionEvent, slot?: string): void {
    if (this.recent.length > 0) {
      this.recent[this.recentNext] = e;
      this.recentNext = (this.recentNext + 1) % this.recent.length;
      if (this.recentSize < this.recent.length) this.recentSize++;
    }
    for (const fn of this.eventListeners) {
      try {
        fn(e, slot);
      } catch (error) {
        this.onListenerError(error, "event");
      }
    }
  }

  publishScores(f: ScoreFrame, slot?: string): void {
    for (const fn of this.scoresListeners) {
      try {
        fn(f, slot);
      } catch (error) {
        this.onListenerError(error, "scores");
      }
    }
  }

  /** The last `recentCapacity` events, oldest first. */
  recentEvents(): readonly InteractionEvent[] {
    const n = this.recent.length;
    const out: InteractionEvent[] = [];
    for (let i = 0; i < this.recentSize; i++) out.push(this.recent[(this.recentNext - this.recentSize + i + n) % n]!);
    return out;
  }

  clearRecent(): void {
    this.recent.fill(undefined);
    this.recentNext = 0;
    this.recentSize = 0;
  }
}
