import { describe, expect, it } from "vitest";
import { SceneSession } from "@/lib/client/scene-session";
import type { InteractionEvent } from "@/lib/models/detector";
import { InteractionBus } from "@/lib/models/event-bus";
import type { SceneInputs, SceneLogic, SceneMirror, SceneOptions } from "@/lib/scenes/scene-types";

/**
 * A counter scene written for these tests, so each assertion can say exactly what
 * the machine will answer:
 * - "inc" adds the `step` option, "dec" subtracts one (nothing at zero);
 * - a tick resets to zero when the wrist is raised past 60°, and counts one when the
 *   "inc" score is above its threshold;
 * - names: zero / one / many; the `mirror` option picks which mirror field follows n.
 * Every call records the options and inputs it was given.
 */
interface Counter {
  n: number;
  startedAtMs: number;
}

type MirrorMode = "count" | "fixed" | "tone" | "ring";

function counterLogic() {
  const calls = { initial: [] as SceneOptions[], onEvent: [] as { inputs: SceneInputs; options: SceneOptions }[], onTick: [] as SceneOptions[] };
  const logic: SceneLogic<Counter> = {
    id: "counter",
    title: "Counter",
    summary: "Counts events.",
    howTo: "Tap.",
    simMotion: "tap",
    roles: [
      { id: "inc", label: "Up", description: "Counts up.", interaction: "double-tap", default: { kind: "heuristic", name: "double-tap", params: {} } },
      { id: "dec", label: "Down", description: "Counts down.", interaction: "flick", default: { kind: "heuristic", name: "flick", params: {} } },
    ],
    options: [
      { key: "step", label: "Step", kind: "number", default: 1, min: 1, max: 10, step: 1, unit: "" },
      {
        key: "mirror",
        label: "Mirror",
        kind: "choice",
        default: "count",
        choices: (["count", "fixed", "tone", "ring"] as const).map((value) => ({ value, label: value })),
      },
    ],
    machine: {
      initial(options, nowMs) {
        calls.initial.push(options);
        return { n: 0, startedAtMs: nowMs };
      },
      onEvent(s, role, _event, inputs, options) {
        calls.onEvent.push({ inputs, options });
        if (role === "inc") return { ...s, n: s.n + (options.step as number) };
        return s.n > 0 ? { ...s, n: s.n - 1 } : s;
      },
      onTick(s, inputs, options) {
        calls.onTick.push(options);
        if (inputs.pose && inputs.pose.raiseDeg > 60 && s.n > 0) return { ...s, n: 0 };
        if (inputs.scores.inc?.above) return { ...s, n: s.n + 1 };
        return s;
      },
      stateName: (s) => (s.n === 0 ? "zero" : s.n === 1 ? "one" : "many"),
      cue: (prev, next) => (next.n < prev.n ? "back" : next.n > prev.n && next.n % 5 === 0 ? "success" : null),
      mirror(s, options): SceneMirror {
        switch (options.mirror as MirrorMode) {
          case "count":
            return { text: String(s.n), tone: "idle" };
          case "fixed":
            return { text: "Counter", tone: "idle" };
          case "tone":
            return { text: "Counter", tone: s.n >= 3 ? "success" : "idle" };
          case "ring":
            // Steps of 5% are 5 counts out of 100: 0-2 round to step 0, 3-7 to step 1.
            return { text: "Counter", tone: "idle", progress: s.n / 100 };
        }
      },
    },
  };
  return { logic, calls };
}

const T0 = 1_750_000_000_000;

function event(i = 0): InteractionEvent {
  return { interaction: "double-tap", label: "double-tap", confidence: 0.9, tStartMs: T0 + i, tEndMs: T0 + i + 300, detectedAtMs: T0 + i + 320, detectorId: "heuristic:double-tap", deviceId: "phone-1" };
}

const still = (nowMs: number): SceneInputs => ({ nowMs, pose: null, scores: {} });

function harness(options: Partial<{ step: number; mirror: MirrorMode }> = {}) {
  const { logic, calls } = counterLogic();
  const clock = { nowMs: T0, perfMs: 1000 };
  const session = new SceneSession(logic, { step: 1, mirror: "count", ...options }, { nowMs: () => clock.nowMs, perfNowMs: () => clock.perfMs });
  let notified = 0;
  session.subscribe(() => notified++);
  const cues: string[] = [];
  const mirrors: { mirror: SceneMirror; name: string }[] = [];
  session.setFeedback({ onCue: (c) => cues.push(c), onMirror: (mirror, name) => mirrors.push({ mirror, name }) });
  return { session, calls, clock, cues, mirrors, notified: () => notified, snap: () => session.getSnapshot() };
}

