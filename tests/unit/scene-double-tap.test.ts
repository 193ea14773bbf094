import { describe, expect, it } from "vitest";
import { doubleTapLogic, durationText, TRACK, type DoubleTapState } from "@/components/scenes/double-tap/logic";
import type { InteractionEvent } from "@/lib/models/detector";
import { sceneDefaults } from "@/lib/scenes/scene-settings-resolve";
import type { SceneInputs, SceneOptions } from "@/lib/scenes/scene-types";
import { sceneSimRun } from "../support/scene-sim-run";

const m = doubleTapLogic.machine;
const options = sceneDefaults(doubleTapLogic).options;
const on = (screen: string): SceneOptions => ({ ...options, screen });
const at = (nowMs: number): SceneInputs => ({ nowMs, pose: null, scores: {} });
const tap = { label: "double-tap" } as InteractionEvent;
const press = (s: DoubleTapState, nowMs: number, o: SceneOptions = options) => m.onEvent(s, "action", tap, at(nowMs), o);

describe("double tap scene", () => {
  it("answers the ringing call, counts the call's seconds, and ends it, each press with the select cue", () => {
    const ringing = m.initial(options, 0);
    expect(m.stateName(ringing)).toBe("ringing");
    expect(m.mirror(ringing, options)).toEqual({ text: "Incoming call · Alex", tone: "alert" });
    expect(m.onTick(ringing, at(600_000), options)).toBe(ringing);

    const inCall = press(ringing, 1000);
    expect(m.stateName(inCall)).toBe("in-call");
    expect(m.cue!(ringing, inCall)).toBe("select");
    expect(m.mirror(inCall, options)).toEqual({ text: "Call answered · Alex", tone: "active" });
    // The timer changes the state once a second, not every frame.
    expect(m.onTick(inCall, at(1999), options)).toBe(inCall);
    const later = m.onTick(inCall, at(8500), options);
    expect(later).toMatchObject({ kind: "in-call", elapsedS: 7 });
    expect(m.onTick(later, at(8900), options)).toBe(later);
    expect(m.cue!(inCall, later)).toBeNull();

    const ended = press(later, 13_200);
    expect(ended).toMatchObject({ kind: "ended", durationS: 12, presses: 2 });
    expect(m.cue!(later, ended)).toBe("select");
    expect(m.mirror(ended, options).text).toBe("Call ended");
  });

  it("rings again repeatAfterS after the call ended, without a cue, and ignores double taps meanwhile", () => {
    const ended = press(press(m.initial(options, 0), 0), 5000);
    expect(press(ended, 6000)).toBe(ended);
    expect(m.onTick(ended, at(8999), options)).toBe(ended);
    const again = m.onTick(ended, at(9000), options);
    expect(m.stateName(again)).toBe("ringing");
    expect(m.cue!(ended, again)).toBeNull();
    expect(m.stateName(press(again, 9500))).toBe("in-call");

    const slow = { ...options, repeatAfterS: 10 };
    expect(m.onTick(ended, at(14_999), slow)).toBe(ended);
    expect(m.stateName(m.onTick(ended, at(15_000), slow))).toBe("ringing");
  });

  it("toggles the music, whose position runs only while playing and starts over at the track's end", () => {
    const music = on("music");
    const paused = m.initial(music, 0);
    expect(paused).toMatchObject({ kind: "paused", positionS: TRACK.startAtS });
    expect(m.onTick(paused, at(60_000), music)).toBe(paused);

    const playing = press(paused, 1000, music);
    expect(m.stateName(playing)).toBe("playing");
    expect(m.cue!(paused, playing)).toBe("select");
    expect(m.mirror(playing, music).tone).toBe("active");
    const on10 = m.onTick(playing, at(11_000), music);
    expect(on10).toMatchObject({ kind: "playing", positionS: TRACK.startAtS + 10 });

    const pausedAgain = press(on10, 11_500, music);
    expect(pausedAgain).toMatchObject({ kind: "paused", positionS: TRACK.startAtS + 10, presses: 2 });
    expect(m.mirror(pausedAgain, music)).toMatchObject({ text: "Paused · Midnight City", progress: (TRACK.startAtS + 10) / TRACK.durationS });
    expect(m.onTick(pausedAgain, at(100_000), music)).toBe(pausedAgain);

    const wrapped = m.onTick(playing, at(1000 + (TRACK.durationS - TRACK.startAtS + 3) * 1000), music);
    expect(wrapped).toMatchObject({ kind: "playing", positionS: 3 });
  });

  it("stops the timer's alarm, which goes off again repeatAfterS later", () => {
    const timer = on("timer");
    const alarm = m.initial(timer, 0);
    expect(m.mirror(alarm, timer)).toEqual({ text: "Timer done", tone: "alert" });
    const overdue = m.onTick(alarm, at(3500), timer);
    expect(overdue).toMatchObject({ kind: "alarm", overdueS: 3 });

    const dismissed = press(overdue, 4000, timer);
    expect(m.stateName(dismissed)).toBe("dismissed");
    expect(m.cue!(overdue, dismissed)).toBe("select");
    expect(m.mirror(dismissed, timer)).toEqual({ text: "Timer stopped", tone: "success" });
    expect(press(dismissed, 5000, timer)).toBe(dismissed);
    expect(m.onTick(dismissed, at(7999), timer)).toBe(dismissed);
    const again = m.onTick(dismissed, at(8000), timer);
    expect(again).toMatchObject({ kind: "alarm", sinceMs: 8000, overdueS: 0 });
    expect(m.cue!(dismissed, again)).toBeNull();
  });

  it("treats a state of another screen as the chosen screen's initial state", () => {
    const playing = press(m.initial(on("music"), 0), 0, on("music"));

    // The first tick after the switch shows the new screen, with no cue, then stays put.
    const ringing = m.onTick(playing, at(500), options);
    expect(ringing).toEqual({ kind: "ringing", presses: 0 });
    expect(m.cue!(playing, ringing)).toBeNull();
    expect(m.onTick(ringing, at(600), options)).toBe(ringing);
    expect(m.onTick(ringing, at(700), on("timer"))).toMatchObject({ kind: "alarm", sinceMs: 700, overdueS: 0 });

    // A double tap before that tick presses the new screen's button, never the old one's.
    const answered = press(playing, 500);
    expect(m.stateName(answered)).toBe("in-call");
    expect(m.cue!(playing, answered)).toBe("select");
    expect(m.stateName(press(answered, 900, on("music")))).toBe("playing");
  });

  it("falls back to the call for a screen value it does not know", () => {
    expect(m.stateName(m.initial(on("radio"), 0))).toBe("ringing");
  });

  it("writes durations as m:ss", () => {
    expect([0, 7, 59, 60, 243].map(durationText)).toEqual(["0:00", "0:07", "0:59", "1:00", "4:03"]);
  });

  it("answers a simulated double tap, then ends the call on the next one, and rings again", () => {
    const run = sceneSimRun(doubleTapLogic, { motion: "double-tap", seconds: 60, seed: 3 });
    const pairs = run.segments.filter((s) => s.label === "double-tap").length;
    const names = run.states.map((s) => s.name);
    expect(pairs).toBeGreaterThan(10);
    expect(names[1]).toBe("in-call");
    // Each call is answered, ended and rung again: the cycle repeats through the run.
    expect(names.filter((n) => n === "in-call").length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < names.length; i++) expect(`${names[i - 1]}>${names[i]}`).toMatch(/^(ringing>in-call|in-call>ended|ended>ringing)$/);
    const presses = names.filter((n) => n === "in-call" || n === "ended").length;
    expect(run.cues.filter((c) => c === "select")).toHaveLength(presses);
  });

  it.each([
    ["music", "playing"],
    ["timer", "dismissed"],
  ])("presses the %s screen's button on a simulated double tap", (screen, pressed) => {
    const run = sceneSimRun(doubleTapLogic, { motion: "double-tap", seconds: 20, seed: 5, options: { screen } });
    expect(run.states.map((s) => s.name)).toContain(pressed);
  });

  it.each(["walk", "idle", "shake"] as const)("never answers during 60 s of %s", (motion) => {
    for (const seed of [1, 2]) {
      const run = sceneSimRun(doubleTapLogic, { motion, seconds: 60, seed });
      expect(run.states.map((s) => s.name)).toEqual(["ringing"]);
      expect(run.events).toEqual([]);
    }
  });

  it("never answers on single taps: a tap is not a double tap", () => {
    for (const seed of [1, 2]) {
      const run = sceneSimRun(doubleTapLogic, { motion: "tap", seconds: 60, seed });
      expect(run.segments.filter((s) => s.label === "tap").length).toBeGreaterThan(10);
      expect(run.states.map((s) => s.name)).toEqual(["ringing"]);
      expect(run.events).toEqual([]);
    }
  });
});
