import { describe, expect, it } from "vitest";
import { balancedLatinSquare, conditionOrder } from "@/lib/studies/latin-square";

/** How often condition b directly follows condition a, over all rows. */
function followCounts(square: number[][], n: number): number[][] {
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const row of square) for (let i = 1; i < row.length; i++) counts[row[i - 1]!]![row[i]!]!++;
  return counts;
}

describe("balanced Latin square", () => {
  it.each([2, 3, 4, 5, 6])("with %i conditions: each once per position per square, each pair equally often in sequence", (n) => {
    const square = balancedLatinSquare(n);
    expect(square).toHaveLength(n % 2 === 0 ? n : 2 * n);
    for (const row of square) expect([...row].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
    for (const half of n % 2 === 0 ? [square] : [square.slice(0, n), square.slice(n)]) {
      for (let pos = 0; pos < n; pos++) expect(new Set(half.map((r) => r[pos])).size).toBe(n);
    }
    const counts = followCounts(square, n);
    const offDiagonal = counts.flatMap((row, a) => row.filter((_, b) => a !== b));
    expect(new Set(offDiagonal).size).toBe(1);
    expect(counts.every((row, a) => row[a] === 0)).toBe(true);
  });

  it("gives two conditions the orders AB, BA, AB, ... to successive participants", () => {
    expect([0, 1, 2, 3].map((p) => conditionOrder(2, p))).toEqual([
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it("refuses a non-positive number of conditions", () => {
    expect(() => balancedLatinSquare(0)).toThrow(/positive integer/);
  });
});
