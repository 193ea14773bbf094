import { describe, expect, it } from "vitest";
import type { ChannelName } from "@/lib/models/channels";
import type { DecisionSettings, Detector, DetectorInput, DetectorLabel, DetectorSpec, InteractionEvent, ScoreFrame } from "@/lib/models/detector";
import { DetectorRunner, type DetectorRunnerOptions } from "@/lib/models/detector-runner";
import type { SampleTuple } from "@/lib/protocol/sample";

const T0 = 1_750_000_000_000;
const LABELS: DetectorLabel[] = [
  { name: "idle", role: "background" },
  { name: "tap", role: "event" },
];
const DECISION: DecisionSettings = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 0 };

interface FakeDetector extends Detector {
  calls: Array<{ tEndMs: number; window: number[] }>;
  resets: number;
}

/** P(tap) is the mean of the window's first channel, clamped to [0, 1]: the test controls it through the signal. */
function fakeDetector(id: string, input: Partial<DetectorInput> = {}, spec: Partial<DetectorSpec> = {}): FakeDetector {
  const fullInput: DetectorInput = { rateHz: 50, windowSamples: 10, hopSamples: 5, channels: ["accelGX"], ...input };
  const d: FakeDetector = {
    spec: { id, name: id, kind: "heuristic", interaction: "double-tap", input: fullInput, labels: LABELS, decision: DECISION, ...spec },
    calls: [],
    resets: 0,
    score(window, tEndMs) {
      d.calls.push({ tEndMs, window: Array.from(window) });
      const c = fullInput.channels.length;
      let sum = 0;
      for (let i = 0; i < window.length; i += c) sum += window[i]!;
      const p = Math.min(1, Math.max(0, sum / (window.length / c)));
      return Float32Array.of(1 - p, p);
    },
    reset() {
      d.resets++;
    },
    dispose() {},
  };
  return d;
}

function sample(accelGX: number, gyroZ: number | null = null): SampleTuple {
  return [0, accelGX, 0, 9.81, null, null, null, null, null, gyroZ, null, null, null];
}

function harness(detector: Detector, opts: Partial<DetectorRunnerOptions> = {}) {
  const events: InteractionEvent[] = [];
  const scores: ScoreFrame[] = [];
  let clockMs = T0;
  const runner = new DetectorRunner(detector, {
    deviceId: "phone-1",
    nowMs: () => clockMs + 3,
    onEvent: (e) => events.push(e),
    onScores: (f) => scores.push(f),
    ...opts,
  });
  /** Raw samples every 1000/rateHz ms in [fromMs, toMs) relative to T0. */
  const stream = (fromMs: number, toMs: number, rateHz: number, value: (t: number) => number, gyroZ?: (t: number) => number) => {
    for (let t = fromMs; t < toMs; t += 1000 / rateHz) {
      clockMs = T0 + t;
      runner.push(T0 + t, sample(value(t), gyroZ ? gyroZ(t) : null));
    }
  };
  return { runner, events, scores, stream };
}

const step = (fromMs: number, toMs: number) => (t: number) => (t >= fromMs && t < toMs ? 1 : 0);

