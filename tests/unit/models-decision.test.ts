import { describe, expect, it } from "vitest";
import { DecisionEngine, type DecisionFire } from "@/lib/models/decision";
import type { DecisionSettings, DetectorLabel } from "@/lib/models/detector";

const LABELS: DetectorLabel[] = [
  { name: "idle", role: "background" },
  { name: "tap", role: "event" },
  { name: "flick", role: "event" },
];

const BASE: DecisionSettings = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 0 };

/** Windows of 100 ms, one every 50 ms: window w spans [50w, 50w + 100]. */
function feed(engine: DecisionEngine, rows: number[][], firstWindow = 0): Array<DecisionFire & { window: number }> {
  const fired: Array<DecisionFire & { window: number }> = [];
  rows.forEach((probs, i) => {
    const w = firstWindow + i;
    const fire = engine.update(probs, 50 * w, 50 * w + 100);
    if (fire) fired.push({ ...fire, window: w });
  });
  return fired;
}

/** Rows where only `tap` varies. */
const taps = (...ps: number[]) => ps.map((p) => [1 - p, p, 0]);

describe("DecisionEngine", () => {
  it("fires when the smoothed probability reaches the threshold, not below it", () => {
    const fired = feed(new DecisionEngine(LABELS, BASE), taps(0.2, 0.49, 0.5, 0.1, 0.9));
    expect(fired.map((f) => [f.window, f.labelIndex, f.confidence])).toEqual([
      [2, 1, 0.5],
      [4, 1, Math.fround(0.9)],
    ]);
  });

  it("never fires a background label", () => {
    expect(feed(new DecisionEngine(LABELS, BASE), [[1, 0, 0], [0.9, 0.1, 0], [1, 0, 0]])).toEqual([]);
  });

  it("smooths over the last k windows, over fewer while the stream is young", () => {
    const engine = new DecisionEngine(LABELS, { ...BASE, smoothingWindows: 3 });
    const seen: number[] = [];
    for (const [i, p] of [0.9, 0.3, 0.6, 0, 0].entries()) {
      engine.update([1 - p, p, 0], 50 * i, 50 * i + 100);
      seen.push(engine.smoothed[1]!);
    }
    const means = [0.9, (0.9 + 0.3) / 2, (0.9 + 0.3 + 0.6) / 3, (0.3 + 0.6) / 3, 0.6 / 3];
    seen.forEach((s, i) => expect(s).toBeCloseTo(means[i]!, 6));
  });

  it("lets a one-window spike through only when smoothing does not dilute it below threshold", () => {
    const spike = taps(0, 0, 0, 0.9, 0, 0);
    expect(feed(new DecisionEngine(LABELS, BASE), spike)).toHaveLength(1);
    expect(feed(new DecisionEngine(LABELS, { ...BASE, smoothingWindows: 2 }), spike)).toHaveLength(0);
  });

  it("needs minConsecutiveWindows above in a row, and dates the event from the run's first window", () => {
    const engine = new DecisionEngine(LABELS, { ...BASE, minConsecutiveWindows: 3 });
    const fired = feed(engine, taps(0.9, 0.9, 0.1, 0.8, 0.8, 0.8, 0.8));
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ window: 5, tStartMs: 50 * 3, tEndMs: 50 * 5 + 100 });
  });

  it("fires once per run above threshold and again only after falling below", () => {
    const fired = feed(new DecisionEngine(LABELS, BASE), taps(0.9, 0.9, 0.9, 0.9, 0.2, 0.9, 0.9));
    expect(fired.map((f) => f.window)).toEqual([0, 5]);
  });

  it("suppresses a label within refractoryMs of its previous event, and fires a run that outlasts it", () => {
    const settings = { ...BASE, refractoryMs: 400 };
    // First event ends at 100; window w ends at 50w + 100, so the refractory time ends at window 8.
    const shortRun = feed(new DecisionEngine(LABELS, settings), taps(0.9, 0, 0.9, 0.9, 0, 0, 0, 0, 0, 0.9));
    expect(shortRun.map((f) => f.window)).toEqual([0, 9]);
    const heldRun = feed(new DecisionEngine(LABELS, settings), taps(0.9, 0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9));
    expect(heldRun.map((f) => [f.window, f.tStartMs])).toEqual([
      [0, 0],
      [8, 100],
    ]);
  });

  it("keeps refractory times per label", () => {
    const engine = new DecisionEngine(LABELS, { ...BASE, refractoryMs: 1000 });
    const fired = feed(engine, [
      [0, 0.9, 0],
      [1, 0, 0],
      [0, 0, 0.9],
    ]);
    expect(fired.map((f) => f.labelIndex)).toEqual([1, 2]);
  });

  it("lets the highest label win a shared window and spends the loser's run", () => {
    const engine = new DecisionEngine(LABELS, BASE);
    const fired = feed(engine, [
      [0, 0.6, 0.7],
      [0, 0.6, 0.55],
      [0, 0.6, 0.1],
      [0, 0.1, 0.1],
      [0, 0.6, 0.1],
    ]);
    expect(fired.map((f) => [f.window, LABELS[f.labelIndex]!.name])).toEqual([
      [0, "flick"],
      [4, "tap"],
    ]);
  });

  it("applies new settings from the next window and smooths over history it already has", () => {
    const engine = new DecisionEngine(LABELS, BASE);
    expect(feed(engine, taps(0.6))).toHaveLength(1);
    engine.setSettings({ ...BASE, thresholdProb: 0.95 });
    expect(feed(engine, taps(0.2, 0.9, 0.9), 1)).toHaveLength(0);
    engine.setSettings({ ...BASE, smoothingWindows: 4 });
    engine.update([0, 0.1, 0], 200, 300);
    expect(engine.smoothed[1]).toBeCloseTo((0.9 + 0.9 + 0.2 + 0.1) / 4, 6);
  });

  it("restarts smoothing and runs after a gap but keeps refractory times; reset forgets those too", () => {
    const engine = new DecisionEngine(LABELS, { ...BASE, smoothingWindows: 2, refractoryMs: 1000 });
    expect(feed(engine, taps(0.9, 0.9))).toHaveLength(1);
    engine.restart();
    engine.update([1, 0.2, 0], 400, 500);
    expect(engine.smoothed[1]).toBeCloseTo(0.2, 6);
    expect(feed(engine, taps(0.9, 0.9), 10)).toHaveLength(0);
    engine.reset();
    expect(feed(engine, taps(0.9, 0.9), 12)).toHaveLength(1);
  });

  it("inherits refractory times by label name", () => {
    const settings = { ...BASE, refractoryMs: 1000 };
    const old = new DecisionEngine(LABELS, settings);
    feed(old, taps(0.9));
    const renamed = new DecisionEngine(
      [
        { name: "rest", role: "background" },
        { name: "tap", role: "event" },
      ],
      settings,
    );
    renamed.inheritRefractory(old);
    expect(renamed.update([0, 1], 100, 200)).toBeNull();
    expect(renamed.update([0, 1], 1000, 1100)).not.toBeNull();
  });

  it("rejects settings outside the manifest's ranges and probabilities of the wrong length", () => {
    expect(() => new DecisionEngine(LABELS, { ...BASE, thresholdProb: 0 })).toThrow(RangeError);
    expect(() => new DecisionEngine(LABELS, { ...BASE, smoothingWindows: 65 })).toThrow(RangeError);
    expect(() => new DecisionEngine(LABELS, { ...BASE, minConsecutiveWindows: 0 })).toThrow(RangeError);
    expect(() => new DecisionEngine(LABELS, { ...BASE, refractoryMs: -1 })).toThrow(RangeError);
    expect(() => new DecisionEngine(LABELS, BASE).update([0.5, 0.5], 0, 100)).toThrow(/2 probabilities for 3 labels/);
  });
});
