import { describe, expect, it } from "vitest";
import { assistiveTouchLogic, focusedItem, type AssistiveTouchState } from "@/components/scenes/assistive-touch/logic";
import { REARM_DEG, SETTLE_MS } from "@/components/scenes/assistive-touch/pointer";
import { itemCentre, SCREENS, type ScreenId } from "@/components/scenes/assistive-touch/screens";
import type { InteractionEvent } from "@/lib/models/detector";
import { sceneDefaults } from "@/lib/scenes/scene-settings-resolve";
import type { SceneInputs, SceneOptions } from "@/lib/scenes/scene-types";
import { sceneSimRun } from "../support/scene-sim-run";

const m = assistiveTouchLogic.machine;
const options = sceneDefaults(assistiveTouchLogic).options;
const withPointer: SceneOptions = { ...options, pointer: true };
const at = (nowMs: number, pose: SceneInputs["pose"] = null): SceneInputs => ({ nowMs, pose, scores: {} });
const event = { label: "x" } as InteractionEvent;
const send = (s: AssistiveTouchState, role: string, nowMs = 0) => m.onEvent(s, role, event, at(nowMs), options);
const sendAll = (s: AssistiveTouchState, roles: string[], nowMs = 0) => roles.reduce((acc, r) => send(acc, r, nowMs), s);

/** The pose that puts the pointer on an item's centre, given the neutral pose and the default gain. */
const NEUTRAL = { raiseDeg: 10, rollDeg: 5, headingDeg: 0 };
function poseOn(screen: ScreenId, item: string): NonNullable<SceneInputs["pose"]> {
  const gain = Number(options.pointerGainPctPerDeg);
  const c = itemCentre(screen, item);
  return { raiseDeg: NEUTRAL.raiseDeg - (c.yPct - 50) / gain, rollDeg: NEUTRAL.rollDeg + (c.xPct - 50) / gain, headingDeg: 0 };
}

