import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RecordingEventSink, type RecordingEventSinkOptions, type SinkEvent } from "@/lib/client/recording-event-sink";

const FLUSH_MS = 500;
const RETRY_MS = 250;

const event = (tMs: number, deviceId = "phone-a"): SinkEvent => ({ deviceId, tMs, interaction: "double-tap", detector: "A: heuristic:double-tap", score: 0.9 });

class Refused extends Error {
  constructor(readonly status: number) {
    super(`refused with ${status}`);
  }
}

/** A fake server: answers each POST with the next scripted outcome ("ok" once the script runs out). */
function harness(script: ("ok" | "fail" | 409)[] = [], opts: Partial<RecordingEventSinkOptions> = {}) {
  const received: SinkEvent[][] = [];
  const attempts: SinkEvent[][] = [];
  const errors: { events: readonly SinkEvent[]; kept: boolean }[] = [];
  const sink = new RecordingEventSink({
    send: (events) => {
      attempts.push([...events]);
      const outcome = script.shift() ?? "ok";
      if (outcome === "fail") return Promise.reject(new Error("network down"));
      if (outcome === 409) return Promise.reject(new Refused(409));
      received.push([...events]);
      return Promise.resolve();
    },
    flushEveryMs: FLUSH_MS,
    retryAfterMs: RETRY_MS,
    permanent: (e) => e instanceof Refused,
    onError: (_e, events, kept) => errors.push({ events: [...events], kept }),
    ...opts,
  });
  return { sink, received, attempts, errors };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("RecordingEventSink", () => {
  it("sends the events of one tick together, after the flush interval and not before", async () => {
    const { sink, received } = harness();
    sink.push(event(1));
    await vi.advanceTimersByTimeAsync(200);
    sink.push(event(2));
    sink.push(event(3));
    await vi.advanceTimersByTimeAsync(FLUSH_MS - 201);
    expect(received).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toEqual([[event(1), event(2), event(3)]]);
    expect(sink.pending).toBe(0);
  });

  it("sends nothing when nothing happened", async () => {
    const { attempts } = harness();
    await vi.advanceTimersByTimeAsync(5 * FLUSH_MS);
    expect(attempts).toEqual([]);
  });

  it("splits a burst into batches the server accepts, in order", async () => {
    const { sink, received } = harness([], { maxBatch: 2 });
    for (let t = 1; t <= 5; t++) sink.push(event(t));
    await sink.flush();
    expect(received.map((b) => b.map((e) => e.tMs))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("retries a failed batch once and reports nothing when the retry gets through", async () => {
    const { sink, received, attempts, errors } = harness(["fail"]);
    sink.push(event(1));
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(attempts).toHaveLength(2);
    expect(received).toEqual([[event(1)]]);
    expect(errors).toEqual([]);
  });

  it("keeps a batch that failed twice, reports it, and delivers it before newer events on the next tick", async () => {
    const { sink, received, attempts, errors } = harness(["fail", "fail"]);
    sink.push(event(1));
    await vi.advanceTimersByTimeAsync(FLUSH_MS + RETRY_MS);
    expect(attempts).toHaveLength(2);
    expect(errors).toEqual([{ events: [event(1)], kept: true }]);
    expect(sink.pending).toBe(1);

    sink.push(event(2));
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(received).toEqual([[event(1), event(2)]]);
    expect(sink.pending).toBe(0);
  });

  it("tries a kept batch again on its own, without a new event to trigger it", async () => {
    const { sink, received } = harness(["fail", "fail", "fail", "fail"]);
    sink.push(event(1));
    await vi.advanceTimersByTimeAsync(2 * (FLUSH_MS + RETRY_MS));
    expect(received).toEqual([]);
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(received).toEqual([[event(1)]]);
  });

  it("gives a batch up at once when the answer is final, and reports the events it gave up", async () => {
    const { sink, attempts, errors } = harness([409]);
    sink.push(event(1));
    sink.push(event(2));
    await sink.flush();
    expect(attempts).toHaveLength(1);
    expect(errors).toEqual([{ events: [event(1), event(2)], kept: false }]);
    expect(sink.pending).toBe(0);
  });

  it("close sends what is left at once and refuses later events", async () => {
    const { sink, received } = harness();
    sink.push(event(1));
    await sink.close();
    expect(received).toEqual([[event(1)]]);
    sink.push(event(2));
    await vi.advanceTimersByTimeAsync(2 * FLUSH_MS);
    expect(received).toEqual([[event(1)]]);
  });

  it("runs overlapping flushes one after another, so batches never overtake each other", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const sink = new RecordingEventSink({
      send: (events) => {
        batches.push(events.map((e) => e.tMs));
        // The first batch is slow; the second must wait for it rather than run beside it.
        return events[0]!.tMs === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
    });
    sink.push(event(1));
    const first = sink.flush();
    await vi.advanceTimersByTimeAsync(0);
    sink.push(event(2));
    const second = sink.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, second]);
    expect(batches).toEqual([[1], [2]]);
  });
});
