import type { Side } from "@/lib/pose/pose-types";

/** Elbows about shoulder-width apart, so two arms side by side neither overlap nor drift out of frame. */
export const ARM_SPACING_M = 0.4;

/** Where a wearer's eyes are, across the body, relative to an elbow of that side (m, body y). */
const EYE_FROM_ELBOW_M = 0.2;

/** What the camera presets frame: body-frame y of the arms' centre, their spread, and the wearer's midline. */
export interface ArmFraming {
  centerYM: number;
  halfSpanYM: number;
  eyeYM: number;
}

/**
 * Body-frame y offset (m) of each arm's elbow, in the order given: left arms on the
 * wearer's left (+y), right arms on the right, and arms of the same side spread in
 * room order. A single arm stays at the origin.
 */
export function armOffsetsY(sides: readonly Side[]): number[] {
  const n = sides.length;
  if (n <= 1) return sides.map(() => 0);
  const order = sides.map((s, i) => ({ s, i })).sort((a, b) => (a.s === b.s ? a.i - b.i : a.s === "left" ? -1 : 1));
  const out = new Array<number>(n).fill(0);
  order.forEach(({ i }, rank) => {
    out[i] = ((n - 1) / 2 - rank) * ARM_SPACING_M;
  });
  return out;
}

export function armFraming(sides: readonly Side[], offsetsY: readonly number[]): ArmFraming {
  if (sides.length === 0) return { centerYM: 0, halfSpanYM: 0, eyeYM: 0 };
  let sum = 0;
  let eye = 0;
  let lo = Infinity;
  let hi = -Infinity;
  sides.forEach((s, i) => {
    const y = offsetsY[i] ?? 0;
    sum += y;
    eye += y + (s === "left" ? -EYE_FROM_ELBOW_M : EYE_FROM_ELBOW_M);
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  });
  return { centerYM: sum / sides.length, halfSpanYM: (hi - lo) / 2, eyeYM: eye / sides.length };
}
