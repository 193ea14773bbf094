import { describe, expect, it } from "vitest";
import type { MotionRecording } from "@/lib/data/motion-recording";
import { decisionReplay } from "@/lib/eval/decision-replay";
import { detectorRun, recordingRun } from "@/lib/eval/run-detector";
import type { Detector, InteractionEvent } from "@/lib/models/detector";
import { DetectorRunner } from "@/lib/models/detector-runner";
import { heuristicCreate } from "@/lib/models/heuristics";
import { SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { handRecording, meanDetector, pulses, simRecording } from "./eval-support";

/** The runtime as the desktop runs it: one runner, samples pushed as they arrive, "now" a little after the sample. */
function liveRun(detector: Detector, r: MotionRecording) {
  const events: InteractionEvent[] = [];
  let nowMs = 0;
  const runner = new DetectorRunner(detector, { deviceId: "eval", nowMs: () => nowMs, onEvent: (e) => events.push(e) });
  for (let i = 0; i < r.length; i++) {
    const row = Array.from(r.samples.subarray(i * SAMPLE_WIDTH, (i + 1) * SAMPLE_WIDTH));
    nowMs = row[0]!;
    runner.push(row[0]!, row);
  }
  return { events, stats: runner.stats };
}
const liveEvents = (detector: Detector, r: MotionRecording) => liveRun(detector, r).events;
const liveStats = (detector: Detector, r: MotionRecording) => liveRun(detector, r).stats;

const spans = (events: readonly { label: string; tStartMs: number; tEndMs: number; confidence: number }[]) =>
  events.map(({ label, tStartMs, tEndMs, confidence }) => ({ label, tStartMs, tEndMs, confidence }));

describe("recordingRun", () => {
  it("gives the live runner's events for heuristics over simulated motion", () => {
    for (const [name, motion] of [
      ["raise-to-speak", "raise"],
      ["double-tap", "double-tap"],
      ["flick", "flick"],
    ] as const) {
      const rec = simRecording(motion, 30, 7);
      const live = liveEvents(heuristicCreate(name), rec);
      const run = recordingRun(heuristicCreate(name), rec);
      expect(live.length).toBeGreaterThan(3);
      expect(run.events).toEqual(live);
    }
  });

  it("stamps events with stream time and keeps every window's scores", () => {
    const rec = handRecording("r", 4, pulses([[1000, 1400]]));
    const run = recordingRun(meanDetector(), rec);
    expect(run.events).toHaveLength(1);
    const e = run.events[0]!;
    // The deciding window's last frame is resampled from the sample after it, pushed at most 10 ms later (100 Hz rows).
    expect(e.detectedAtMs - e.tEndMs).toBeGreaterThanOrEqual(0);
    expect(e.detectedAtMs - e.tEndMs).toBeLessThanOrEqual(10);
    expect(run.scores.count).toBe(liveStats(meanDetector(), rec).windows);
    expect(run.scores.count).toBeGreaterThan(30);
    expect(run.durationMs).toBe(3990);
    for (let w = 0; w < run.scores.count; w++) {
      const p = run.scores.probs[2 * w + 1]!;
      expect(run.scores.probs[2 * w]!).toBeCloseTo(1 - p, 6);
      expect(run.scores.tEndMs[w]! - run.scores.tStartMs[w]!).toBeCloseTo(180, 6);
    }
  });

  it("applies decision overrides to the runner", () => {
    const rec = handRecording("r", 6, pulses([[1000, 1100], [3000, 3400]]));
    const strict = recordingRun(meanDetector(), rec, { decision: { thresholdProb: 0.9 } });
    const loose = recordingRun(meanDetector(), rec, { decision: { thresholdProb: 0.3 } });
    // The 100 ms pulse fills at most half a 180 ms window.
    expect(loose.events).toHaveLength(2);
    expect(strict.events).toHaveLength(1);
    expect(detectorRun(meanDetector(), [rec], { decision: { refractoryMs: 250 } }).decision).toEqual({
      thresholdProb: 0.5,
      smoothingWindows: 1,
      minConsecutiveWindows: 1,
      refractoryMs: 250,
    });
  });

  it("resets the detector before each recording", () => {
    // Fires on the 5th window since its last reset, a stand-in for a rule that keeps state.
    let windows = 0;
    const counting: Detector = {
      ...meanDetector(),
      score: () => (++windows === 5 ? Float32Array.of(0, 1) : Float32Array.of(1, 0)),
      reset: () => void (windows = 0),
    };
    const rec = handRecording("r", 2, () => 0);
    const [first, second] = detectorRun(counting, [rec, rec]).recordings;
    expect(first!.events).toHaveLength(1);
    expect(second!.events).toEqual(first!.events);
  });

  it("starts every recording afresh: no state leaks from the one before", () => {
    const a = simRecording("raise", 20, 3);
    const b = simRecording("raise", 20, 4);
    const detector = heuristicCreate("raise-to-speak");
    const alone = recordingRun(heuristicCreate("raise-to-speak"), b).events;
    const [, after] = detectorRun(detector, [a, b]).recordings;
    expect(alone.length).toBeGreaterThan(0);
    expect(after!.events).toEqual(alone);
  });

  it("marks the window after a gap, and a replayed decision then gives the live events exactly", () => {
    const decision = { thresholdProb: 0.4, smoothingWindows: 3, minConsecutiveWindows: 2, refractoryMs: 300 };
    // Noisy, pulses of several widths, and one second without samples.
    let seed = 12345;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 0.5;
    // The third pulse runs into the gap and resumes after it: a new run there, since smoothing and runs restart.
    const pulse = pulses([[500, 900], [1200, 1300], [2600, 3500], [4500, 5600], [6100, 6200], [6500, 7200]]);
    const rec = handRecording("r", 9, (t) => Math.min(1, pulse(t) + noise()), [], {
      skip: (t) => t >= 3500 && t < 4500,
    });
    // 70 Hz: a period of 14.29 ms, so window starts are not whole milliseconds.
    const detector = meanDetector(decision, { rateHz: 70 });
    const run = recordingRun(detector, rec);
    expect(run.events.length).toBeGreaterThan(3);
    expect(Array.from(run.scores.restartBefore).filter((x) => x === 1)).toHaveLength(1);
    expect(decisionReplay(run.scores, detector.spec.labels, decision)).toEqual(spans(run.events));
    expect(liveEvents(meanDetector(decision, { rateHz: 70 }), rec)).toEqual(run.events);
  });
});
