import { describe, expect, it } from "vitest";
import { TokenBucket } from "@/lib/server/token-bucket";
import { prng } from "./seeded-random";

/** How many of `n` takes at the same instant succeed. */
const takes = (b: TokenBucket, nowMs: number, n: number) => Array.from({ length: n }, () => b.take(nowMs)).filter(Boolean).length;

describe("TokenBucket", () => {
  it("allows a full burst at once, then refuses", () => {
    const b = new TokenBucket(10, 3, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
  });

  it("refills at the rate", () => {
    const b = new TokenBucket(10, 3, 0);
    takes(b, 0, 3);
    // 10/s: one token per 100 ms.
    expect(b.take(50)).toBe(false);
    expect(b.take(100)).toBe(true);
    expect(b.take(100)).toBe(false);
    expect(takes(b, 300, 5)).toBe(2);
  });

  it("never holds more than the burst, however long it idles", () => {
    const b = new TokenBucket(10, 3, 0);
    expect(takes(b, 3_600_000, 10)).toBe(3);
    const fresh = new TokenBucket(200, 400, 0);
    expect(takes(fresh, 60_000, 1000)).toBe(400);
  });

  it("does not refill when the clock goes backwards", () => {
    const b = new TokenBucket(10, 2, 1000);
    takes(b, 1000, 2);
    expect(b.take(0)).toBe(false);
    expect(b.take(50)).toBe(false);
  });

  it("lets through at most burst + rate x elapsed over any window (property, seeded)", () => {
    const rand = prng(3);
    for (let run = 0; run < 50; run++) {
      const rate = 1 + Math.floor(rand() * 300);
      const burst = 1 + Math.floor(rand() * 50);
      const b = new TokenBucket(rate, burst, 0);
      let now = 0;
      const ok: number[] = [];
      for (let i = 0; i < 2000; i++) {
        now += Math.floor(rand() * 20);
        if (b.take(now)) ok.push(now);
      }
      // Check windows starting at each success, against the last success inside it.
      for (let i = 0; i < ok.length; i += 37) {
        for (let j = i; j < ok.length; j += 53) {
          const elapsedS = (ok[j]! - ok[i]!) / 1000;
          expect(j - i + 1).toBeLessThanOrEqual(burst + rate * elapsedS + 1e-9);
        }
      }
      expect(ok.length).toBeGreaterThan(0);
    }
  });

  it("sustains the rate under constant overload", () => {
    const b = new TokenBucket(200, 400, 0);
    let ok = 0;
    // 10 s of 1000 messages/s: the burst plus 200/s get through.
    for (let t = 1; t <= 10_000; t++) if (b.take(t)) ok++;
    expect(ok).toBeGreaterThanOrEqual(400 + 2000 - 1);
    expect(ok).toBeLessThanOrEqual(400 + 2000);
  });
});
