import { describe, expect, it } from "vitest";
import { linkSpan, linkView } from "@/components/recordings/review/review-link";
import { VIEW_MIN_MS } from "@/lib/review/timeline-view";

describe("review link span", () => {
  it("reads a from/to pair of recording-clock ms", () => {
    expect(linkSpan("1760000101000", "1760000104000")).toEqual({ startMs: 1_760_000_101_000, endMs: 1_760_000_104_000 });
    expect(linkSpan("1000.5", "2500")).toEqual({ startMs: 1_000.5, endMs: 2_500 });
  });

  it("is null when either end is missing or empty", () => {
    expect(linkSpan(undefined, "2500")).toBeNull();
    expect(linkSpan("1000", undefined)).toBeNull();
    expect(linkSpan(undefined, undefined)).toBeNull();
    expect(linkSpan("", "2500")).toBeNull();
    expect(linkSpan("1000", "   ")).toBeNull();
  });

  it("is null when a value is repeated in the query (an array)", () => {
    expect(linkSpan(["1000", "1200"], "2500")).toBeNull();
    expect(linkSpan("1000", ["2500"])).toBeNull();
  });

  it("is null when a value is not a finite number", () => {
    expect(linkSpan("abc", "2500")).toBeNull();
    expect(linkSpan("1000", "25s")).toBeNull();
    expect(linkSpan("NaN", "2500")).toBeNull();
    expect(linkSpan("1000", "Infinity")).toBeNull();
  });

  it("is null when the pair is backwards or empty", () => {
    expect(linkSpan("2500", "1000")).toBeNull();
    expect(linkSpan("1000", "1000")).toBeNull();
  });
});

describe("review link view", () => {
  const bounds = { startMs: 100_000, endMs: 160_000 };

  it("opens on the span when it lies inside the recording", () => {
    expect(linkView({ startMs: 101_000, endMs: 104_000 }, bounds)).toEqual({ startMs: 101_000, endMs: 104_000 });
  });

  it("cuts a span that reaches past either end to the recording", () => {
    expect(linkView({ startMs: 99_000, endMs: 102_000 }, bounds)).toEqual({ startMs: 100_000, endMs: 102_000 });
    expect(linkView({ startMs: 158_000, endMs: 161_500 }, bounds)).toEqual({ startMs: 158_000, endMs: 160_000 });
    expect(linkView({ startMs: 90_000, endMs: 170_000 }, bounds)).toEqual(bounds);
  });

  it("widens a very short span to the timeline's narrowest window", () => {
    const v = linkView({ startMs: 120_000, endMs: 120_050 }, bounds)!;
    expect(v.endMs - v.startMs).toBe(VIEW_MIN_MS);
    expect(v.startMs).toBeLessThanOrEqual(120_000);
    expect(v.endMs).toBeGreaterThanOrEqual(120_050);
  });

  it("is null without a span, or when the span misses the recording", () => {
    expect(linkView(null, bounds)).toBeNull();
    expect(linkView({ startMs: 10_000, endMs: 20_000 }, bounds)).toBeNull();
    expect(linkView({ startMs: 160_000, endMs: 165_000 }, bounds)).toBeNull();
    expect(linkView({ startMs: 95_000, endMs: 100_000 }, bounds)).toBeNull();
  });
});
