import { describe, expect, it } from "vitest";
import type { StreamBatch } from "@/lib/protocol/events";
import { F, type SampleTuple } from "@/lib/protocol/sample";
import { COL_SERVER_MS, StreamStore } from "@/lib/stream/stream-store";

const sample = (tMs: number, ax = 0.5): SampleTuple => [tMs, ax, 0, 9.8, null, null, null, 0.1, 0.2, 0.3, null, null, null];

function batch(session: string, seq: number, n: number, t0 = 1000): StreamBatch {
  return {
    deviceId: "dev-1",
    session,
    seq,
    samples: Array.from({ length: n }, (_, i) => sample(t0 + (seq + i) * 16)),
    clockOffsetMs: 500,
    receivedAtMs: 0,
  };
}

describe("StreamStore", () => {
  it("stores each new sample once with its server time, nulls as NaN", () => {
    const store = new StreamStore(100);
    store.addBatch(batch("s1", 0, 3), 2000);
    store.addBatch(batch("s1", 1, 4), 2000);
    const d = store.devices.get("dev-1")!;
    expect(d.ring.total).toBe(5);
    expect(d.sequence.duplicates).toBe(2);
    expect(d.ring.latest(COL_SERVER_MS)).toBe(1000 + 4 * 16 + 500);
    expect(Number.isNaN(d.ring.latest(F.accelX))).toBe(true);
    expect(d.ring.latest(F.gyroZ)).toBeCloseTo(0.3);
    expect(store.health("dev-1")!.duplicates).toBe(2);
  });

  it("starts counting again when the device starts a new link session (a reloaded phone)", () => {
    const store = new StreamStore(100);
    store.addBatch(batch("s1", 0, 10), null);
    store.addBatch(batch("s2", 0, 3, 5000), null);
    const d = store.devices.get("dev-1")!;
    expect(d.ring.total).toBe(13);
    expect(d.sequence.duplicates).toBe(0);
    expect(store.health("dev-1")!.duplicates).toBe(0);
  });

  it("tells subscribers about new devices and room state, not about samples", () => {
    const store = new StreamStore(100);
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.addBatch(batch("s1", 0, 3), null);
    store.addBatch(batch("s1", 3, 3), null);
    expect(calls).toBe(1);
    store.setRoom({ code: "K7QM4X", createdAtMs: 0, viewers: [], devices: [], recording: null, study: null });
    expect(calls).toBe(2);
    off();
    store.setRoom({ code: "K7QM4X", createdAtMs: 0, viewers: [], devices: [], recording: null, study: null });
    expect(calls).toBe(2);
  });
});

describe("StreamStore room health", () => {
  it("merges a device's fresh health into the room and ignores other rooms", () => {
    const store = new StreamStore(100);
    const device = (id: string, rateHz: number) => ({
      id, name: id, source: "phone" as const, platform: "android" as const, connected: true, samples: 1, rateHz, jitterMs: 0, gaps: 0,
      dropped: 0, duplicates: 0, clockOffsetMs: 0, rttMs: 1, latencyMsP50: 1, latencyMsP95: 2, lastSampleAtMs: 0,
    });
    store.setRoom({ code: "K7QM4X", createdAtMs: 0, viewers: [], devices: [device("a", 0), device("b", 0)], recording: null, study: null });
    store.mergeDeviceInfo("K7QM4X", [device("b", 60)]);
    expect(store.room!.devices.map((d) => [d.id, d.rateHz])).toEqual([["a", 0], ["b", 60]]);
    store.mergeDeviceInfo("ZZZZZZ", [device("a", 99)]);
    expect(store.room!.devices[0]!.rateHz).toBe(0);
  });
});