describe("SceneSession state and snapshots", () => {
  it("starts from the machine's initial state at the scene clock, with its name and mirror", () => {
    const h = harness();
    expect(h.snap()).toEqual({ state: { n: 0, startedAtMs: T0 }, name: "zero", mirror: { text: "0", tone: "idle" }, log: [] });
    expect(h.calls.initial).toEqual([{ step: 1, mirror: "count" }]);
  });

  it("makes a new snapshot with state, name and mirror for each change", () => {
    const h = harness();
    const first = h.snap();
    h.session.event("inc", event());
    const second = h.snap();
    expect(second).not.toBe(first);
    expect(second).toMatchObject({ state: { n: 1 }, name: "one", mirror: { text: "1", tone: "idle" } });
    h.session.event("inc", event());
    expect(h.snap()).toMatchObject({ state: { n: 2 }, name: "many", mirror: { text: "2" } });
    expect(h.notified()).toBe(2);
  });

  it("passes the scene clock and the last tick's pose and scores to events", () => {
    const h = harness();
    const pose = { raiseDeg: 10, rollDeg: 0, headingDeg: 0 };
    const scores = { inc: { score: 0.2, above: false } };
    h.session.tick({ nowMs: T0 + 100, pose, scores });
    h.clock.nowMs = T0 + 250;
    h.session.event("inc", event());
    expect(h.calls.onEvent).toEqual([{ inputs: { nowMs: T0 + 250, pose, scores }, options: { step: 1, mirror: "count" } }]);
  });
});

describe("SceneSession on the interaction bus", () => {
  it("takes events of the scene's roles only, and stops when unsubscribed", () => {
    const h = harness();
    const bus = new InteractionBus();
    const off = h.session.listen(bus);
    bus.publishEvent(event(1), "inc");
    bus.publishEvent(event(2), "other");
    bus.publishEvent(event(3));
    bus.publishEvent(event(4), "inc");
    bus.publishEvent(event(5), "dec");
    expect(h.snap().log.map((e) => [e.role, e.event.tStartMs])).toEqual([
      ["dec", T0 + 5],
      ["inc", T0 + 4],
      ["inc", T0 + 1],
    ]);
    expect(h.snap().state.n).toBe(1);

    off();
    bus.publishEvent(event(6), "inc");
    expect(h.snap().log).toHaveLength(3);
    expect(h.snap().state.n).toBe(1);
  });
});

describe("SceneSession ticks", () => {
  it("does not notify (no render) when a tick returns the same state", () => {
    const h = harness();
    h.session.event("inc", event());
    const before = h.snap();
    const notified = h.notified();
    const cues = h.cues.length;
    const mirrors = h.mirrors.length;
    for (let i = 0; i < 10; i++) h.session.tick(still(T0 + i * 16));
    expect(h.calls.onTick).toHaveLength(10);
    expect(h.notified()).toBe(notified);
    expect(h.snap()).toBe(before);
    expect([h.cues.length, h.mirrors.length]).toEqual([cues, mirrors]);
  });

  it("notifies once per tick that changes the state, and keeps the log", () => {
    const h = harness();
    h.session.event("inc", event());
    const log = h.snap().log;
    const notified = h.notified();
    h.session.tick({ nowMs: T0, pose: null, scores: { inc: { score: 0.9, above: true } } });
    expect(h.notified()).toBe(notified + 1);
    expect(h.snap()).toMatchObject({ state: { n: 2 }, name: "many" });
    expect(h.snap().log).toBe(log);
  });
});

describe("SceneSession cues", () => {
  it("plays the machine's cue for an event's change", () => {
    const h = harness({ step: 5 });
    h.session.event("inc", event());
    expect(h.cues).toEqual(["success"]);
  });

  it("plays 'detect' when an event changes the state and the machine has no cue for it", () => {
    const h = harness();
    h.session.event("inc", event());
    expect(h.cues).toEqual(["detect"]);
  });

  it("plays nothing for an event that changes nothing, though it is logged", () => {
    const h = harness();
    h.session.event("dec", event());
    expect(h.cues).toEqual([]);
    expect(h.snap().log).toHaveLength(1);
    expect(h.snap().state).toEqual({ n: 0, startedAtMs: T0 });
  });

  it("plays a tick's cue only when the machine gives one (no 'detect' default for ticks)", () => {
    const h = harness();
    h.session.tick({ nowMs: T0, pose: null, scores: { inc: { score: 0.9, above: true } } });
    expect(h.snap().state.n).toBe(1);
    expect(h.cues).toEqual([]);
    h.session.tick({ nowMs: T0, pose: { raiseDeg: 80, rollDeg: 0, headingDeg: 0 }, scores: {} });
    expect(h.snap().state.n).toBe(0);
    expect(h.cues).toEqual(["back"]);
  });

  it("sends feedback to the handlers set last", () => {
    const h = harness();
    const later: string[] = [];
    h.session.setFeedback({ onCue: (c) => later.push(c) });
    h.session.event("inc", event());
    expect(later).toEqual(["detect"]);
    expect(h.cues).toEqual([]);
    expect(h.mirrors).toEqual([]);
  });
});

