import { describe, expect, it } from "vitest";
import { WATCH_NOTIFICATIONS, wristFlickLogic, type WristFlickState } from "@/components/scenes/wrist-flick/logic";
import type { InteractionEvent } from "@/lib/models/detector";
import { sceneDefaults } from "@/lib/scenes/scene-settings-resolve";
import type { SceneInputs } from "@/lib/scenes/scene-types";
import { sceneSimRun } from "../support/scene-sim-run";

const m = wristFlickLogic.machine;
const options = sceneDefaults(wristFlickLogic).options;
const at = (nowMs: number): SceneInputs => ({ nowMs, pose: null, scores: {} });
const flick = { label: "flick" } as InteractionEvent;

describe("wrist flick scene", () => {
  it("dismisses the notification on a flick, at once, with the dismiss cue", () => {
    const first = m.initial(options, 0);
    expect(m.stateName(first)).toBe("notification");
    expect(m.mirror(first, options)).toEqual({ text: "Message from Alex", tone: "active" });
    expect(m.onTick(first, at(60_000), options)).toBe(first);

    const s = m.onEvent(first, "dismiss", flick, at(1000), options);
    expect(s).toEqual({ kind: "dismissed", index: 0, cleared: 1, sinceMs: 1000 });
    expect(m.stateName(s)).toBe("dismissed");
    expect(m.cue!(first, s)).toBe("dismiss");
    expect(m.mirror(s, options).text).toBe("Dismissed");
  });

  it("brings the next notification nextAfterS after the dismissal, keeping the count", () => {
    const s = m.onEvent(m.initial(options, 0), "dismiss", flick, at(1000), options);
    expect(m.onTick(s, at(4999), options)).toBe(s);
    const next = m.onTick(s, at(5000), options);
    expect(next).toEqual({ kind: "notification", index: 1, cleared: 1 });
    expect(m.mirror(next, options).text).toBe("Design review in 10 min");
    expect(m.cue!(s, next)).toBeNull();

    const slow = { ...options, nextAfterS: 10 };
    expect(m.onTick(s, at(10_999), slow)).toBe(s);
    expect(m.onTick(s, at(11_000), slow).kind).toBe("notification");
  });

  it("cycles through every notification and starts over", () => {
    let s: WristFlickState = m.initial(options, 0);
    const seen: string[] = [];
    for (let i = 0; i <= WATCH_NOTIFICATIONS.length; i++) {
      seen.push(m.mirror(s, options).text);
      s = m.onEvent(s, "dismiss", flick, at(i * 10_000), options);
      s = m.onTick(s, at(i * 10_000 + 4000), options);
    }
    expect(new Set(seen).size).toBe(WATCH_NOTIFICATIONS.length);
    expect(seen[WATCH_NOTIFICATIONS.length]).toBe(seen[0]);
    expect(s).toEqual({ kind: "notification", index: 1, cleared: WATCH_NOTIFICATIONS.length + 1 });
  });

  it("keeps the watch face when autoNext is off", () => {
    const off = { ...options, autoNext: false };
    const s = m.onEvent(m.initial(off, 0), "dismiss", flick, at(0), off);
    expect(m.onTick(s, at(3_600_000), off)).toBe(s);
  });

  it("ignores a second flick while dismissed", () => {
    const s = m.onEvent(m.initial(options, 0), "dismiss", flick, at(1000), options);
    expect(m.onEvent(s, "dismiss", flick, at(2500), options)).toBe(s);
    // The wait for the next one still counts from the first flick.
    expect(m.onTick(s, at(5000), options).kind).toBe("notification");
  });

  it("dismisses on simulated flicks and brings each next notification after nextAfterS", () => {
    const run = sceneSimRun(wristFlickLogic, { motion: "flick", seconds: 60, seed: 3 });
    const flicks = run.segments.filter((s) => s.label === "flick").length;
    const dismissals = run.states.filter((s) => s.name === "dismissed").length;
    expect(run.events.length).toBeGreaterThanOrEqual(flicks - 1);
    // Flicks come every 2-4 s and the face stays 4 s: about every other one finds a notification.
    expect(dismissals).toBeGreaterThanOrEqual(6);
    expect(run.cues.filter((c) => c === "dismiss")).toHaveLength(dismissals);
    expect((run.finalState as WristFlickState).cleared).toBe(dismissals);
    for (let i = 1; i < run.states.length; i++) {
      const { name, tMs } = run.states[i]!;
      if (name === "notification") expect(tMs - run.states[i - 1]!.tMs).toBeGreaterThanOrEqual(4000);
    }
  });

  it.each(["walk", "idle", "shake"] as const)("never dismisses during 60 s of %s", (motion) => {
    for (const seed of [1, 2]) {
      const run = sceneSimRun(wristFlickLogic, { motion, seconds: 60, seed });
      expect(run.states.map((s) => s.name)).toEqual(["notification"]);
      expect(run.events).toEqual([]);
    }
  });
});
