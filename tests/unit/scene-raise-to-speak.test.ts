import { describe, expect, it } from "vitest";
import { raiseToSpeakLogic, type RaiseToSpeakState } from "@/components/scenes/raise-to-speak/logic";
import type { InteractionEvent } from "@/lib/models/detector";
import { sceneDefaults } from "@/lib/scenes/scene-settings-resolve";
import type { SceneInputs } from "@/lib/scenes/scene-types";
import { sceneSimRun } from "../support/scene-sim-run";

const m = raiseToSpeakLogic.machine;
const options = sceneDefaults(raiseToSpeakLogic).options;
const at = (nowMs: number, raiseDeg: number | null): SceneInputs => ({ nowMs, pose: raiseDeg === null ? null : { raiseDeg, rollDeg: 0, headingDeg: 0 }, scores: {} });
const raise = { label: "raise-to-speak" } as InteractionEvent;

describe("raise to speak scene", () => {
  it("listens from the raise until the wrist stays lowered for lowerHoldMs", () => {
    let s: RaiseToSpeakState = m.initial(options, 0);
    s = m.onEvent(s, "trigger", raise, at(1000, 80), options);
    expect(m.stateName(s)).toBe("listening");
    s = m.onTick(s, at(1500, 20), options); // dips below 35°...
    s = m.onTick(s, at(1600, 70), options); // ...and comes back: a nod, not a lowering
    s = m.onTick(s, at(2000, 20), options);
    s = m.onTick(s, at(2250, 20), options);
    expect(m.stateName(s)).toBe("listening");
    s = m.onTick(s, at(2300, 20), options);
    expect(m.stateName(s)).toBe("idle");
    expect(m.cue!({ kind: "listening", sessions: 1, sinceMs: 0, loweredSinceMs: null }, s)).toBe("stop");
  });

  it("stops after maxListenS without a pose, and ignores a second raise while listening", () => {
    let s = m.onEvent(m.initial(options, 0), "trigger", raise, at(0, null), options);
    const again = m.onEvent(s, "trigger", raise, at(500, null), options);
    expect(again).toBe(s);
    s = m.onTick(s, at(14_999, null), options);
    expect(s.kind).toBe("listening");
    expect(m.onTick(s, at(15_000, null), options).kind).toBe("idle");
  });

  it("listens on every simulated raise and stops on every lowering", () => {
    const run = sceneSimRun(raiseToSpeakLogic, { motion: "raise", seconds: 60, seed: 3 });
    const raises = run.segments.filter((s) => s.label === "raise").length;
    const listens = run.states.filter((s) => s.name === "listening").length;
    expect(raises).toBeGreaterThan(5);
    expect(listens).toBeGreaterThanOrEqual(raises - 1);
    // Every listening ended by a lowering, within the hold, not by the time limit.
    for (let i = 1; i < run.states.length; i++) {
      if (run.states[i]!.name === "idle") expect(run.states[i]!.tMs - run.states[i - 1]!.tMs).toBeLessThan(15_000);
    }
  });

  it.each(["walk", "idle", "shake"] as const)("never listens during 60 s of %s", (motion) => {
    for (const seed of [1, 2]) {
      const run = sceneSimRun(raiseToSpeakLogic, { motion, seconds: 60, seed });
      expect(run.states.map((s) => s.name)).toEqual(["idle"]);
      expect(run.events).toEqual([]);
    }
  });
});