describe("DetectorRunner", () => {
  it("scores one window per hop at the detector's rate, on the fixed grid", () => {
    const det = fakeDetector("a");
    const { runner, scores, stream } = harness(det);
    stream(0, 2000, 100, () => 0);
    expect(runner.stats.samples).toBe(200);
    expect(Math.abs(runner.stats.frames - 100)).toBeLessThanOrEqual(1);
    expect(scores).toHaveLength(runner.stats.windows);
    expect(det.calls).toHaveLength(runner.stats.windows);
    const ends = scores.map((s) => s.tEndMs);
    ends.slice(1).forEach((t, i) => expect(t - ends[i]!).toBe(100));
    for (const t of ends) expect((t - T0) % 20).toBe(0);
    expect(scores[0]).toMatchObject({ detectorId: "a", deviceId: "phone-1" });
  });

  it("turns a run above threshold into one event with the stream's times", () => {
    const { runner, events, scores, stream } = harness(fakeDetector("a"));
    stream(0, 3000, 60, step(1000, 1600));
    expect(events).toHaveLength(1);
    const e = events[0]!;
    const firstAbove = scores.find((s) => s.smoothed[1]! >= 0.5)!;
    expect(e).toMatchObject({ interaction: "double-tap", label: "tap", detectorId: "a", deviceId: "phone-1" });
    expect(e.tEndMs).toBe(firstAbove.tEndMs);
    expect(e.tStartMs).toBe(e.tEndMs - 9 * 20);
    expect(e.confidence).toBeCloseTo(firstAbove.smoothed[1]!, 6);
    expect(e.detectedAtMs - e.tEndMs).toBeGreaterThan(0);
    expect(e.detectedAtMs - e.tEndMs).toBeLessThan(50);
    expect(runner.stats.events).toBe(1);
  });

  it("hands listeners smoothed scores they may keep", () => {
    const { scores, stream } = harness(fakeDetector("a", {}, { decision: { ...DECISION, smoothingWindows: 3 } }));
    stream(0, 2000, 100, step(1000, 2000));
    const kept = scores.map((s) => s.smoothed[1]!);
    expect(new Set(kept).size).toBeGreaterThan(3);
    scores.forEach((s, i) => expect(s.smoothed[1]).toBe(kept[i]));
  });

  it("ignores duplicate and out-of-order samples", () => {
    const clean = harness(fakeDetector("a"));
    const messy = harness(fakeDetector("a"));
    clean.stream(0, 1000, 100, (t) => t / 1000);
    for (let t = 0; t < 1000; t += 10) {
      messy.runner.push(T0 + t, sample(t / 1000));
      messy.runner.push(T0 + t, sample(99));
      messy.runner.push(T0 + t - 5, sample(-99));
    }
    expect(messy.runner.stats.samples).toBe(100);
    expect(messy.scores.map((s) => Array.from(s.probs))).toEqual(clean.scores.map((s) => Array.from(s.probs)));
  });

  it("restarts at a gap: counts it, resets the detector and scores no window across it", () => {
    const det = fakeDetector("a");
    const { runner, scores, stream } = harness(det);
    stream(0, 1000, 60, () => 0.2);
    const lastBefore = T0 + Math.floor(999 / (1000 / 60)) * (1000 / 60);
    stream(1500, 2500, 60, () => 0.2);
    expect(runner.stats.gaps).toBe(1);
    expect(det.resets).toBe(1);
    for (const s of scores) {
      const tStart = s.tEndMs - 9 * 20;
      expect(s.tEndMs <= lastBefore || tStart >= T0 + 1500).toBe(true);
    }
    const resumed = scores.filter((s) => s.tEndMs > T0 + 1500);
    expect(resumed.length).toBeGreaterThan(5);
  });

  it("takes maxGapMs from its options", () => {
    const { runner, stream } = harness(fakeDetector("a"), { maxGapMs: 100 });
    stream(0, 1000, 8, () => 0);
    expect(runner.stats.gaps).toBe(7);
  });

  it("swap with the same input: the very next hop is scored by the new detector", () => {
    const a = fakeDetector("a");
    const b = fakeDetector("b");
    const { runner, scores, stream } = harness(a);
    stream(0, 1500, 60, (t) => Math.sin(t / 100));
    expect(runner.swap(b)).toBe(a);
    expect(runner.detector).toBe(b);
    const aCalls = a.calls.length;
    stream(1500, 3000, 60, (t) => Math.sin(t / 100));
    expect(a.calls).toHaveLength(aCalls);
    expect(b.resets).toBe(0);
    expect(b.calls[0]!.tEndMs - a.calls.at(-1)!.tEndMs).toBe(100);
    const ends = scores.map((s) => s.tEndMs);
    ends.slice(1).forEach((t, i) => expect(t - ends[i]!).toBe(100));
    expect(scores.at(-1)!.detectorId).toBe("b");
  });

  it("swap keeps the decision state when labels match, so a held motion is not reported twice", () => {
    const { runner, events, stream } = harness(fakeDetector("a"));
    stream(0, 1500, 60, step(1000, 3000));
    expect(events).toHaveLength(1);
    runner.swap(fakeDetector("b", {}, { decision: { ...DECISION, thresholdProb: 0.6 } }));
    expect(runner.decision.thresholdProb).toBe(0.6);
    stream(1500, 3000, 60, step(1000, 3000));
    expect(events).toHaveLength(1);
  });

  it("swap to other labels starts a fresh decision that keeps refractory times by label name", () => {
    const relabelled = [
      { name: "rest", role: "background" },
      { name: "tap", role: "event" },
    ] as const;
    for (const [refractoryMs, expected] of [
      [0, 2],
      [5000, 1],
    ] as const) {
      const decision = { ...DECISION, refractoryMs };
      const { runner, events, stream } = harness(fakeDetector("a", {}, { decision }));
      stream(0, 1500, 60, step(1000, 3000));
      runner.swap(fakeDetector("b", {}, { decision, labels: relabelled }));
      stream(1500, 3000, 60, step(1000, 3000));
      expect(events.map((e) => e.detectorId)).toEqual(["a", "b"].slice(0, expected));
    }
  });

  it("swap to another input primes it from history: scored from its next hop, as if it had run all along", () => {
    const input: Partial<DetectorInput> = { rateHz: 100, windowSamples: 50, hopSamples: 10, channels: ["accelGX", "gyroZ"] as ChannelName[] };
    const value = (t: number) => 0.5 + 0.5 * Math.sin(t / 150);
    const gyro = (t: number) => Math.cos(t / 70);
    const swapped = fakeDetector("b", input);
    const { runner, stream } = harness(fakeDetector("a"));
    const reference = fakeDetector("b", input);
    const ref = harness(reference);
    stream(0, 3000, 60, value, gyro);
    ref.stream(0, 3000, 60, value, gyro);
    runner.swap(swapped);
    expect(swapped.calls).toHaveLength(0);
    stream(3000, 5000, 60, value, gyro);
    ref.stream(3000, 5000, 60, value, gyro);
    const first = swapped.calls[0]!;
    // One hop at 100 Hz is 100 ms; the last raw sample before the swap was at ~2983 ms.
    expect(first.tEndMs - (T0 + 3000)).toBeLessThanOrEqual(100);
    expect(first.window).toHaveLength(100);
    const after = reference.calls.filter((c) => c.tEndMs >= first.tEndMs);
    expect(swapped.calls).toEqual(after);
  });

  it("marks a sensor the phone lacks as NaN in the window", () => {
    const det = fakeDetector("a", { channels: ["accelGX", "gyroZ"] });
    const { stream } = harness(det);
    stream(0, 1000, 60, () => 0.3);
    expect(det.calls.length).toBeGreaterThan(0);
    for (const c of det.calls) {
      c.window.forEach((v, i) => (i % 2 === 0 ? expect(v).toBeCloseTo(0.3, 6) : expect(v).toBeNaN()));
    }
  });

  it("applies setDecision from the next window", () => {
    const { runner, events, stream } = harness(fakeDetector("a"));
    const bump = (fromMs: number) => (t: number) => 0.8 * step(fromMs, fromMs + 500)(t);
    runner.setDecision({ ...DECISION, thresholdProb: 0.9 });
    stream(0, 2000, 60, bump(500));
    expect(events).toHaveLength(0);
    runner.setDecision({ ...DECISION, thresholdProb: 0.7 });
    stream(2000, 4000, 60, bump(2500));
    expect(events).toHaveLength(1);
  });

  it("reset drops stream state and counters, so another phone's earlier clock is accepted", () => {
    const det = fakeDetector("a");
    const { runner, scores, stream } = harness(det);
    stream(5000, 6000, 60, () => 0);
    runner.reset();
    expect(runner.stats).toEqual({ samples: 0, frames: 0, windows: 0, events: 0, gaps: 0 });
    expect(det.resets).toBe(1);
    const before = scores.length;
    stream(0, 1000, 60, () => 0);
    expect(runner.stats.gaps).toBe(0);
    expect(scores.length - before).toBe(runner.stats.windows);
    expect(runner.stats.windows).toBeGreaterThan(5);
  });

  it("gives two runners at the same rate identical frames at identical times", () => {
    const short = fakeDetector("short", { windowSamples: 10, hopSamples: 1 });
    const long = fakeDetector("long", { windowSamples: 20, hopSamples: 10 });
    const s = harness(short);
    const l = harness(long);
    // The same raw stream, one runner joining it later.
    for (let i = 0; i < 120; i++) {
      const t = T0 + (i * 1000) / 60;
      if (i >= 7) s.runner.push(t, sample(Math.sin(i / 5)));
      l.runner.push(t, sample(Math.sin(i / 5)));
    }
    const byEnd = new Map(short.calls.map((c) => [c.tEndMs, c.window]));
    const shared = long.calls.filter((c) => byEnd.has(c.tEndMs));
    expect(shared.length).toBeGreaterThan(5);
    for (const c of shared) expect(c.window.slice(10)).toEqual(byEnd.get(c.tEndMs));
  });

  it("names the detector that returns the wrong number of probabilities", () => {
    const det = fakeDetector("broken");
    det.score = () => Float32Array.of(1);
    const { runner } = harness(det);
    expect(() => {
      for (let t = 0; t < 1000; t += 10) runner.push(T0 + t, sample(0));
    }).toThrow(/broken returned 1 probabilities for 2 labels/);
  });
});
