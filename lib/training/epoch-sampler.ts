import { rngStream, type Rng } from "../sim/prng";

/**
 * Balanced sampling for rare events, with hard negatives: every epoch trains on all
 * event windows and `negativesPerEvent` times as many background windows, half of
 * them walked through a shuffled order (so every negative comes round every few
 * epochs) and half drawn in proportion to how wrong the model was about them last
 * epoch (`hardnessSet`).
 *
 * Why not class weights: an hour of ordinary wear holds tens of thousands of
 * windows and a gesture a few dozen; weighting would still spend most of each epoch
 * on near-identical still or walking windows. Why the hard half: the negatives that
 * matter are rare (a single tap among idle, walking and typing, for a double-tap
 * model), and uniform sampling shows each of them about once in several epochs, so
 * the model never learns them; false triggers per hour are made of exactly those.
 * The resulting ~1:3 prior also keeps the model cautious about firing.
 */

export function shuffleInPlace(xs: Int32Array, rng: Rng): Int32Array {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
  return xs;
}

export class EpochSampler {
  /** The background window indices; `hardnessSet` takes one value per entry, in this order. */
  readonly background: Int32Array;
  private readonly events: Int32Array;
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private cursor = 0;
  private hardness: Float32Array | null = null;

  /**
   * @param indices the training windows (IGNORE already excluded)
   * @param labels class per window, 0 = background
   */
  constructor(
    indices: Int32Array,
    labels: Int32Array,
    private readonly negativesPerEvent: number,
    seed: number,
  ) {
    this.rng = rngStream(seed, "training/epoch-sampler");
    this.events = indices.filter((i) => labels[i]! > 0);
    this.background = indices.filter((i) => labels[i] === 0);
    this.order = shuffleInPlace(
      Int32Array.from(this.background, (_, k) => k),
      this.rng,
    );
  }

  get eventCount(): number {
    return this.events.length;
  }

  /** Background windows per epoch: all of them when there are too few events to balance against. */
  get backgroundPerEpoch(): number {
    if (this.events.length === 0) return this.background.length;
    return Math.min(this.background.length, Math.ceil(this.events.length * this.negativesPerEvent));
  }

  /** How wrong the model is on each background window (e.g. its loss), `background` order; >= 0. */
  hardnessSet(values: Float32Array): void {
    if (values.length !== this.background.length) throw new RangeError(`expected ${this.background.length} hardness values, got ${values.length}`);
    this.hardness = values;
  }

  /** The next epoch's window indices, shuffled. */
  next(): Int32Array {
    const take = this.backgroundPerEpoch;
    const picked = new Uint8Array(this.background.length);
    const hard = this.hardness ? this.weightedDraw(this.hardness, Math.floor(take / 2)) : [];
    for (const k of hard) picked[k] = 1;
    const out = new Int32Array(this.events.length + take);
    out.set(this.events);
    let n = this.events.length;
    for (const k of hard) out[n++] = this.background[k]!;
    // The rest walks the shuffled order, skipping what the hard draw already took.
    for (let guard = 0; n < out.length && guard < 2 * this.background.length; guard++) {
      if (this.cursor === this.order.length) {
        shuffleInPlace(this.order, this.rng);
        this.cursor = 0;
      }
      const k = this.order[this.cursor++]!;
      if (picked[k]) continue;
      picked[k] = 1;
      out[n++] = this.background[k]!;
    }
    return shuffleInPlace(out.subarray(0, n), this.rng);
  }

  /**
   * `count` distinct positions drawn with probability proportional to weight
   * (Efraimidis & Spirakis 2006: keep the largest u^(1/w)), zero weights never.
   */
  private weightedDraw(weights: Float32Array, count: number): number[] {
    const keys: { k: number; key: number }[] = [];
    weights.forEach((w, k) => {
      if (w > 0) keys.push({ k, key: Math.log(this.rng.next()) / w });
    });
    keys.sort((a, b) => b.key - a.key);
    return keys.slice(0, count).map((e) => e.k);
  }
}
