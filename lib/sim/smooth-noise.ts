import type { Rng } from "./prng";

/** Mean of Σ Bᵢ(u)² over a cubic B-spline span (151/315); knots are scaled by its inverse root. */
const UNIT_VARIANCE_SCALE = Math.sqrt(315 / 151);
/** Knots kept behind the newest one; queries never step back more than a few ms. */
const KNOTS_KEPT = 8;

/**
 * A smooth random signal with roughly unit standard deviation: a uniform cubic B-spline
 * through Gaussian knots `knotSpacingS` apart. C2, so it can drive positions that are
 * differentiated twice, and local, so knots are drawn lazily as time advances and an
 * endless stream keeps constant memory. Its energy sits below ~1/(2·knotSpacingS) Hz.
 */
export class SmoothNoise {
  private readonly knots: number[] = [];
  /** Index (in knot units) of knots[0]. */
  private firstKnot = 0;

  constructor(
    private readonly rng: Rng,
    private readonly knotSpacingS: number,
  ) {}

  /** Value at time tS (s, ≥ −knotSpacingS); successive queries may go back only a few ms. */
  value(tS: number): number {
    const x = tS / this.knotSpacingS + 1;
    const i = Math.floor(x);
    const u = x - i;
    const p0 = this.knot(i);
    const p1 = this.knot(i + 1);
    const p2 = this.knot(i + 2);
    const p3 = this.knot(i + 3);
    const u2 = u * u;
    const u3 = u2 * u;
    const w0 = (1 - u) * (1 - u) * (1 - u);
    const w1 = 3 * u3 - 6 * u2 + 4;
    const w2 = -3 * u3 + 3 * u2 + 3 * u + 1;
    return (w0 * p0 + w1 * p1 + w2 * p2 + u3 * p3) / 6;
  }

  private knot(index: number): number {
    while (this.firstKnot + this.knots.length <= index) {
      this.knots.push(this.rng.gaussian() * UNIT_VARIANCE_SCALE);
    }
    const dropped = index - KNOTS_KEPT - this.firstKnot;
    if (dropped > KNOTS_KEPT) {
      this.knots.splice(0, dropped);
      this.firstKnot += dropped;
    }
    const k = this.knots[index - this.firstKnot];
    if (k === undefined) throw new Error(`SmoothNoise: knot ${index} was already discarded`);
    return k;
  }
}
