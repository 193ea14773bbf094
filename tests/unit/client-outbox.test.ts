import { describe, expect, it } from "vitest";
import { Outbox, type OutboxChunk } from "@/lib/client/outbox";
import type { SampleTuple } from "@/lib/protocol/sample";
import { prng } from "./seeded-random";

/** The i-th pushed sample: its time encodes i, so content can be checked against seq. */
const s = (i: number): SampleTuple => [1000 + i, 0, 0, 9.8, null, null, null, null, null, null, null, null, null];
const indexOf = (t: SampleTuple) => t[0] - 1000;
/** The sample indexes in a chunk, for compact expectations. */
const ids = (c: OutboxChunk | null) => (c ? { seq: c.seq, ids: c.samples.map(indexOf) } : null);

function filled(n: number, capacity = 1000): Outbox {
  const o = new Outbox(capacity);
  for (let i = 0; i < n; i++) o.push(s(i));
  return o;
}

describe("Outbox", () => {
  it("numbers samples from 0 without holes", () => {
    const o = new Outbox(10);
    expect([o.push(s(0)), o.push(s(1)), o.push(s(2))]).toEqual([0, 1, 2]);
    expect(o.pending).toBe(3);
    expect(o.unsent).toBe(3);
    expect(o.evictedTotal).toBe(0);
  });

  it("is empty at first", () => {
    const o = new Outbox(10);
    expect(o.take(5)).toBeNull();
    expect(o.pending).toBe(0);
    expect(o.unsent).toBe(0);
    expect(o.oldestUnsentTMs()).toBeNull();
  });

  it("hands out consecutive chunks of at most max samples", () => {
    const o = filled(5);
    expect(ids(o.take(2))).toEqual({ seq: 0, ids: [0, 1] });
    expect(o.unsent).toBe(3);
    expect(ids(o.take(2))).toEqual({ seq: 2, ids: [2, 3] });
    expect(ids(o.take(2))).toEqual({ seq: 4, ids: [4] });
    expect(o.take(2)).toBeNull();
    expect(o.unsent).toBe(0);
    // Taking is not acknowledging.
    expect(o.pending).toBe(5);
  });

  it("takes nothing for max <= 0", () => {
    const o = filled(3);
    expect(o.take(0)).toBeNull();
    expect(o.take(-1)).toBeNull();
    expect(o.unsent).toBe(3);
  });

  it("continues with samples pushed after a take", () => {
    const o = filled(2);
    expect(ids(o.take(10))).toEqual({ seq: 0, ids: [0, 1] });
    o.push(s(2));
    o.push(s(3));
    expect(ids(o.take(10))).toEqual({ seq: 2, ids: [2, 3] });
  });

  it("drops what an ack covers, partially or wholly", () => {
    const o = filled(5);
    o.take(5);
    o.ack(2);
    expect(o.pending).toBe(3);
    o.ack(5);
    expect(o.pending).toBe(0);
    expect(o.unsent).toBe(0);
  });

  it("ignores stale and repeated acks", () => {
    const o = filled(5);
    o.take(5);
    o.ack(3);
    o.ack(1);
    o.ack(3);
    o.ack(0);
    expect(o.pending).toBe(2);
    o.rewind();
    expect(ids(o.take(10))).toEqual({ seq: 3, ids: [3, 4] });
  });

  it("clamps an ack beyond what was pushed, so later samples still go out", () => {
    const o = filled(3);
    o.take(3);
    o.ack(100);
    expect(o.pending).toBe(0);
    expect(o.push(s(3))).toBe(3);
    expect(o.pending).toBe(1);
    expect(ids(o.take(10))).toEqual({ seq: 3, ids: [3] });
  });

  it("skips unsent samples an ack covers (the server had them from before)", () => {
    const o = filled(5);
    o.take(2);
    o.ack(4);
    expect(o.pending).toBe(1);
    expect(o.unsent).toBe(1);
    expect(ids(o.take(10))).toEqual({ seq: 4, ids: [4] });
  });

  it("resends exactly the unacknowledged samples, in order, after a rewind", () => {
    const o = filled(6);
    expect(ids(o.take(4))).toEqual({ seq: 0, ids: [0, 1, 2, 3] });
    o.ack(2);
    o.rewind();
    expect(o.unsent).toBe(4);
    expect(ids(o.take(3))).toEqual({ seq: 2, ids: [2, 3, 4] });
    expect(ids(o.take(3))).toEqual({ seq: 5, ids: [5] });
    expect(o.take(3)).toBeNull();
  });

  it("rewinds to nothing when everything was acknowledged", () => {
    const o = filled(3);
    o.take(3);
    o.ack(3);
    o.rewind();
    expect(o.unsent).toBe(0);
    expect(o.take(10)).toBeNull();
  });

  it("evicts the oldest samples past capacity, counts them, and sends from the survivors", () => {
    const o = filled(5, 3);
    expect(o.evictedTotal).toBe(2);
    expect(o.pending).toBe(3);
    expect(o.unsent).toBe(3);
    expect(ids(o.take(10))).toEqual({ seq: 2, ids: [2, 3, 4] });
    // Sequence numbers keep counting across evictions.
    expect(o.push(s(5))).toBe(5);
    expect(o.evictedTotal).toBe(3);
    expect(ids(o.take(10))).toEqual({ seq: 5, ids: [5] });
  });

  it("evicts sent but unacknowledged samples too, and a rewind does not bring them back", () => {
    const o = filled(3, 3);
    expect(ids(o.take(2))).toEqual({ seq: 0, ids: [0, 1] });
    o.push(s(3));
    o.push(s(4));
    expect(o.evictedTotal).toBe(2);
    expect(ids(o.take(10))).toEqual({ seq: 2, ids: [2, 3, 4] });
    o.rewind();
    expect(ids(o.take(10))).toEqual({ seq: 2, ids: [2, 3, 4] });
  });

  it("reports the phone time of the oldest unsent sample", () => {
    const o = filled(3);
    expect(o.oldestUnsentTMs()).toBe(1000);
    o.take(1);
    expect(o.oldestUnsentTMs()).toBe(1001);
    o.take(2);
    expect(o.oldestUnsentTMs()).toBeNull();
    o.rewind();
    expect(o.oldestUnsentTMs()).toBe(1000);
    o.ack(2);
    expect(o.oldestUnsentTMs()).toBe(1002);
    expect(filled(3, 2).oldestUnsentTMs()).toBe(1001);
  });

  it("keeps contents right across the internal compaction of a long stream", () => {
    const o = new Outbox(10_000);
    let pushed = 0;
    let expected = 0;
    for (let round = 0; round < 40; round++) {
      for (let k = 0; k < 150; k++) o.push(s(pushed++));
      for (let c = o.take(64); c; c = o.take(64)) {
        expect(c.seq).toBe(expected);
        expect(c.samples.map(indexOf)).toEqual(Array.from({ length: c.samples.length }, (_, i) => expected + i));
        expected += c.samples.length;
        // Acknowledge all but the last few, so the buffer head keeps moving.
        o.ack(expected - 3);
      }
    }
    expect(expected).toBe(pushed);
    expect(o.pending).toBe(3);
  });
});

