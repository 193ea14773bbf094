import { describe, expect, it } from "vitest";
import { SequenceTracker } from "@/lib/stream/sequence-tracker";
import { prng } from "./seeded-random";

describe("SequenceTracker", () => {
  it("has no expectation before the first batch", () => {
    const t = new SequenceTracker();
    expect(t.nextSeq).toBeNull();
    expect(t.duplicates).toBe(0);
    expect(t.dropped).toBe(0);
  });

  it("takes the first batch as the origin, wherever it starts", () => {
    const t = new SequenceTracker();
    expect(t.accept(100, 3)).toEqual({ freshFrom: 0, duplicates: 0, dropped: 0 });
    expect(t.nextSeq).toBe(103);
    expect(t.accept(103, 2)).toEqual({ freshFrom: 0, duplicates: 0, dropped: 0 });
    expect(t.nextSeq).toBe(105);
  });

  it("resumes from a given nextSeq, counting a hole before the first batch", () => {
    const t = new SequenceTracker(10);
    expect(t.nextSeq).toBe(10);
    expect(t.accept(15, 2)).toEqual({ freshFrom: 0, duplicates: 0, dropped: 5 });
    expect(t.nextSeq).toBe(17);
    expect(t.dropped).toBe(5);
  });

  it("discards a batch that was wholly seen before", () => {
    const t = new SequenceTracker();
    t.accept(0, 5);
    expect(t.accept(0, 5)).toEqual({ freshFrom: 5, duplicates: 5, dropped: 0 });
    expect(t.accept(1, 2)).toEqual({ freshFrom: 2, duplicates: 2, dropped: 0 });
    expect(t.nextSeq).toBe(5);
    expect(t.duplicates).toBe(7);
  });

  it("keeps the new tail of a partly overlapping batch", () => {
    const t = new SequenceTracker();
    t.accept(0, 5);
    expect(t.accept(3, 4)).toEqual({ freshFrom: 2, duplicates: 2, dropped: 0 });
    expect(t.nextSeq).toBe(7);
    // Ends exactly at the mark: all old.
    expect(t.accept(4, 3)).toEqual({ freshFrom: 3, duplicates: 3, dropped: 0 });
  });

  it("counts samples skipped over as dropped and does not wait for them", () => {
    const t = new SequenceTracker();
    t.accept(0, 7);
    expect(t.accept(10, 2)).toEqual({ freshFrom: 0, duplicates: 0, dropped: 3 });
    expect(t.nextSeq).toBe(12);
    // The missing samples arriving late are already behind the mark.
    expect(t.accept(7, 3)).toEqual({ freshFrom: 3, duplicates: 3, dropped: 0 });
    expect(t.dropped).toBe(3);
    expect(t.duplicates).toBe(3);
  });

  it("rejects impossible sequence numbers and counts", () => {
    const t = new SequenceTracker();
    expect(() => t.accept(-1, 1)).toThrow(RangeError);
    expect(() => t.accept(1.5, 1)).toThrow(RangeError);
    expect(() => t.accept(0, 0)).toThrow(RangeError);
    expect(() => t.accept(0, Number.NaN)).toThrow(RangeError);
    expect(() => new SequenceTracker(-3)).toThrow(RangeError);
    expect(t.nextSeq).toBeNull();
  });

  it("delivers every sample at most once and in order under random resends and losses", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rand = prng(seed);
      const start = Math.floor(rand() * 1000);
      const t = new SequenceTracker();
      const delivered: number[] = [];
      const seen = new Set<number>();
      let phoneNext = start;
      // Samples the phone still holds start here; the ones it skipped are gone.
      let oldestHeld = start;
      let sent = 0;
      let origin: number | null = null;
      for (let batch = 0; batch < 200; batch++) {
        const r = rand();
        // A reconnect resends some of the past; a buffer overflow skips ahead.
        if (r < 0.15) {
          phoneNext = Math.max(oldestHeld, phoneNext - Math.floor(rand() * 20));
        } else if (r < 0.25) {
          phoneNext += Math.floor(rand() * 10);
          oldestHeld = phoneNext;
        }
        const count = 1 + Math.floor(rand() * 8);
        origin ??= phoneNext;
        const a = t.accept(phoneNext, count);
        expect(a.freshFrom).toBeGreaterThanOrEqual(0);
        expect(a.freshFrom).toBeLessThanOrEqual(count);
        for (let i = a.freshFrom; i < count; i++) delivered.push(phoneNext + i);
        for (let i = 0; i < count; i++) seen.add(phoneNext + i);
        sent += count;
        phoneNext += count;
      }
      for (let i = 1; i < delivered.length; i++) expect(delivered[i]!).toBeGreaterThan(delivered[i - 1]!);
      const span = t.nextSeq! - origin!;
      expect(t.duplicates).toBe(sent - delivered.length);
      expect(t.dropped).toBe(span - delivered.length);
      // Resends never reach into a hole, so every distinct sample sent was delivered once.
      expect(delivered.length).toBe(seen.size);
    }
  });
});
