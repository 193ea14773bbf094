import type { Rng } from "./prng";

/** A gesture occurrence on the run's clock, s; motions extend it with their parameters. */
export interface ScheduledGesture {
  startS: number;
  endS: number;
}

/** The first gesture starts early enough that a 5 s run always contains one. */
const FIRST_START_S = [0.3, 0.9] as const;
/** Rest between the end of one gesture and the start of the next. */
const GAP_S = [1.8, 3.5] as const;
/** Gestures this long over are dropped; queries never step back further. */
const HISTORY_S = 0.05;

/**
 * Sequential, non-overlapping gesture occurrences separated by jittered rests, drawn
 * lazily as time advances so an endless stream keeps constant memory. Draws come from
 * a dedicated stream in a fixed order, so the schedule does not depend on sample times.
 */
export class GestureSchedule<G extends ScheduledGesture> {
  private readonly recent: G[] = [];
  private nextStartS: number;
  private finished = false;

  /**
   * @param make draws one gesture starting at `startS` (called in order, so it may keep
   *   state, e.g. to alternate raise and lower).
   * @param onGesture called once per gesture, when it is drawn.
   */
  constructor(
    private readonly rng: Rng,
    private readonly runEndS: number,
    private readonly make: (rng: Rng, startS: number) => G,
    private readonly onGesture: (gesture: G) => void,
  ) {
    this.nextStartS = rng.uniform(FIRST_START_S[0], FIRST_START_S[1]);
  }

  /** The gesture in progress at tS, else the last one before it, else undefined. */
  latest(tS: number): G | undefined {
    while (!this.finished && this.nextStartS <= tS) {
      const gesture = this.make(this.rng, this.nextStartS);
      if (gesture.endS > this.runEndS) {
        // A cut-off gesture would carry a label its data does not show.
        this.finished = true;
        break;
      }
      this.recent.push(gesture);
      this.onGesture(gesture);
      this.nextStartS = gesture.endS + this.rng.uniform(GAP_S[0], GAP_S[1]);
    }
    while (this.recent.length > 1 && this.recent[1]!.startS < tS - HISTORY_S) this.recent.shift();
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const g = this.recent[i]!;
      if (g.startS <= tS) return g;
    }
    return undefined;
  }
}
