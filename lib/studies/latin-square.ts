/**
 * Counterbalanced condition orders for a within-subject study: a balanced Latin
 * square (Williams design). Across its rows every condition appears once at every
 * position, and every condition directly follows every other equally often, so
 * learning and fatigue do not favour one condition. For an odd number of conditions
 * one square cannot balance the pairs; the mirrored rows are appended (2n rows).
 */
export function balancedLatinSquare(conditions: number): number[][] {
  if (!Number.isInteger(conditions) || conditions < 1) throw new RangeError(`conditions must be a positive integer, got ${conditions}`);
  // First row 0, 1, n-1, 2, n-2, ...; each further row adds 1 (mod n).
  const first: number[] = [];
  for (let i = 0, low = 0, high = conditions - 1; i < conditions; i++) first.push(i === 0 ? 0 : i % 2 === 1 ? ++low : high--);
  const rows = Array.from({ length: conditions }, (_, r) => first.map((c) => (c + r) % conditions));
  return conditions % 2 === 0 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
}

/** The order for the participant at `index` (0-based, in the order they were enrolled). */
export function conditionOrder(conditions: number, index: number): number[] {
  const square = balancedLatinSquare(conditions);
  return square[((index % square.length) + square.length) % square.length]!;
}