describe("SceneSession mirror", () => {
  it("reports a changed text", () => {
    const h = harness({ mirror: "count" });
    h.session.event("inc", event());
    h.session.event("inc", event());
    // 1 -> 2 changes the name too; 2 -> 3 changes only the text.
    h.session.event("inc", event());
    expect(h.mirrors).toEqual([
      { mirror: { text: "1", tone: "idle" }, name: "one" },
      { mirror: { text: "2", tone: "idle" }, name: "many" },
      { mirror: { text: "3", tone: "idle" }, name: "many" },
    ]);
  });

  it("reports a changed name with the same text, and nothing when no mirrored field changes", () => {
    const h = harness({ mirror: "fixed" });
    h.session.event("inc", event());
    h.session.event("inc", event());
    expect(h.mirrors.map((m) => m.name)).toEqual(["one", "many"]);
    h.session.event("inc", event());
    h.session.event("inc", event());
    expect(h.snap().state.n).toBe(4);
    expect(h.mirrors).toHaveLength(2);
  });

  it("reports a changed tone", () => {
    const h = harness({ mirror: "tone", step: 2 });
    h.session.event("inc", event());
    h.session.event("inc", event());
    h.session.event("inc", event());
    // n: 2 (name), 4 (tone: success), 6 (nothing).
    expect(h.mirrors).toEqual([
      { mirror: { text: "Counter", tone: "idle" }, name: "many" },
      { mirror: { text: "Counter", tone: "success" }, name: "many" },
    ]);
  });

  it("reports progress only when it moves to another 5% step", () => {
    const h = harness({ mirror: "ring", step: 2 });
    h.session.event("inc", event());
    expect(h.mirrors).toHaveLength(1);
    h.session.event("dec", event());
    h.session.event("inc", event());
    h.session.event("inc", event());
    // n: 2, 1, 3 (names change), then 5 stays in the step 3 entered.
    expect(h.snap().state.n).toBe(5);
    expect(h.mirrors.map((m) => [m.name, m.mirror.progress])).toEqual([
      ["many", 0.02],
      ["one", 0.01],
      ["many", 0.03],
    ]);
    h.session.event("inc", event());
    expect(h.snap().state.n).toBe(7);
    expect(h.mirrors).toHaveLength(3);
    // Only the progress step changes at 9.
    h.session.event("inc", event());
    expect(h.mirrors.at(-1)).toEqual({ mirror: { text: "Counter", tone: "idle", progress: 0.09 }, name: "many" });
  });
});

