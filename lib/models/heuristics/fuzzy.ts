/**
 * Soft thresholds. A heuristic's rule is a handful of "x at least T" conditions; a
 * hard step would make its score jump between 0 and 1, which tells a designer nothing
 * about how close a motion came and gives the decision's smoothing nothing to average.
 * Each condition is instead a cubic smoothstep centred on its threshold, so a score of
 * 0.5 means "exactly at the threshold" and the rule as a whole holds (fuzzy AND = min)
 * when the score reaches 0.5.
 */

/** 0 at `threshold − width/2`, ½ at `threshold`, 1 at `threshold + width/2`; NaN (missing data) gives 0. */
export function rampUp(x: number, threshold: number, width: number): number {
  if (Number.isNaN(x)) return 0;
  const u = (x - threshold) / width + 0.5;
  if (u <= 0) return 0;
  if (u >= 1) return 1;
  return u * u * (3 - 2 * u);
}

/** 1 well below `threshold`, ½ at it, 0 above `threshold + width/2`; NaN gives 0. */
export function rampDown(x: number, threshold: number, width: number): number {
  if (Number.isNaN(x)) return 0;
  return 1 - rampUp(x, threshold, width);
}

/** The fraction of a threshold over which its ramp rises: soft enough to show near misses, sharp enough to keep the rule. */
export const RAMP_SHARE = 0.3;

/** Ramp width for a threshold on a magnitude (m/s², rad/s, ms, Hz): {@link RAMP_SHARE} of it. */
export function rampWidth(threshold: number): number {
  return Math.max(Math.abs(threshold) * RAMP_SHARE, 1e-6);
}
