import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MotionSession, type MotionEventSource } from "@/lib/phone/motion-session";
import type { PhonePlatform } from "@/lib/phone/platform";
import type { SensorVerdict } from "@/lib/phone/sensor-check";
import { F, type SampleTuple } from "@/lib/protocol/sample";

/** A stand-in for `window`: just the listeners. */
function fakeWindow() {
  const listeners = new Map<string, Set<(e: unknown) => void>>();
  const source: MotionEventSource = {
    addEventListener: (type, l) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
    removeEventListener: (type, l) => void listeners.get(type)?.delete(l),
  };
  const fire = (type: string, e: unknown) => listeners.get(type)?.forEach((l) => l(e));
  const count = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { source, fire, count };
}

const ORIGIN = 1_700_000_000_000;

describe("MotionSession", () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
  });
  afterEach(() => vi.useRealTimers());

  function setup(platform: PhonePlatform = "android") {
    const win = fakeWindow();
    const samples: SampleTuple[] = [];
    const verdicts: SensorVerdict[] = [];
    const session = new MotionSession({
      source: win.source,
      platform,
      timeOriginMs: ORIGIN,
      nowMs: () => now,
      onSample: (s) => samples.push(s),
      onVerdict: (v) => verdicts.push(v),
    });
    return { win, samples, verdicts, session };
  }

  function motion(timeStamp: number, z = 9.81) {
    return { timeStamp, accelerationIncludingGravity: { x: 0, y: 0, z }, acceleration: { x: 0, y: 0, z: 0 }, rotationRate: { alpha: 0, beta: 0, gamma: 0 } };
  }

  it("turns events into samples carrying the newest orientation", () => {
    const { win, samples, verdicts, session } = setup();
    session.start();
    win.fire("devicemotion", { timeStamp: 1, accelerationIncludingGravity: null, acceleration: null, rotationRate: null });
    win.fire("deviceorientation", { alpha: 1, beta: 2, gamma: 3 });
    for (let i = 1; i <= 60; i++) {
      now = i * 16;
      win.fire("devicemotion", motion(now));
    }
    expect(samples).toHaveLength(60);
    expect(samples[0]![F.tMs]).toBe(ORIGIN + 16);
    expect(samples[59]![F.orientGamma]).toBe(3);
    expect(verdicts).toEqual(["ok"]);
    expect(session.samples).toBe(60);
    expect(session.rateHz()).toBe(60);
    expect(session.lastSampleAtMs).toBe(960);
  });

  it("sends the wire's convention on every platform: iOS Safari's flipped acceleration is undone", () => {
    for (const [platform, z] of [["ios", -9.81], ["android", 9.81]] as const) {
      const { win, samples, session } = setup(platform);
      session.start();
      win.fire("devicemotion", { ...motion(16, z), rotationRate: { alpha: 90, beta: 0, gamma: 0 } });
      expect(samples[0]![F.accelGZ]).toBe(9.81);
      expect(samples[0]![F.gyroX]).toBeCloseTo(Math.PI / 2, 12);
      session.stop();
    }
  });

  it("reports blocked sensors, and no events", () => {
    const blocked = setup();
    blocked.session.start();
    for (let t = 0; t <= 1100; t += 16) {
      now = t;
      blocked.win.fire("devicemotion", motion(t, 0));
    }
    expect(blocked.verdicts).toEqual(["blocked"]);

    now = 0;
    const silent = setup();
    silent.session.start();
    now = 1600;
    vi.advanceTimersByTime(300);
    expect(silent.verdicts).toEqual(["no-events"]);
    expect(silent.session.verdict).toBe("no-events");
  });

  it("stops listening and polling on stop", () => {
    const { win, samples, verdicts, session } = setup();
    session.start();
    expect(win.count()).toBe(2);
    session.stop();
    expect(win.count()).toBe(0);
    expect(session.running).toBe(false);
    win.fire("devicemotion", motion(5));
    now = 5000;
    vi.advanceTimersByTime(5000);
    expect(samples).toHaveLength(0);
    expect(verdicts).toEqual([]);
  });
});