describe("SceneSession log", () => {
  it("records each event's role, states before and after, and when the bus delivered it", () => {
    const h = harness();
    h.clock.perfMs = 500;
    h.session.event("inc", event(1));
    h.clock.perfMs = 700;
    h.session.event("dec", event(2));
    h.session.event("dec", event(3));
    expect(h.snap().log).toEqual([
      { key: 3, role: "dec", event: event(3), from: "zero", to: "zero", busAtMs: 700, domMs: null, frameMs: null, inFirstFrame: null },
      { key: 2, role: "dec", event: event(2), from: "one", to: "zero", busAtMs: 700, domMs: null, frameMs: null, inFirstFrame: null },
      { key: 1, role: "inc", event: event(1), from: "zero", to: "one", busAtMs: 500, domMs: null, frameMs: null, inFirstFrame: null },
    ]);
  });

  it("fills the time to the DOM and to the painting frame from the page clock", () => {
    const h = harness();
    h.clock.perfMs = 1000;
    h.session.event("inc", event(1));
    // Painted before rendered means nothing: the frame must follow the commit.
    const beforeRender = h.notified();
    h.session.markPainted();
    expect(h.notified()).toBe(beforeRender);
    expect(h.snap().log[0]).toMatchObject({ domMs: null, frameMs: null });

    h.clock.perfMs = 1012.5;
    h.session.markRendered();
    expect(h.snap().log[0]).toMatchObject({ domMs: 12.5, frameMs: null });
    h.clock.perfMs = 1030;
    h.session.markPainted();
    expect(h.snap().log[0]).toMatchObject({ domMs: 12.5, frameMs: 30 });
    expect(h.notified()).toBe(beforeRender + 2);

    // Marks with nothing waiting change nothing and render nothing.
    h.clock.perfMs = 2000;
    h.session.markRendered();
    h.session.markPainted();
    expect(h.notified()).toBe(beforeRender + 2);
    expect(h.snap().log[0]).toMatchObject({ domMs: 12.5, frameMs: 30 });
  });

  it("tells whether the DOM showed each event by the first animation frame after it", () => {
    const frames: (() => void)[] = [];
    const { logic } = counterLogic();
    const session = new SceneSession(logic, { step: 1, mirror: "count" }, { nowMs: () => T0, perfNowMs: () => 0, nextFrame: (cb) => frames.push(cb) });
    const frame = () => frames.splice(0).forEach((cb) => cb());

    session.event("inc", event(1));
    session.markRendered();
    frame();
    session.event("inc", event(2));
    // The frame comes before the view rendered: a frame was painted without the feedback.
    frame();
    session.markRendered();
    expect(session.getSnapshot().log.map((e) => [e.key, e.inFirstFrame])).toEqual([
      [2, false],
      [1, true],
    ]);
    // Later frames do not change the verdict.
    session.event("inc", event(3));
    frame();
    expect(session.getSnapshot().log.map((e) => e.inFirstFrame)).toEqual([false, false, true]);
  });

  it("times a later event from its own delivery and leaves earlier entries as they were", () => {
    const h = harness();
    h.clock.perfMs = 1000;
    h.session.event("inc", event(1));
    h.clock.perfMs = 1010;
    h.session.markRendered();
    h.clock.perfMs = 1020;
    h.session.markPainted();

    h.clock.perfMs = 3000;
    h.session.event("inc", event(2));
    h.clock.perfMs = 3004;
    h.session.event("inc", event(3));
    h.clock.perfMs = 3009;
    h.session.markRendered();
    h.clock.perfMs = 3025;
    h.session.markPainted();
    expect(h.snap().log.map((e) => [e.key, e.domMs, e.frameMs])).toEqual([
      [3, 5, 21],
      [2, 9, 25],
      [1, 10, 20],
    ]);
  });

  it("keeps the newest 30 entries", () => {
    const h = harness();
    for (let i = 1; i <= 35; i++) h.session.event("inc", event(i));
    const log = h.snap().log;
    expect(log).toHaveLength(30);
    expect(log[0]!.key).toBe(35);
    expect(log.at(-1)!.key).toBe(6);
    expect(h.snap().state.n).toBe(35);
  });
});

describe("SceneSession options and restart", () => {
  it("passes new options to the machine and updates the mirror at once", () => {
    const h = harness();
    h.session.event("inc", event());
    const notified = h.notified();
    h.session.setOptions({ step: 3, mirror: "fixed" });
    expect(h.notified()).toBe(notified + 1);
    expect(h.snap()).toMatchObject({ state: { n: 1 }, mirror: { text: "Counter" } });
    h.session.event("inc", event());
    expect(h.snap().state.n).toBe(4);
    expect(h.calls.onEvent.at(-1)!.options).toEqual({ step: 3, mirror: "fixed" });
    h.session.tick(still(T0));
    expect(h.calls.onTick.at(-1)).toEqual({ step: 3, mirror: "fixed" });
  });

  it("restarts from the initial state with the current options and clock, keeping the log, without a cue", () => {
    const h = harness();
    h.session.event("inc", event());
    h.session.event("inc", event());
    h.session.setOptions({ step: 2, mirror: "count" });
    h.clock.nowMs = T0 + 9000;
    h.cues.length = 0;
    h.mirrors.length = 0;
    h.session.restart();
    expect(h.snap()).toMatchObject({ state: { n: 0, startedAtMs: T0 + 9000 }, name: "zero", mirror: { text: "0" } });
    expect(h.calls.initial.at(-1)).toEqual({ step: 2, mirror: "count" });
    expect(h.snap().log).toHaveLength(2);
    expect(h.cues).toEqual([]);
    expect(h.mirrors).toEqual([{ mirror: { text: "0", tone: "idle" }, name: "zero" }]);
  });
});