/**
 * A phone link over an in-order transport that may drop: chunks in flight and acks on
 * the way back are lost on a disconnect, after which the phone rewinds. The server keeps
 * only `nextSeq` and discards what it already has, like lib/stream/sequence-tracker.
 */
function simulate(seed: number, steps: number, capacity: number) {
  const rand = prng(seed);
  const outbox = new Outbox(capacity);
  let inflight: OutboxChunk[] = [];
  let acks: number[] = [];
  const server = { nextSeq: 0, got: [] as { seq: number; index: number }[] };
  let pushed = 0;

  const deliver = () => {
    const c = inflight.shift();
    if (!c) return;
    c.samples.forEach((sample, i) => {
      const seq = c.seq + i;
      if (seq < server.nextSeq) return;
      server.got.push({ seq, index: indexOf(sample) });
      server.nextSeq = seq + 1;
    });
    // An honest server may acknowledge any prefix of what it has.
    acks.push(Math.floor(rand() * (server.nextSeq + 1)));
    acks.push(server.nextSeq);
  };
  const ackOne = () => {
    const a = acks.shift();
    if (a !== undefined) outbox.ack(a);
  };
  const disconnect = () => {
    inflight = [];
    acks = [];
    outbox.rewind();
  };

  for (let step = 0; step < steps; step++) {
    const r = rand();
    if (r < 0.35) outbox.push(s(pushed++));
    else if (r < 0.55) {
      const c = outbox.take(1 + Math.floor(rand() * 8));
      if (c) inflight.push(c);
    } else if (r < 0.75) deliver();
    else if (r < 0.92) ackOne();
    else if (r < 0.96) outbox.rewind();
    else disconnect();
  }
  // Reconnect for good and flush everything.
  disconnect();
  for (let c = outbox.take(8); c; c = outbox.take(8)) {
    inflight.push(c);
    deliver();
    while (acks.length) ackOne();
  }
  return { outbox, server, pushed };
}

describe("Outbox with a deduplicating server (property, seeded)", () => {
  it("delivers every pushed sample exactly once, in order, when nothing is evicted", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { outbox, server, pushed } = simulate(seed, 400, 1_000_000);
      expect(outbox.evictedTotal).toBe(0);
      expect(server.got.map((g) => g.seq)).toEqual(Array.from({ length: pushed }, (_, i) => i));
      expect(server.got.map((g) => g.index)).toEqual(Array.from({ length: pushed }, (_, i) => i));
      expect(outbox.pending).toBe(0);
    }
  });

  it("still holds over long runs that cross the buffer compaction", () => {
    for (let seed = 1001; seed <= 1005; seed++) {
      const { server, pushed } = simulate(seed, 12_000, 1_000_000);
      expect(pushed).toBeGreaterThan(2048);
      expect(server.got.map((g) => g.seq)).toEqual(Array.from({ length: pushed }, (_, i) => i));
      expect(server.got.every((g) => g.index === g.seq)).toBe(true);
    }
  });

  it("with a small buffer, loses only evicted samples and never mislabels one", () => {
    let evicted = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { outbox, server, pushed } = simulate(seed, 400, 8);
      evicted += outbox.evictedTotal;
      const seqs = server.got.map((g) => g.seq);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);
      expect(server.got.every((g) => g.index === g.seq)).toBe(true);
      expect(seqs.every((q) => q < pushed)).toBe(true);
      expect(pushed - seqs.length).toBeLessThanOrEqual(outbox.evictedTotal);
      expect(outbox.pending).toBe(0);
    }
    // The runs must actually exercise eviction.
    expect(evicted).toBeGreaterThan(200);
  });
});
