import { describe, expect, it } from "vitest";
import { CELEBRATE_MS, handwashLogic, handwashProgress, type HandwashState } from "@/components/scenes/handwash/logic";
import type { InteractionEvent } from "@/lib/models/detector";
import { sceneDefaults } from "@/lib/scenes/scene-settings-resolve";
import type { SceneInputs } from "@/lib/scenes/scene-types";
import { SCENE_RUN_START_MS, sceneSimRun } from "../support/scene-sim-run";

const m = handwashLogic.machine;
const options = sceneDefaults(handwashLogic).options;
/** A tick at nowMs with the scrub score above (true), below (false) or unknown (null). */
const at = (nowMs: number, above: boolean | null): SceneInputs => ({
  nowMs,
  pose: null,
  scores: { scrub: above === null ? null : { score: above ? 0.9 : 0.1, above } },
});
const FRAME_MS = 1000 / 60;
const wash = { label: "handwash" } as InteractionEvent;
const start = (nowMs: number): HandwashState => m.onEvent(m.initial(options, 0), "scrub", wash, at(nowMs, true), options);
/** Ticks every 10 ms from fromMs to toMs, both included, scrubbing or not. */
function run(s: HandwashState, fromMs: number, toMs: number, above: boolean | null): HandwashState {
  for (let t = fromMs; t <= toMs; t += 10) s = m.onTick(s, at(t, above), options);
  return s;
}

