import { describe, expect, it } from "vitest";
import type { SceneSettings } from "@/lib/protocol/scene-settings";
import { sceneDefaults, sceneOptionValid, sceneSettingsKey, sceneSettingsResolve, type ResolvedSceneSettings } from "@/lib/scenes/scene-settings-resolve";
import type { SceneLogic } from "@/lib/scenes/scene-types";

const TAP_DECISION = { thresholdProb: 0.6, smoothingWindows: 2, minConsecutiveWindows: 1, refractoryMs: 900 };

/** A scene with two roles (one with default decision settings) and one option of each kind. */
const logic: SceneLogic = {
  id: "test-scene",
  title: "Test",
  summary: "For tests.",
  howTo: "Move.",
  simMotion: "tap",
  roles: [
    { id: "trigger", label: "Go", description: "Starts.", interaction: "double-tap", default: { kind: "heuristic", name: "double-tap", params: {} }, defaultDecision: TAP_DECISION },
    { id: "cancel", label: "Stop", description: "Stops.", interaction: "flick", default: { kind: "model", id: "flick-net", pinned: null } },
  ],
  options: [
    { key: "holdS", label: "Hold", kind: "number", default: 2, min: 0.5, max: 10, step: 0.5, unit: "s" },
    { key: "chime", label: "Chime", kind: "boolean", default: true },
    { key: "face", label: "Face", kind: "choice", default: "round", choices: [{ value: "round", label: "Round" }, { value: "square", label: "Square" }] },
  ],
  machine: {
    initial: () => null,
    onEvent: (s) => s,
    onTick: (s) => s,
    stateName: () => "idle",
    mirror: () => ({ text: "", tone: "idle" }),
  },
};

const DEFAULTS: ResolvedSceneSettings = {
  roles: {
    trigger: { choice: { kind: "heuristic", name: "double-tap", params: {} }, decision: TAP_DECISION },
    cancel: { choice: { kind: "model", id: "flick-net", pinned: null }, decision: null },
  },
  options: { holdS: 2, chime: true, face: "round" },
};

describe("sceneDefaults", () => {
  it("has every role with its default detector and decision (null: the detector's own), and every option's default", () => {
    expect(sceneDefaults(logic)).toEqual(DEFAULTS);
  });

  it("gives a fresh object each time, so resolving never changes the scene's defaults", () => {
    const a = sceneDefaults(logic);
    a.roles.trigger = { choice: null, decision: null };
    a.options.holdS = 9;
    expect(sceneDefaults(logic)).toEqual(DEFAULTS);
  });
});

describe("sceneSettingsResolve", () => {
  it("gives the defaults, ignoring nothing, when nothing is stored", () => {
    expect(sceneSettingsResolve(logic, null)).toEqual({ settings: DEFAULTS, ignored: [] });
  });

  it("lays stored roles and options over the defaults, keeping the ones not stored", () => {
    const tuned = { thresholdProb: 0.8, smoothingWindows: 3, minConsecutiveWindows: 2, refractoryMs: 1200 };
    const stored: SceneSettings = {
      roles: { cancel: { choice: { kind: "heuristic", name: "flick", params: { peakRadPerS: 5 } }, decision: tuned } },
      options: { holdS: 4.5, chime: false },
    };
    expect(sceneSettingsResolve(logic, stored)).toEqual({
      settings: {
        roles: { trigger: DEFAULTS.roles.trigger, cancel: stored.roles.cancel },
        options: { holdS: 4.5, chime: false, face: "round" },
      },
      ignored: [],
    });
  });

  it("keeps a stored role with no detector (cleared) rather than falling back to the default", () => {
    const { settings } = sceneSettingsResolve(logic, { roles: { trigger: { choice: null, decision: null } }, options: {} });
    expect(settings.roles.trigger).toEqual({ choice: null, decision: null });
  });

  it("leaves out and lists an unknown role and an unknown option", () => {
    const stored: SceneSettings = {
      roles: { next: { choice: { kind: "heuristic", name: "flick", params: {} }, decision: null } },
      options: { speed: 3 },
    };
    const { settings, ignored } = sceneSettingsResolve(logic, stored);
    expect(settings).toEqual(DEFAULTS);
    expect(settings.roles).not.toHaveProperty("next");
    expect(settings.options).not.toHaveProperty("speed");
    expect(ignored).toEqual(['role "next" (this scene has trigger, cancel)', 'option "speed" (unknown)']);
  });

  it("leaves out and lists option values out of range or of the wrong type, keeping the valid ones", () => {
    const stored: SceneSettings = {
      roles: {},
      options: { holdS: 11, chime: "yes", face: "hexagon" },
    };
    const { settings, ignored } = sceneSettingsResolve(logic, stored);
    expect(settings.options).toEqual(DEFAULTS.options);
    expect(ignored).toEqual(['option "holdS" = 11 (out of range)', 'option "chime" = "yes" (out of range)', 'option "face" = "hexagon" (out of range)']);

    const mixed = sceneSettingsResolve(logic, { roles: {}, options: { holdS: true, chime: 1, face: "square" } });
    expect(mixed.settings.options).toEqual({ holdS: 2, chime: true, face: "square" });
    expect(mixed.ignored).toEqual(['option "holdS" = true (out of range)', 'option "chime" = 1 (out of range)']);
  });
});

describe("sceneOptionValid", () => {
  const [hold, chime, face] = logic.options;

  it("takes numbers within min and max inclusive, and finite only", () => {
    expect([0.5, 2, 10].map((v) => sceneOptionValid(hold!, v))).toEqual([true, true, true]);
    expect([0.49, 10.01, NaN, Infinity, "2"].map((v) => sceneOptionValid(hold!, v))).toEqual([false, false, false, false, false]);
  });

  it("takes booleans for a switch and listed values for a choice", () => {
    expect([true, false, "true", 0].map((v) => sceneOptionValid(chime!, v))).toEqual([true, true, false, false]);
    expect(["round", "square", "Round", null].map((v) => sceneOptionValid(face!, v))).toEqual([true, true, false, false]);
  });
});

describe("sceneSettingsKey", () => {
  it("is the same whatever the key order, at every depth", () => {
    const a: ResolvedSceneSettings = {
      roles: {
        trigger: { choice: { kind: "heuristic", name: "double-tap", params: { tapPeakMps2: 2, quietMs: 150 } }, decision: TAP_DECISION },
        cancel: { choice: null, decision: null },
      },
      options: { holdS: 2, chime: true },
    };
    const b: ResolvedSceneSettings = {
      options: { chime: true, holdS: 2 },
      roles: {
        cancel: { decision: null, choice: null },
        trigger: {
          decision: { refractoryMs: 900, minConsecutiveWindows: 1, smoothingWindows: 2, thresholdProb: 0.6 },
          choice: { params: { quietMs: 150, tapPeakMps2: 2 }, name: "double-tap", kind: "heuristic" },
        },
      },
    };
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(sceneSettingsKey(a)).toBe(sceneSettingsKey(b));
  });

  it("differs when any value differs, however deep", () => {
    const key = sceneSettingsKey(DEFAULTS);
    const deeper = structuredClone(DEFAULTS);
    (deeper.roles.trigger!.decision as { refractoryMs: number }).refractoryMs = 901;
    expect(sceneSettingsKey(deeper)).not.toBe(key);
    expect(sceneSettingsKey({ ...DEFAULTS, options: { ...DEFAULTS.options, chime: false } })).not.toBe(key);
  });
});
