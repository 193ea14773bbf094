import { describe, expect, it } from "vitest";
import type { LabelledSegment } from "@/lib/data/motion-recording";
import { eventsMatch } from "@/lib/eval/event-match";

const seg = (label: string, tStartMs: number, tEndMs: number): LabelledSegment => ({ label, tStartMs, tEndMs });
const ev = (label: string, tStartMs: number, tEndMs: number) => ({ label, tStartMs, tEndMs });

describe("eventsMatch", () => {
  const tap = [seg("tap", 1000, 2000)];

  it("matches an event whose window ends just inside the segment, with the delay from the gesture's end", () => {
    const m = eventsMatch([ev("tap", 600, 1000)], tap, { toleranceMs: 0 });
    expect(m.events).toEqual([{ outcome: "tp", segment: 0, delayMs: -1000 }]);
    expect(m.segmentEvent).toEqual([0]);
  });

  it("does not match an event that ends just before the segment starts", () => {
    const m = eventsMatch([ev("tap", 600, 999)], tap, { toleranceMs: 500 });
    expect(m.events).toEqual([{ outcome: "fp", segment: -1, delayMs: null }]);
    expect(m.segmentEvent).toEqual([-1]);
  });

  it("extends a segment by the tolerance after its end only", () => {
    const late = (startMs: number, toleranceMs: number) => eventsMatch([ev("tap", startMs, startMs + 300)], tap, { toleranceMs }).events[0]!;
    expect(late(1999, 0)).toMatchObject({ outcome: "tp", delayMs: 299 });
    expect(late(2000, 0).outcome).toBe("fp");
    expect(late(2499, 500)).toMatchObject({ outcome: "tp", delayMs: 799 });
    expect(late(2500, 500).outcome).toBe("fp");
    // Tolerance does not reach back before the start.
    expect(eventsMatch([ev("tap", 200, 999)], tap, { toleranceMs: 500 }).events[0]!.outcome).toBe("fp");
  });

  it("uses a 500 ms tolerance by default and rejects a negative one", () => {
    expect(eventsMatch([ev("tap", 2400, 2600)], tap).events[0]!.outcome).toBe("tp");
    expect(eventsMatch([ev("tap", 2500, 2600)], tap).events[0]!.outcome).toBe("fp");
    expect(() => eventsMatch([], tap, { toleranceMs: -1 })).toThrow(RangeError);
  });

  it("counts a second event on a matched segment as a double detection placed on that segment", () => {
    const m = eventsMatch([ev("tap", 1500, 2400), ev("tap", 1200, 1800)], tap, { toleranceMs: 500 });
    // The one that decided first is the match, whatever the input order.
    expect(m.events[1]).toEqual({ outcome: "tp", segment: 0, delayMs: -200 });
    expect(m.events[0]).toEqual({ outcome: "double", segment: 0, delayMs: null });
    expect(m.segmentEvent).toEqual([1]);
  });

  it("places an event of the wrong label on the segment it overlaps, leaving the segment missed", () => {
    const m = eventsMatch([ev("flick", 1200, 1800)], [seg("tap", 1000, 2000), seg("flick", 5000, 6000)], { toleranceMs: 0 });
    expect(m.events).toEqual([{ outcome: "fp", segment: 0, delayMs: null }]);
    expect(m.segmentEvent).toEqual([-1, -1]);
  });

  it("places a false positive overlapping several segments on the one it overlaps most", () => {
    const segments = [seg("walk", 0, 1000), seg("lower", 1000, 3000)];
    expect(eventsMatch([ev("tap", 800, 1500)], segments, { toleranceMs: 0 }).events[0]!.segment).toBe(1);
    expect(eventsMatch([ev("tap", 200, 1100)], segments, { toleranceMs: 0 }).events[0]!.segment).toBe(0);
    // Inside both a long activity and a gesture nested in it: the gesture.
    const nested = [seg("walk", 0, 60_000), seg("lower", 5000, 6000)];
    expect(eventsMatch([ev("tap", 5200, 5400)], nested, { toleranceMs: 0 }).events[0]!.segment).toBe(1);
  });

  it("finds the largest one-to-one matching in a burst of close gestures", () => {
    // The first event overlaps both segments, mostly the second; the second event only the second.
    const segments = [seg("tap", 0, 1000), seg("tap", 1000, 2000)];
    const m = eventsMatch([ev("tap", 1950, 1990), ev("tap", 900, 1900)], segments, { toleranceMs: 0 });
    expect(m.events.map((v) => v.outcome)).toEqual(["tp", "tp"]);
    expect(m.segmentEvent).toEqual([1, 0]);
  });

  it("matches nothing in an empty stream", () => {
    expect(eventsMatch([], [])).toEqual({ events: [], segmentEvent: [] });
  });
});