describe("assistive touch scene: the menu", () => {
  it("moves the focus ring with next, wrapping after the last app, with the move cue", () => {
    const s0 = m.initial(options, 0);
    expect(m.stateName(s0)).toBe("menu");
    expect(focusedItem(s0)).toBe("timer");
    const s1 = send(s0, "next");
    expect(focusedItem(s1)).toBe("messages");
    expect(m.stateName(s1)).toBe("menu");
    expect(m.cue!(s0, s1)).toBe("move");
    expect(m.mirror(s1, options)).toEqual({ text: "Apps · Messages", tone: "idle" });
    const wrapped = sendAll(s0, Array(SCREENS.menu.items.length).fill("next"));
    expect(focusedItem(wrapped)).toBe("timer");
  });

  it("enters the focused app with select and leaves it with back; back on the top level does nothing", () => {
    const s0 = m.initial(options, 0);
    const messages = send(send(s0, "next"), "select");
    expect(m.stateName(messages)).toBe("messages");
    expect(focusedItem(messages)).toBe("omw");
    expect(m.cue!(s0, messages)).toBe("select");
    const menu = send(messages, "back");
    expect(m.stateName(menu)).toBe("menu");
    expect(m.cue!(messages, menu)).toBe("back");
    // Back keeps the wearer's place: the ring is on the app just left.
    expect(focusedItem(menu)).toBe("messages");
    expect(send(menu, "back")).toBe(menu);
    expect(send(menu, "unknown-role")).toBe(menu);
  });

  it("does the Timer task end to end with events: Timer, 5 min, running, counting down once a second", () => {
    const start = 1_000_000;
    let s = m.initial(options, start);
    s = send(s, "select", start);
    expect(m.stateName(s)).toBe("timer");
    s = sendAll(s, ["next", "next"], start);
    expect(focusedItem(s)).toBe("min-5");
    s = send(s, "select", start + 2000);
    expect(m.stateName(s)).toBe("timer-running");
    expect(focusedItem(s)).toBe("pause");
    expect(s.timer).toMatchObject({ durationS: 300, leftS: 300, pausedLeftMs: null });
    expect(m.onTick(s, at(start + 2500), options)).toBe(s);
    const later = m.onTick(s, at(start + 3500), options);
    expect(later.timer?.leftS).toBe(299);
    expect(m.cue!(s, later)).toBeNull();
    expect(m.mirror(later, options)).toEqual({ text: "Timer 4:59", tone: "active", progress: 299 / 300 });
    const presets = send(later, "back");
    expect(m.stateName(presets)).toBe("timer");
    expect(focusedItem(presets)).toBe("min-5");
    expect(presets.timer).toBe(later.timer);
  });

  it("pauses and resumes the timer, which keeps running when the wearer goes back, and rings at zero", () => {
    let s = sendAll(m.initial(options, 0), ["select", "select"], 0); // Timer, 1 min
    expect(s.timer?.durationS).toBe(60);
    s = send(s, "select", 10_000); // pause with 50 s left
    expect(s.timer?.pausedLeftMs).toBe(50_000);
    expect(m.onTick(s, at(40_000), options)).toBe(s);
    s = send(s, "select", 40_000); // resume: ends at 90 s
    s = sendAll(s, ["back", "back"]);
    expect(m.stateName(s)).toBe("menu");
    s = m.onTick(s, at(60_000), options);
    expect(s.timer?.leftS).toBe(30);
    // Opening Timer again shows the running timer.
    expect(m.stateName(send(s, "select", 60_000))).toBe("timer-running");
    const done = m.onTick(s, at(90_000), options);
    expect(m.stateName(done)).toBe("timer-done");
    expect(m.mirror(done, options)).toEqual({ text: "Timer done", tone: "alert" });
    expect(m.cue!(s, done)).toBeNull();
    const stopped = send(done, "select", 91_000);
    expect(m.stateName(stopped)).toBe("timer");
    expect(stopped.timer).toBeNull();
    const repeated = send(send(done, "next"), "select", 91_000);
    expect(m.stateName(repeated)).toBe("timer-running");
    expect(repeated.timer).toMatchObject({ durationS: 60, leftS: 60 });
  });

  it("cancels a running timer back to the presets", () => {
    const running = sendAll(m.initial(options, 0), ["select", "select"]);
    const cancelled = send(send(running, "next"), "select");
    expect(m.stateName(cancelled)).toBe("timer");
    expect(cancelled.timer).toBeNull();
  });

  it("sends a reply once, starts one workout at a time, and toggles settings", () => {
    const messages = sendAll(m.initial(options, 0), ["next", "select", "select", "select"]);
    expect(messages.on.filter((k) => k.startsWith("messages."))).toEqual(["messages.omw"]);
    const workout = sendAll(m.initial(options, 0), ["next", "next", "select", "select", "next", "select"]);
    expect(workout.on.filter((k) => k.startsWith("workout."))).toEqual(["workout.run"]);
    const settings = sendAll(m.initial(options, 0), ["next", "next", "next", "next", "select", "select", "next", "select"]);
    expect(settings.on).toEqual(expect.arrayContaining(["settings.dnd", "settings.haptics"]));
    expect(settings.on).not.toContain("settings.wrist");
  });
});

