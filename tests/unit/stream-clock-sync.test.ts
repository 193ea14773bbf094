import { describe, expect, it } from "vitest";
import { ClockSync } from "@/lib/stream/clock-sync";
import { prng } from "./seeded-random";

/** An exponentially distributed delay with the given mean: queueing, heavy on the short side. */
function expDelayMs(rand: () => number, meanMs: number): number {
  return -meanMs * Math.log(1 - rand());
}

describe("ClockSync", () => {
  it("has no estimate before an exchange", () => {
    const s = new ClockSync();
    expect(s.estimate).toBeNull();
    expect(s.count).toBe(0);
  });

  it("takes the offset from the midpoint of one exchange", () => {
    const s = new ClockSync();
    expect(s.addExchange(1000, 5020, 1040)).toBe(true);
    expect(s.estimate).toEqual({ offsetMs: 4000, rttMs: 40 });
  });

  it("rejects a reply that came back before its ping, and non-finite times", () => {
    const s = new ClockSync();
    expect(s.addExchange(1000, 5000, 999)).toBe(false);
    expect(s.addExchange(Number.NaN, 5000, 1000)).toBe(false);
    expect(s.addExchange(1000, Number.POSITIVE_INFINITY, 1001)).toBe(false);
    expect(s.count).toBe(0);
    expect(s.estimate).toBeNull();
    // A zero round trip is possible with a coarse clock.
    expect(s.addExchange(1000, 5000, 1000)).toBe(true);
    expect(s.estimate).toEqual({ offsetMs: 4000, rttMs: 0 });
  });

  it("ignores high-RTT outliers however far off they are", () => {
    const s = new ClockSync();
    for (let i = 0; i < 4; i++) s.addExchange(i * 1000, i * 1000 + 5 + 500, i * 1000 + 10);
    expect(s.estimate).toEqual({ offsetMs: 500, rttMs: 10 });
    // A Wi-Fi stall: 400 ms on the way out, nothing back.
    s.addExchange(5000, 5000 + 400 + 500, 5400);
    s.addExchange(6000, 6000 - 1e6, 9000);
    expect(s.estimate).toEqual({ offsetMs: 500, rttMs: 10 });
    expect(s.count).toBe(6);
  });

  it("keeps only the newest exchanges in the window", () => {
    const s = new ClockSync({ window: 4 });
    s.addExchange(0, 100 + 2.5, 5);
    for (let i = 1; i <= 3; i++) s.addExchange(i * 100, i * 100 + 10 + 200, i * 100 + 20);
    expect(s.estimate).toEqual({ offsetMs: 100, rttMs: 5 });
    s.addExchange(400, 400 + 10 + 200, 420);
    expect(s.count).toBe(4);
    expect(s.estimate).toEqual({ offsetMs: 200, rttMs: 20 });
  });

  it("prefers the newest of equally fast exchanges, following drift", () => {
    const s = new ClockSync();
    s.addExchange(0, 110, 20);
    s.addExchange(100, 215, 120);
    expect(s.estimate).toEqual({ offsetMs: 105, rttMs: 20 });
  });

  it("forgets everything on reset", () => {
    const s = new ClockSync();
    s.addExchange(0, 10, 5);
    s.reset();
    expect(s.count).toBe(0);
    expect(s.estimate).toBeNull();
    s.addExchange(0, 30, 10);
    expect(s.estimate).toEqual({ offsetMs: 25, rttMs: 10 });
  });

  it("rejects a window that is not a positive integer", () => {
    expect(() => new ClockSync({ window: 0 })).toThrow(RangeError);
    expect(() => new ClockSync({ window: 2.5 })).toThrow(RangeError);
  });

  it("recovers a known offset within half the minimum RTT under asymmetric random delays", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rand = prng(seed);
      // Epoch clocks a phone and a laptop disagree on by up to a few minutes.
      const trueOffsetMs = (rand() - 0.5) * 4e5;
      const s = new ClockSync();
      let localMs = 1.7e12 + rand() * 1e10;
      let minRttMs = Infinity;
      for (let i = 0; i < 40; i++) {
        // Uplink slower and burstier than downlink, as on a phone's Wi-Fi.
        const upMs = 2 + expDelayMs(rand, 30);
        const downMs = 1 + expDelayMs(rand, 5);
        const t0 = localMs;
        const serverMs = t0 + upMs + trueOffsetMs;
        const t1 = t0 + upMs + downMs;
        s.addExchange(t0, serverMs, t1);
        if (i >= 40 - 16) minRttMs = Math.min(minRttMs, t1 - t0);
        localMs = t1 + 50 + rand() * 1000;
      }
      const e = s.estimate!;
      expect(e.rttMs).toBeCloseTo(minRttMs, 6);
      expect(Math.abs(e.offsetMs - trueOffsetMs)).toBeLessThanOrEqual(e.rttMs / 2 + 1e-3);
    }
  });
});
