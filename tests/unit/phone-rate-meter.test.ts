import { describe, expect, it } from "vitest";
import { RateMeter } from "@/lib/phone/rate-meter";

describe("RateMeter", () => {
  it("counts events of the last second", () => {
    const m = new RateMeter(1000);
    expect(m.rateHz(0)).toBe(0);
    expect(m.lastAtMs).toBeNull();
    for (let i = 0; i < 600; i++) m.add(i * (1000 / 60));
    expect(m.rateHz(599 * (1000 / 60) + 5)).toBe(60);
    expect(m.lastAtMs).toBeCloseTo(599 * (1000 / 60));
  });

  it("falls to zero when events stop", () => {
    const m = new RateMeter(1000);
    for (let t = 0; t < 1000; t += 10) m.add(t);
    expect(m.rateHz(999)).toBe(100);
    expect(m.rateHz(1500)).toBe(49);
    expect(m.rateHz(2000)).toBe(0);
  });

  it("keeps its memory bounded over a long run", () => {
    const m = new RateMeter(1000);
    for (let t = 0; t < 600_000; t += 5) {
      m.add(t);
      if (t % 250 === 0) expect(m.rateHz(t)).toBeLessThanOrEqual(200);
    }
    expect((m as unknown as { times: number[] }).times.length).toBeLessThan(1000);
  });

  it("starts over after reset", () => {
    const m = new RateMeter(1000);
    m.add(1);
    m.reset();
    expect(m.rateHz(2)).toBe(0);
    expect(m.lastAtMs).toBeNull();
  });
});
