import type { DecisionSettings, DetectorLabel } from "./detector";

/**
 * Turns a detector's per-window class probabilities into discrete events, with the
 * decision settings of its manifest:
 *
 * 1. smoothed = mean of the last `smoothingWindows` windows' probabilities (of fewer
 *    while the stream is younger than that, so the first windows are not lost);
 * 2. an event label is "above" while its smoothed probability >= `thresholdProb`;
 * 3. it qualifies once it has been above `minConsecutiveWindows` windows in a row,
 *    and fires at most once per such run: it must fall below before it can fire again;
 * 4. and not within `refractoryMs` (stream time, between the windows' ends) of its own
 *    previous event. A run that is still above when the refractory time ends fires
 *    then: a held gesture that started too soon after the last one is late, not lost;
 * 5. when several labels qualify in one window, the highest smoothed probability wins
 *    and the runs of the others are spent too, so one motion that scores on two
 *    labels gives one event, not two in consecutive windows.
 *
 * Works on label indices so the hot path allocates only when an event fires.
 */

export interface DecisionFire {
  labelIndex: number;
  /** Smoothed probability of the label in the window that fired. */
  confidence: number;
  /** Start of the first window of the run above threshold. */
  tStartMs: number;
  /** End of the window that completed the decision. */
  tEndMs: number;
}

/** The manifest's upper bound for `smoothingWindows`; the history ring holds this many. */
export const MAX_SMOOTHING_WINDOWS = 64;

export function decisionSettingsCheck(d: DecisionSettings): void {
  if (!(d.thresholdProb > 0 && d.thresholdProb <= 1)) throw new RangeError(`thresholdProb must be in (0, 1], got ${d.thresholdProb}`);
  if (!Number.isInteger(d.smoothingWindows) || d.smoothingWindows < 1 || d.smoothingWindows > MAX_SMOOTHING_WINDOWS) {
    throw new RangeError(`smoothingWindows must be an integer in [1, ${MAX_SMOOTHING_WINDOWS}], got ${d.smoothingWindows}`);
  }
  if (!Number.isInteger(d.minConsecutiveWindows) || d.minConsecutiveWindows < 1) {
    throw new RangeError(`minConsecutiveWindows must be a positive integer, got ${d.minConsecutiveWindows}`);
  }
  if (!(d.refractoryMs >= 0)) throw new RangeError(`refractoryMs must be >= 0, got ${d.refractoryMs}`);
}

export class DecisionEngine {
  /** Smoothed probabilities of the last window, in label order; overwritten by each update. */
  readonly smoothed: Float32Array;
  private current: DecisionSettings;

  private readonly labelCount: number;
  private readonly eventLabels: Int32Array;
  /** The last MAX_SMOOTHING_WINDOWS probability rows, so a larger k set live has history at once. */
  private readonly history: Float32Array;
  private historyHead = 0;
  private historySize = 0;
  private readonly runLength: Int32Array;
  private readonly runStartMs: Float64Array;
  private readonly runSpent: Uint8Array;
  private readonly lastEventEndMs: Float64Array;

  constructor(
    readonly labels: readonly DetectorLabel[],
    settings: DecisionSettings,
  ) {
    if (labels.length < 1) throw new RangeError("a decision needs at least one label");
    decisionSettingsCheck(settings);
    this.current = { ...settings };
    const n = labels.length;
    this.labelCount = n;
    this.eventLabels = Int32Array.from(labels.flatMap((l, i) => (l.role === "event" ? [i] : [])));
    this.smoothed = new Float32Array(n);
    this.history = new Float32Array(MAX_SMOOTHING_WINDOWS * n);
    this.runLength = new Int32Array(n);
    this.runStartMs = new Float64Array(n);
    this.runSpent = new Uint8Array(n);
    this.lastEventEndMs = new Float64Array(n).fill(-Infinity);
  }

  get settings(): Readonly<DecisionSettings> {
    return this.current;
  }

  /** New settings from the next window on; smoothing history and runs carry over. */
  setSettings(settings: DecisionSettings): void {
    decisionSettingsCheck(settings);
    this.current = { ...settings };
  }

  /** One window's probabilities (label order); returns the event it fires, if any. */
  update(probs: ArrayLike<number>, tStartMs: number, tEndMs: number): DecisionFire | null {
    const n = this.labelCount;
    if (probs.length !== n) throw new RangeError(`got ${probs.length} probabilities for ${n} labels`);
    const { history, smoothed } = this;
    const capacity = MAX_SMOOTHING_WINDOWS;
    const row = this.historyHead;
    for (let i = 0; i < n; i++) history[row * n + i] = probs[i]!;
    this.historyHead = row + 1 === capacity ? 0 : row + 1;
    if (this.historySize < capacity) this.historySize++;

    const m = Math.min(this.current.smoothingWindows, this.historySize);
    smoothed.fill(0);
    for (let back = 0, r = row; back < m; back++, r = r === 0 ? capacity - 1 : r - 1) {
      for (let i = 0; i < n; i++) smoothed[i] = smoothed[i]! + history[r * n + i]!;
    }
    for (let i = 0; i < n; i++) smoothed[i] = smoothed[i]! / m;

    const { thresholdProb, minConsecutiveWindows, refractoryMs } = this.current;
    let winner = -1;
    for (let e = 0; e < this.eventLabels.length; e++) {
      const i = this.eventLabels[e]!;
      if (smoothed[i]! >= thresholdProb) {
        if (this.runLength[i] === 0) {
          this.runStartMs[i] = tStartMs;
          this.runSpent[i] = 0;
        }
        this.runLength[i]!++;
      } else {
        this.runLength[i] = 0;
        this.runSpent[i] = 0;
        continue;
      }
      const qualifies =
        this.runLength[i]! >= minConsecutiveWindows && this.runSpent[i] === 0 && tEndMs - this.lastEventEndMs[i]! >= refractoryMs;
      if (!qualifies) continue;
      if (winner >= 0 && smoothed[i]! <= smoothed[winner]!) {
        this.runSpent[i] = 1;
        continue;
      }
      if (winner >= 0) this.runSpent[winner] = 1;
      winner = i;
    }
    if (winner < 0) return null;
    this.runSpent[winner] = 1;
    this.lastEventEndMs[winner] = tEndMs;
    return { labelIndex: winner, confidence: smoothed[winner]!, tStartMs: this.runStartMs[winner]!, tEndMs };
  }

  /**
   * The stream broke (a gap): smoothing and runs must not span it, but the refractory
   * times stay, since stream time still orders events across the gap.
   */
  restart(): void {
    this.historyHead = 0;
    this.historySize = 0;
    this.smoothed.fill(0);
    this.runLength.fill(0);
    this.runStartMs.fill(0);
    this.runSpent.fill(0);
  }

  /** Forgets everything, refractory times included. */
  reset(): void {
    this.restart();
    this.lastEventEndMs.fill(-Infinity);
  }

  /**
   * Takes over the last event times of labels with the same name, so a detector
   * swapped in with other labels does not fire again for a motion its predecessor
   * just reported.
   */
  inheritRefractory(prev: DecisionEngine): void {
    this.labels.forEach((label, i) => {
      const j = prev.labels.findIndex((p) => p.name === label.name);
      if (j >= 0) this.lastEventEndMs[i] = prev.lastEventEndMs[j]!;
    });
  }
}
