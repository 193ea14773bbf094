import { describe, expect, it } from "vitest";
import type { LabelledSegment } from "@/lib/data/motion-recording";
import { eventsMatch } from "@/lib/eval/event-match";
import { falseTriggers } from "@/lib/eval/metrics";
import { recordingScore } from "@/lib/eval/recording-score";

const seg = (label: string, tStartMs: number, tEndMs: number): LabelledSegment => ({ label, tStartMs, tEndMs });
const ev = (label: string, tStartMs: number, tEndMs: number) => ({ label, tStartMs, tEndMs });
const CLASSES = ["tap", "flick"];
const SPAN = { tStartMs: 0, durationMs: 10_000 };

describe("recordingScore", () => {
  const segments = [seg("walk", 0, 10_000), seg("tap", 500, 800), seg("tap", 4000, 4500), seg("flick", 9500, 9800)];
  const events = [ev("tap", 400, 900), ev("tap", 4300, 4700), ev("tap", 7000, 7100), ev("tap", 9600, 9700)];

  it("matches everything when edgeMs is 0", () => {
    const r = recordingScore(events, segments, CLASSES, SPAN, { toleranceMs: 0 });
    expect(r.match).toEqual(eventsMatch(events, segments, { toleranceMs: 0 }));
    expect(r.edgeSegments).toBeUndefined();
  });

  it("drops class segments near either edge and every event placed on them, then matches the rest again", () => {
    const r = recordingScore(events, segments, CLASSES, SPAN, { toleranceMs: 0, edgeMs: 1000 });
    expect(r.edgeSegments).toEqual([seg("tap", 500, 800), seg("flick", 9500, 9800)]);
    // walk spans the whole recording but is not a class: it stays, with the stray tap on it.
    expect(r.segments).toEqual([seg("walk", 0, 10_000), seg("tap", 4000, 4500)]);
    expect(r.events).toEqual([ev("tap", 4300, 4700), ev("tap", 7000, 7100)]);
    expect(r.match.events.map((v) => [v.outcome, v.segment])).toEqual([
      ["tp", 1],
      ["fp", 0],
    ]);
  });

  it("keeps a recording whose only gestures are at its edges out of the negative streams and its gesture time out of background", () => {
    const r = recordingScore([ev("tap", 5000, 5100)], [seg("tap", 100, 600)], CLASSES, SPAN, { toleranceMs: 0, edgeMs: 1000 });
    expect(r.segments).toEqual([]);
    const ft = falseTriggers(CLASSES, [r]);
    expect(ft.negativeStreams.events).toBe(0);
    expect(ft.background.events).toBe(1);
    expect(ft.background.hours).toBeCloseTo(9_500 / 3_600_000, 12);
  });

  it("rejects a negative edge", () => {
    expect(() => recordingScore([], [], CLASSES, SPAN, { edgeMs: -1 })).toThrow(RangeError);
  });
});