describe("handwash scene", () => {
  it("starts washing on the scrub event, with the start cue and the full countdown", () => {
    const idle = m.initial(options, 0);
    expect(m.stateName(idle)).toBe("idle");
    expect(m.onTick(idle, at(5000, true), options)).toBe(idle);
    const s = start(1000);
    expect(s).toMatchObject({ kind: "washing", washedMs: 0, shownMs: 20_000 });
    expect(m.cue!(idle, s)).toBe("start");
    expect(m.mirror(s, options)).toEqual({ text: "Keep scrubbing", tone: "active", progress: 0 });
    expect(m.onEvent(s, "scrub", wash, at(1500, true), options)).toBe(s);
  });

  it("changes the state only when the countdown's 100 ms display step changes", () => {
    const s = start(0);
    expect(m.onTick(s, at(50, true), options)).toBe(s);
    const next = m.onTick(s, at(130, true), options);
    expect(next).toMatchObject({ kind: "washing", shownMs: 19_900 });
    expect(m.onTick(next, at(180, true), options)).toBe(next);
    let renders = 0;
    let prev = next;
    for (let t = 130; t <= 10_130; t += 1000 / 60) {
      const s2 = m.onTick(prev, at(t, true), options);
      if (s2 !== prev) renders++;
      prev = s2;
    }
    expect(renders).toBeLessThanOrEqual(101);
    expect(renders).toBeGreaterThanOrEqual(99);
  });

  it("pauses only after pauseAfterMs without scrubbing, with the stop cue, and resumes where it stopped", () => {
    let s = run(start(0), 0, 5000, true);
    // One low window (300 ms) is not a pause.
    s = run(s, 5000, 5300, false);
    expect(m.stateName(s)).toBe("washing");
    s = run(s, 5300, 6000, true);
    s = run(s, 6000, 6600, null);
    expect(m.stateName(s)).toBe("washing");
    const before = s;
    s = run(s, 6600, 6700, null);
    expect(m.stateName(s)).toBe("paused");
    expect(m.cue!(before, s)).toBe("stop");
    expect(s).toMatchObject({ kind: "paused", washedMs: 6700, shownMs: 13_300 });
    expect(m.mirror(s, options)).toMatchObject({ text: "Paused — keep scrubbing", tone: "alert" });
    expect(handwashProgress(s, options)).toBeCloseTo(6700 / 20_000, 6);

    // Paused time does not count.
    const paused = s;
    s = run(s, 6700, 12_000, false);
    expect(s).toBe(paused);
    const resumed = m.onTick(s, at(12_010, true), options);
    expect(resumed).toMatchObject({ kind: "washing", washedMs: 6700, shownMs: 13_300 });
    expect(m.cue!(paused, resumed)).toBe("start");
  });

  it("is done after durationS of washing, not counting paused time, then back to idle after the celebration", () => {
    let s = run(start(0), 0, 8000, true);
    s = run(s, 8000, 9000, false); // pauses at 8700 with 8700 ms washed
    expect(s).toMatchObject({ kind: "paused", washedMs: 8700 });
    s = run(s, 9000, 13_000, false);
    s = run(s, 13_000, 24_000, true); // resumes at 13 000: 11 300 ms to go
    expect(m.stateName(s)).toBe("washing");
    const before = s;
    s = run(s, 24_000, 24_400, true);
    expect(m.stateName(s)).toBe("done");
    expect(m.cue!(before, s)).toBe("success");
    expect(m.mirror(s, options)).toEqual({ text: "Well done!", tone: "success", progress: 1 });
    const done = s;
    expect(m.onEvent(done, "scrub", wash, at(24_500, true), options)).toBe(done);
    expect(done).toEqual({ kind: "done", sinceMs: 24_300 });
    const doneAtMs = 24_300;
    expect(m.onTick(done, at(doneAtMs + CELEBRATE_MS - 1, true), options)).toBe(done);
    const idle = m.onTick(done, at(doneAtMs + CELEBRATE_MS, true), options);
    expect(m.stateName(idle)).toBe("idle");
    expect(m.cue!(done, idle)).toBeNull();
  });

  it("follows the durationS option", () => {
    const short = { ...options, durationS: 5 };
    let s = m.onEvent(m.initial(short, 0), "scrub", wash, at(0, true), short);
    expect(s).toMatchObject({ shownMs: 5000 });
    s = m.onTick(s, at(4999, true), short);
    expect(m.stateName(s)).toBe("washing");
    expect(m.stateName(m.onTick(s, at(5000, true), short))).toBe("done");
  });

  it("gives up a wash paused for resetAfterS, silently; a scrub event resumes a paused wash", () => {
    const paused = run(run(start(0), 0, 3000, true), 3000, 3700, false);
    expect(m.stateName(paused)).toBe("paused");
    expect(m.onTick(paused, at(13_699, false), options)).toBe(paused);
    const idle = m.onTick(paused, at(13_700, false), options);
    expect(m.stateName(idle)).toBe("idle");
    expect(m.cue!(paused, idle)).toBeNull();

    const resumed = m.onEvent(paused, "scrub", wash, at(5000, true), options);
    expect(resumed).toMatchObject({ kind: "washing", washedMs: 3700, sinceMs: 5000 });
  });

  it("washes on simulated scrubbing, without a pause, and celebrates after durationS", () => {
    for (const seed of [1, 2]) {
      const r = sceneSimRun(handwashLogic, { motion: "scrub", seconds: 60, seed, options: { durationS: 20 } });
      // The scrubbing goes on after the celebration, but its run was already reported: no second wash.
      expect(r.states.map((s) => s.name)).toEqual(["idle", "washing", "done", "idle"]);
      const [, washing, done, idle] = r.states;
      // The detector needs its sustain time (4 s) of scrubbing first.
      expect(washing!.tMs - SCENE_RUN_START_MS).toBeLessThan(8000);
      // Uninterrupted scrubbing, so the countdown never paused: 20 s, to within the run's
      // stamping (a change is stamped with the sample time, ticks keep their own 60 fps clock).
      expect(done!.tMs - washing!.tMs).toBeGreaterThan(20_000 - FRAME_MS);
      expect(done!.tMs - washing!.tMs).toBeLessThan(20_000 + 2 * FRAME_MS);
      expect(idle!.tMs - done!.tMs).toBeGreaterThan(CELEBRATE_MS - FRAME_MS);
      expect(idle!.tMs - done!.tMs).toBeLessThan(CELEBRATE_MS + 2 * FRAME_MS);
      expect(r.cues).toEqual(["start", "success"]);
      expect(r.events).toHaveLength(1);
    }
  });

  it.each(["walk", "idle", "shake"] as const)("never washes during 60 s of %s", (motion) => {
    for (const seed of [1, 2]) {
      const r = sceneSimRun(handwashLogic, { motion, seconds: 60, seed });
      expect(r.states.map((s) => s.name)).toEqual(["idle"]);
      expect(r.events).toEqual([]);
    }
  });
});