describe("assistive touch scene: the motion pointer", () => {
  /** Switched on, the wrist held at NEUTRAL until the pointer starts. */
  function pointerReady(): AssistiveTouchState {
    const waiting = m.onTick(m.initial(withPointer, 0), at(0, NEUTRAL), withPointer);
    expect(waiting.pointer).toBeNull();
    expect(m.onTick(waiting, at(SETTLE_MS - 20, NEUTRAL), withPointer)).toBe(waiting);
    return m.onTick(waiting, at(SETTLE_MS, NEUTRAL), withPointer);
  }

  it("starts at the centre once the wrist holds still, and returns the same state while the wrist only trembles", () => {
    let s = pointerReady();
    expect(s.pointer).toMatchObject({ xPct: 50, yPct: 50, hover: -1, dwellSinceMs: null, neutralRaiseDeg: NEUTRAL.raiseDeg, neutralRollDeg: NEUTRAL.rollDeg });
    const steady = s;
    for (let i = 1; i <= 600; i++) {
      const tremor = 0.1 * Math.sin(i * 1.7);
      s = m.onTick(s, at(SETTLE_MS + i * 16.7, { ...NEUTRAL, raiseDeg: NEUTRAL.raiseDeg + tremor, rollDeg: NEUTRAL.rollDeg - tremor }), withPointer);
    }
    expect(s).toBe(steady);
    // Switched off: gone.
    expect(m.onTick(s, at(20_000, NEUTRAL), options).pointer).toBeNull();
  });

  it("takes no neutral pose from a wrist on the move", () => {
    let s = m.initial(withPointer, 0);
    for (let t = 0; t <= 5000; t += 16) s = m.onTick(s, at(t, { ...NEUTRAL, rollDeg: 40 * Math.sin(t / 300) }), withPointer);
    expect(s.pointer).toBeNull();
    expect(s.settle).not.toBeNull();
    expect(m.stateName(s)).toBe("menu");
  });

  it("moves with tilt relative to the neutral pose, clamped to the screen", () => {
    let s = pointerReady();
    s = m.onTick(s, at(400, { ...NEUTRAL, rollDeg: NEUTRAL.rollDeg + 5, raiseDeg: NEUTRAL.raiseDeg + 2 }), withPointer);
    expect(s.pointer).toMatchObject({ xPct: 65, yPct: 44 });
    s = m.onTick(s, at(420, { ...NEUTRAL, rollDeg: NEUTRAL.rollDeg - 90, raiseDeg: NEUTRAL.raiseDeg - 90 }), withPointer);
    expect(s.pointer).toMatchObject({ xPct: 0, yPct: 100 });
  });

  it("clicks the item it dwells on for dwellMs, showing the progress, then waits to be re-aimed", () => {
    const s = m.onTick(pointerReady(), at(1000, poseOn("menu", "messages")), withPointer);
    expect(focusedItem(s)).toBe("messages");
    expect(s.pointer?.dwellSinceMs).toBe(1000);
    const half = m.onTick(s, at(1500, poseOn("menu", "messages")), withPointer);
    expect(half.pointer?.dwellProgress).toBe(0.5);
    expect(m.mirror(half, withPointer)).toEqual({ text: "Dwell · Messages", tone: "active", progress: 0.5 });
    expect(m.stateName(half)).toBe("menu");
    const clicked = m.onTick(half, at(2000, poseOn("menu", "messages")), withPointer);
    expect(m.stateName(clicked)).toBe("messages");
    expect(m.cue!(half, clicked)).toBe("select");
    // Resting where it clicked (over a row of the new screen) clicks nothing more.
    expect(clicked.pointer?.hover).toBeGreaterThanOrEqual(0);
    let rest = clicked;
    for (let t = 2000; t <= 6000; t += 100) rest = m.onTick(rest, at(t, poseOn("menu", "messages")), withPointer);
    expect(rest.activations).toBe(clicked.activations);
    expect(rest.pointer?.dwellSinceMs).toBeNull();
    // A turn of less than REARM_DEG (drift, not an aim) arms nothing either...
    const nudge = { ...poseOn("menu", "messages"), raiseDeg: poseOn("menu", "messages").raiseDeg - (REARM_DEG - 1) };
    for (let t = 6000; t <= 8000; t += 100) rest = m.onTick(rest, at(t, nudge), withPointer);
    expect(rest.pointer?.armed).toBe(false);
    expect(rest.activations).toBe(clicked.activations);
    // ...a deliberate aim at another reply does, and clicks it after dwellMs.
    for (let t = 8000; t <= 9100; t += 50) rest = m.onTick(rest, at(t, poseOn("messages", "ok")), withPointer);
    expect(rest.on).toContain("messages.ok");
    expect(rest.activations).toBe(clicked.activations + 1);
  });

  it("does the Timer task with the pointer alone, and a select event clicks what the pointer is on", () => {
    let s = pointerReady();
    let t = SETTLE_MS;
    const dwellOn = (screen: ScreenId, item: string) => {
      for (const end = t + 1100; t <= end; t += 50) s = m.onTick(s, at(t, poseOn(screen, item)), withPointer);
    };
    dwellOn("menu", "timer");
    expect(m.stateName(s)).toBe("timer");
    dwellOn("timer", "min-5");
    expect(m.stateName(s)).toBe("timer-running");
    expect(s.timer?.durationS).toBe(300);

    const p = m.onTick(pointerReady(), at(400, poseOn("menu", "music")), withPointer);
    expect(focusedItem(p)).toBe("music");
    expect(m.stateName(m.onEvent(p, "select", event, at(500), withPointer))).toBe("music");
  });
});

