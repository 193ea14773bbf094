import { describe, expect, it } from "vitest";
import { movingSpan, TeachCapture } from "@/lib/client/teach-capture";
import { samplesPack } from "@/lib/data/motion-recording";
import type { SampleTuple } from "@/lib/protocol/sample";
import { StreamStore } from "@/lib/stream/stream-store";

const T0 = 1_700_000_000_000;
/** 2 s at 50 Hz: still, then a 300 ms twist from 0.8 s, then still. */
function clip(): SampleTuple[] {
  return Array.from({ length: 100 }, (_, i) => {
    const t = T0 + i * 20;
    const moving = i >= 40 && i < 55;
    const jitter = 0.01 * Math.sin(i);
    return [t, 0, 0, 9.81, jitter, jitter, jitter, moving ? 5 : jitter, jitter, jitter, null, null, null];
  });
}

describe("movingSpan", () => {
  it("trims an example to where the wrist moved, with a margin", () => {
    const span = movingSpan(samplesPack(clip()), 100);
    expect(span.tStartMs).toBe(T0 + 40 * 20 - 100);
    expect(span.tEndMs).toBe(T0 + 54 * 20 + 100);
  });

  it("keeps at most 800 ms around the strongest motion when the clip moved longer", () => {
    const long = clip().map((s, i) => (i >= 10 && i < 90 ? ([s[0], 0, 0, 9.81, 0, 0, 0, i === 60 ? 9 : 4, 0, 0, null, null, null] as SampleTuple) : s));
    const span = movingSpan(samplesPack(long), 100);
    expect(span.tEndMs - span.tStartMs).toBe(800);
    expect(span.tStartMs).toBe(T0 + 60 * 20 - 400);
  });

  it("keeps the whole clip when it is short and nothing stands out", () => {
    const still = clip()
      .slice(0, 30)
      .map((s) => [s[0], 0, 0, 9.81, 0, 0, 0, 0.01, 0, 0, null, null, null] as SampleTuple);
    expect(movingSpan(samplesPack(still), 30)).toEqual({ tStartMs: T0, tEndMs: T0 + 29 * 20 + 1 });
  });
});

describe("TeachCapture", () => {
  it("records the chosen device's samples on the server clock into a labelled recording", () => {
    const store = new StreamStore();
    const capture = new TeachCapture(store, () => "twist");
    capture.start("example", "phone-a");
    const samples = clip();
    store.addBatch({ deviceId: "phone-a", session: "s", seq: 0, samples, clockOffsetMs: 5, receivedAtMs: 0 }, null);
    store.addBatch({ deviceId: "phone-b", session: "s", seq: 0, samples: clip(), clockOffsetMs: 0, receivedAtMs: 0 }, null);
    expect(capture.samples).toBe(100);
    const taken = capture.stop()!;
    expect(taken.kind).toBe("example");
    expect(taken.recording.length).toBe(100);
    expect(taken.recording.samples[0]).toBe(T0 + 5);
    expect(taken.recording.segments).toEqual([{ label: "twist", tStartMs: T0 + 5 + 700, tEndMs: T0 + 5 + 1180 }]);
    capture.close();
  });

  it("gives other motion no segment, and nothing when no sample arrived", () => {
    const store = new StreamStore();
    const capture = new TeachCapture(store, () => "twist");
    capture.start("other", "phone-a");
    expect(capture.stop()).toBeNull();
    capture.start("other", "phone-a");
    store.addBatch({ deviceId: "phone-a", session: "s", seq: 0, samples: clip(), clockOffsetMs: 0, receivedAtMs: 0 }, null);
    expect(capture.stop()!.recording.segments).toEqual([]);
    capture.close();
  });
});
