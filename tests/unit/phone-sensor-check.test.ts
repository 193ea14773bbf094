import { describe, expect, it } from "vitest";
import { readingHasSignal, SensorCheck } from "@/lib/phone/sensor-check";
import type { SampleTuple } from "@/lib/protocol/sample";

const zeros: SampleTuple = [1_700_000_000_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null];
const real: SampleTuple = [1_700_000_000_000, 0.1, 0.2, 9.8, 0, 0, 0, 0.01, 0, 0, 10, 20, 30];
const nullEvent = { timeStamp: 1, accelerationIncludingGravity: null, acceleration: null, rotationRate: null };

/** Feeds `reading` every 16 ms from `fromMs` to `toMs` and returns the verdict after each. */
function stream(check: SensorCheck, reading: Parameters<SensorCheck["feed"]>[1], fromMs: number, toMs: number) {
  const verdicts: (string | null)[] = [];
  for (let t = fromMs; t <= toMs; t += 16) verdicts.push(check.feed(t, reading));
  return verdicts;
}

describe("readingHasSignal", () => {
  it("ignores the timestamp, zeros and nulls", () => {
    expect(readingHasSignal(zeros)).toBe(false);
    expect(readingHasSignal(null)).toBe(false);
    expect(readingHasSignal(nullEvent)).toBe(false);
    expect(readingHasSignal(real)).toBe(true);
    expect(readingHasSignal({ timeStamp: 1, accelerationIncludingGravity: { x: 0, y: 0, z: 0 }, rotationRate: { alpha: 0, beta: 0.5, gamma: 0 } })).toBe(true);
  });
});

describe("SensorCheck", () => {
  it("says ok at the first real reading, and stays ok", () => {
    const check = new SensorCheck(0);
    expect(check.feed(5, nullEvent)).toBeNull();
    expect(check.feed(21, real)).toBe("ok");
    expect(stream(check, zeros, 40, 3000).every((v) => v === "ok")).toBe(true);
    expect(check.poll(10_000)).toBe("ok");
  });

  it("says blocked after a full second of zeros, not before", () => {
    const check = new SensorCheck(0);
    const verdicts = stream(check, zeros, 100, 1200);
    const firstBlocked = verdicts.indexOf("blocked");
    // 100 + 63 * 16 = 1108 is the first event a full second after the first one at 100.
    expect(firstBlocked).toBe(63);
    expect(verdicts.slice(0, firstBlocked).every((v) => v === null)).toBe(true);
  });

  it("treats all-null events like zeros", () => {
    const check = new SensorCheck(0);
    expect(stream(check, null, 0, 1100).at(-1)).toBe("blocked");
  });

  it("recovers from blocked when real readings appear", () => {
    const check = new SensorCheck(0);
    stream(check, zeros, 0, 1100);
    expect(check.verdict).toBe("blocked");
    expect(check.feed(1200, real)).toBe("ok");
  });

  it("says no-events after 1.5 s without events", () => {
    const check = new SensorCheck(1000);
    expect(check.poll(2400)).toBeNull();
    expect(check.poll(2500)).toBe("no-events");
  });

  it("counts silence after Chromium's lone attach event as no events", () => {
    const check = new SensorCheck(0);
    expect(check.feed(3, nullEvent)).toBeNull();
    expect(check.poll(1000)).toBeNull();
    expect(check.poll(1503)).toBe("no-events");
    expect(check.feed(4000, real)).toBe("ok");
  });

  it("needs a full second of zeros again after a silence", () => {
    const check = new SensorCheck(0);
    check.feed(3, zeros);
    expect(check.poll(2000)).toBe("no-events");
    expect(check.feed(2500, zeros)).toBe("no-events");
    expect(stream(check, zeros, 2516, 3490).at(-1)).toBe("no-events");
    expect(check.feed(3500, zeros)).toBe("blocked");
  });

  it("is not fooled into no-events by a slow but steady stream", () => {
    const check = new SensorCheck(0);
    for (let t = 0; t < 5000; t += 200) {
      check.feed(t, real);
      expect(check.poll(t + 100)).toBe("ok");
    }
  });
});