describe("assistive touch scene on the simulator", () => {
  const seeds = [1, 2];

  it("moves the focus on every simulated tap, staying in the menu, and nothing else fires", () => {
    for (const seed of seeds) {
      const run = sceneSimRun(assistiveTouchLogic, { motion: "tap", seconds: 60, seed });
      const taps = run.segments.filter((g) => g.label === "tap").length;
      expect(run.events.length).toBeGreaterThanOrEqual(Math.ceil(0.8 * taps));
      expect(new Set(run.events.map((e) => e.role))).toEqual(new Set(["next"]));
      expect(run.states.map((x) => x.name)).toEqual(["menu"]);
      const final = run.finalState as AssistiveTouchState;
      expect(final.moves).toBe(run.events.length);
      expect(final.focus).toBe(run.events.length % SCREENS.menu.items.length);
      expect(new Set(run.cues)).toEqual(new Set(["move"]));
    }
  });

  it("opens Timer on the first simulated double tap; a double tap never also counts as a tap", () => {
    let pairs = 0;
    let selects = 0;
    let nexts = 0;
    for (const seed of seeds) {
      const run = sceneSimRun(assistiveTouchLogic, { motion: "double-tap", seconds: 60, seed });
      const firstSelect = run.events.findIndex((e) => e.role === "select");
      expect(run.events.slice(0, firstSelect).every((e) => e.role === "next")).toBe(true);
      expect(run.states[1]).toMatchObject({ name: "timer" });
      const doubleTaps = run.segments.filter((g) => g.label === "double-tap");
      pairs += doubleTaps.length;
      selects += run.events.filter((e) => e.role === "select").length;
      nexts += run.events.filter((e) => e.role === "next").length;
      expect(run.events.some((e) => e.role === "back")).toBe(false);
      // The tap rule waits out quietAfterMs, so its event for a pair would come within ~1.5 s of it.
      for (const g of doubleTaps) {
        const roles = new Set(run.events.filter((e) => e.event.detectedAtMs >= g.startMs && e.event.detectedAtMs < g.endMs + 1500).map((e) => e.role));
        expect(roles.has("select") && roles.has("next")).toBe(false);
      }
    }
    expect(selects).toBeGreaterThanOrEqual(Math.ceil(0.8 * pairs));
    // A pair whose second tap is too faint for the double-tap rule is one tap to the tap rule: rare, not never.
    expect(nexts).toBeLessThanOrEqual(Math.ceil(0.1 * pairs));
  });

  it("reads every simulated flick as back, never as a tap; back in the menu changes nothing", () => {
    for (const seed of seeds) {
      const run = sceneSimRun(assistiveTouchLogic, { motion: "flick", seconds: 60, seed });
      const flicks = run.segments.filter((g) => g.label === "flick").length;
      expect(run.events.length).toBeGreaterThanOrEqual(Math.ceil(0.8 * flicks));
      expect(new Set(run.events.map((e) => e.role))).toEqual(new Set(["back"]));
      expect(run.states.map((x) => x.name)).toEqual(["menu"]);
      expect(run.cues).toEqual([]);
    }
  });

  it("with the motion pointer on, a resting arm's drift clicks nothing", () => {
    for (const seed of seeds) {
      const run = sceneSimRun(assistiveTouchLogic, { motion: "idle", seconds: 60, seed, options: { pointer: true } });
      const final = run.finalState as AssistiveTouchState;
      expect(final.pointer).not.toBeNull();
      expect(final.activations).toBe(0);
      expect(run.states.map((x) => x.name)).toEqual(["menu"]);
    }
  });

  it.each(["walk", "idle", "shake"] as const)("fires no role and stays in the menu during 60 s of %s", (motion) => {
    for (const seed of seeds) {
      const run = sceneSimRun(assistiveTouchLogic, { motion, seconds: 60, seed });
      expect(run.states.map((x) => x.name)).toEqual(["menu"]);
      expect(run.events).toEqual([]);
      expect(focusedItem(run.finalState as AssistiveTouchState)).toBe("timer");
    }
  });
});
