import { describe, expect, it } from "vitest";
import type { InteractionEvent, ScoreFrame } from "@/lib/models/detector";
import { InteractionBus } from "@/lib/models/event-bus";

function event(tEndMs: number, label = "tap"): InteractionEvent {
  return {
    interaction: "double-tap",
    label,
    confidence: 0.9,
    tStartMs: tEndMs - 500,
    tEndMs,
    detectedAtMs: tEndMs + 2,
    detectorId: "heuristic:double-tap",
    deviceId: "phone-1",
  };
}

const frame: ScoreFrame = {
  detectorId: "model:tap@2",
  deviceId: "phone-1",
  tEndMs: 1000,
  probs: Float32Array.of(0.2, 0.8),
  smoothed: Float32Array.of(0.3, 0.7),
};

describe("InteractionBus", () => {
  it("delivers events and scores with their slot to every listener until it unsubscribes", () => {
    const bus = new InteractionBus();
    const got: string[] = [];
    const offA = bus.onEvent((e, slot) => got.push(`A ${e.tEndMs} ${slot}`));
    bus.onEvent((e) => got.push(`B ${e.tEndMs}`));
    bus.onScores((f, slot) => got.push(`S ${f.detectorId} ${slot}`));
    bus.publishEvent(event(1), "A");
    bus.publishScores(frame, "B");
    offA();
    bus.publishEvent(event(2));
    expect(got).toEqual(["A 1 A", "B 1", "S model:tap@2 B", "B 2"]);
  });

  it("keeps calling the other listeners when one throws, and reports the error", () => {
    const errors: Array<[unknown, string]> = [];
    const bus = new InteractionBus({ onListenerError: (error, kind) => errors.push([error, kind]) });
    const got: number[] = [];
    const boom = new Error("scene crashed");
    bus.onEvent(() => {
      throw boom;
    });
    bus.onEvent((e) => got.push(e.tEndMs));
    bus.onScores(() => {
      throw boom;
    });
    bus.onScores((f) => got.push(f.tEndMs));
    bus.publishEvent(event(7));
    bus.publishScores(frame);
    expect(got).toEqual([7, 1000]);
    expect(errors).toEqual([
      [boom, "event"],
      [boom, "scores"],
    ]);
  });

  it("lets a listener unsubscribe itself while being called without skipping the next one", () => {
    const bus = new InteractionBus();
    const got: string[] = [];
    const off = bus.onEvent(() => {
      got.push("once");
      off();
    });
    bus.onEvent(() => got.push("always"));
    bus.publishEvent(event(1));
    bus.publishEvent(event(2));
    expect(got).toEqual(["once", "always", "always"]);
  });

  it("keeps the most recent events, oldest first, for late subscribers", () => {
    const bus = new InteractionBus({ recentCapacity: 3 });
    expect(bus.recentEvents()).toEqual([]);
    for (let i = 1; i <= 5; i++) bus.publishEvent(event(i));
    expect(bus.recentEvents().map((e) => e.tEndMs)).toEqual([3, 4, 5]);
    bus.clearRecent();
    bus.publishEvent(event(9));
    expect(bus.recentEvents().map((e) => e.tEndMs)).toEqual([9]);
  });

  it("holds 200 recent events by default and none when asked for none", () => {
    const bus = new InteractionBus();
    for (let i = 0; i < 250; i++) bus.publishEvent(event(i));
    const recent = bus.recentEvents();
    expect(recent).toHaveLength(200);
    expect(recent[0]!.tEndMs).toBe(50);
    const none = new InteractionBus({ recentCapacity: 0 });
    none.publishEvent(event(1));
    expect(none.recentEvents()).toEqual([]);
  });
});
