import { describe, expect, it } from "vitest";
import { assistiveTouchLogic } from "@/components/scenes/assistive-touch/logic";
import { raiseToSpeakLogic } from "@/components/scenes/raise-to-speak/logic";
import { heuristicDefinition } from "@/lib/models/heuristics";
import { DEFAULT_CONSENT_TEXT, DEFAULT_REST_S } from "@/lib/protocol/studies";
import {
  FALLBACK_DECISION,
  choiceSummary,
  conditionDraftNew,
  conditionIdFromName,
  detectorDecision,
  draftConditionIds,
  draftFromDefinition,
  draftNew,
  draftSceneChange,
  draftValidate,
  listMove,
  roleThreshold,
  roleThresholdSet,
  sceneOptionsText,
  sceneSettingsFromStored,
  type StudyDraft,
} from "@/lib/studies/study-draft";

const noModels = () => null;

function validDraft(): StudyDraft {
  return { ...draftNew(raiseToSpeakLogic), name: "Raise study" };
}

describe("conditionIdFromName", () => {
  it("makes kebab-case ids without accents or punctuation", () => {
    expect(conditionIdFromName("Heuristic, strict!")).toBe("heuristic-strict");
    expect(conditionIdFromName("  Café  Model v2 ")).toBe("cafe-model-v2");
  });

  it("falls back to 'condition' for a name without letters or digits", () => {
    expect(conditionIdFromName("   ")).toBe("condition");
    expect(conditionIdFromName("!!!")).toBe("condition");
  });

  it("stays within 24 characters, also with a suffix, and never ends on a dash", () => {
    const long = conditionIdFromName("a very long condition name indeed");
    expect(long.length).toBeLessThanOrEqual(24);
    expect(long).not.toMatch(/-$/);
    const again = conditionIdFromName("a very long condition name indeed", [long]);
    expect(again).toMatch(/-2$/);
    expect(again.length).toBeLessThanOrEqual(24);
  });

  it("adds -2, -3 to ids already taken", () => {
    expect(conditionIdFromName("Model", ["model"])).toBe("model-2");
    expect(conditionIdFromName("Model", ["model", "model-2"])).toBe("model-3");
  });
});

describe("draftConditionIds", () => {
  it("derives unique ids from names in order", () => {
    const d = draftNew(raiseToSpeakLogic);
    d.conditions[1]!.name = d.conditions[0]!.name;
    expect(draftConditionIds(d.conditions)).toEqual(["condition-a", "condition-a-2"]);
  });

  it("keeps a saved condition's id while its name is unchanged, and derives a new one once renamed", () => {
    const d = draftNew(raiseToSpeakLogic);
    d.conditions = d.conditions.map((c, i) => ({ ...c, saved: { id: `saved-${i}`, name: c.name } }));
    expect(draftConditionIds(d.conditions)).toEqual(["saved-0", "saved-1"]);
    d.conditions[1]!.name = "Strict";
    expect(draftConditionIds(d.conditions)).toEqual(["saved-0", "strict"]);
  });
});

describe("draftNew", () => {
  it("starts valid except for the name, with the consent text, rest, scene defaults and two conditions", () => {
    const d = draftNew(assistiveTouchLogic);
    expect(d.consentText).toBe(DEFAULT_CONSENT_TEXT);
    expect(d.restS).toBe(String(DEFAULT_REST_S));
    expect(d.conditions.map((c) => c.name)).toEqual(["Condition A", "Condition B"]);
    expect(Object.keys(d.conditions[0]!.settings.roles)).toEqual(["next", "select", "back"]);
    expect(new Set(d.trials.map((t) => t.role))).toEqual(new Set(["next", "select", "back"]));
    expect(new Set(d.trials.map((t) => t.key)).size).toBe(d.trials.length);
    const result = draftValidate(d);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ name: "Cannot be empty." });
  });

  it("names a further condition with the next free letter", () => {
    const d = draftNew(raiseToSpeakLogic);
    expect(conditionDraftNew(raiseToSpeakLogic, d.conditions).name).toBe("Condition C");
  });
});

describe("draftValidate", () => {
  it("gives the definition with numbers parsed and condition ids derived", () => {
    const result = draftValidate(validDraft());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.restS).toBe(DEFAULT_REST_S);
    expect(result.definition.trials[0]).toEqual({ prompt: "Raise", role: "trigger", timeLimitS: 20 });
    expect(result.definition.conditions.map((c) => c.id)).toEqual(["condition-a", "condition-b"]);
  });

  it("puts one readable message on each field", () => {
    const d = validDraft();
    d.restS = "";
    d.trials[1] = { ...d.trials[1]!, prompt: "  ", timeLimitS: "900" };
    d.conditions[0]!.name = "";
    d.consentText = "x".repeat(1600);
    const result = draftValidate(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      restS: "Enter a number.",
      "trials.1.prompt": "Cannot be empty.",
      "trials.1.timeLimitS": "A time limit is 1 to 600 seconds.",
      "conditions.0.name": "Cannot be empty.",
      consentText: "At most 1500 characters.",
    });
  });

  it("refuses an empty script and more than six conditions", () => {
    const d = validDraft();
    d.trials = [];
    while (d.conditions.length < 7) d.conditions.push(conditionDraftNew(raiseToSpeakLogic, d.conditions));
    const result = draftValidate(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.trials).toBe("The script needs 1 to 100 trials.");
    expect(result.errors.conditions).toBe("A study has 1 to 6 conditions.");
  });

  it("shows a bad threshold at its condition", () => {
    const d = validDraft();
    d.conditions[1]!.settings.roles.trigger = { choice: null, decision: { ...FALLBACK_DECISION, thresholdProb: 2 } };
    const result = draftValidate(d);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors["conditions.1.settings"]).toBe("A threshold is above 0 and at most 1.");
  });
});

describe("draftFromDefinition", () => {
  it("round-trips a definition, keeping condition ids", () => {
    const first = draftValidate(validDraft());
    if (!first.ok) throw new Error("draft should be valid");
    const renamed = { ...first.definition, conditions: first.definition.conditions.map((c, i) => ({ ...c, id: `c${i}` })) };
    const again = draftValidate(draftFromDefinition(renamed));
    expect(again).toEqual({ ok: true, definition: renamed });
  });
});

describe("draftSceneChange", () => {
  it("replaces an untouched script and resets every condition to the new scene's defaults", () => {
    const d = draftNew(raiseToSpeakLogic);
    const changed = draftSceneChange(d, raiseToSpeakLogic, assistiveTouchLogic);
    expect(changed.sceneId).toBe("assistive-touch");
    expect(new Set(changed.trials.map((t) => t.role))).toEqual(new Set(["next", "select", "back"]));
    expect(changed.conditions.map((c) => c.name)).toEqual(["Condition A", "Condition B"]);
    expect(Object.keys(changed.conditions[1]!.settings.roles)).toEqual(["next", "select", "back"]);
  });

  it("keeps an edited script's prompts but gives rows the new scene's first role", () => {
    const d = draftNew(raiseToSpeakLogic);
    d.trials = [{ ...d.trials[0]!, prompt: "Answer the call" }];
    const changed = draftSceneChange(d, raiseToSpeakLogic, assistiveTouchLogic);
    expect(changed.trials).toEqual([{ ...d.trials[0]!, role: "next" }]);
  });
});

describe("listMove", () => {
  it("moves an item up or down and ignores moves past either end", () => {
    expect(listMove(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(listMove(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(listMove(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(listMove(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("sceneSettingsFromStored", () => {
  it("uses the scene's defaults for null settings", () => {
    const { settings, ignored } = sceneSettingsFromStored(raiseToSpeakLogic, { sceneId: "raise-to-speak", settings: null, updatedAtMs: null });
    expect(settings.roles.trigger).toEqual({ choice: { kind: "heuristic", name: "raise-to-speak", params: {} }, decision: null });
    expect(settings.options.maxListenS).toBe(15);
    expect(ignored).toEqual([]);
  });

  it("takes stored values over the defaults and lists what the scene does not know", () => {
    const stored = {
      roles: { trigger: { choice: { kind: "model" as const, id: "raise-cnn", pinned: 3 }, decision: null }, gone: { choice: null, decision: null } },
      options: { maxListenS: 30 },
    };
    const { settings, ignored } = sceneSettingsFromStored(raiseToSpeakLogic, { sceneId: "raise-to-speak", settings: stored, updatedAtMs: 1 });
    expect(settings.roles.trigger!.choice).toEqual({ kind: "model", id: "raise-cnn", pinned: 3 });
    expect(settings.options).toMatchObject({ maxListenS: 30, lowerBelowDeg: 35 });
    expect(ignored).toHaveLength(1);
  });
});

describe("sceneOptionsText", () => {
  it("lists each option with its label, value and unit", () => {
    const d = draftNew(raiseToSpeakLogic);
    const settings = { ...d.conditions[0]!.settings, options: { ...d.conditions[0]!.settings.options, speech: false } };
    expect(sceneOptionsText(raiseToSpeakLogic, settings)).toBe("Lowered below 35 ° · Lowered for 300 ms · Listen at most 15 s · Speech recognition off");
  });
});

describe("detector summaries and thresholds", () => {
  const heuristic = { kind: "heuristic" as const, name: "raise-to-speak", params: {} };
  const model = { kind: "model" as const, id: "raise-cnn", pinned: 3 };

  it("summarises a choice in a few words", () => {
    expect(choiceSummary(heuristic)).toBe("heuristic raise-to-speak");
    expect(choiceSummary(model)).toBe("model raise-cnn v3");
    expect(choiceSummary({ ...model, pinned: null })).toBe("model raise-cnn (newest version)");
    expect(choiceSummary(null)).toBe("no detector");
  });

  it("finds a heuristic's own decision, and a model's through the lookup", () => {
    expect(detectorDecision(heuristic, noModels)).toEqual(heuristicDefinition("raise-to-speak").decision);
    const manifest = { ...FALLBACK_DECISION, smoothingWindows: 4 };
    expect(detectorDecision(model, (id, pinned) => (id === "raise-cnn" && pinned === 3 ? manifest : null))).toBe(manifest);
    expect(detectorDecision(model, noModels)).toBeNull();
    expect(detectorDecision(null, noModels)).toBeNull();
  });

  it("shows the role's threshold, else the detector's", () => {
    const own = heuristicDefinition("raise-to-speak").decision;
    expect(roleThreshold({ choice: heuristic, decision: null }, own)).toBe(own.thresholdProb);
    expect(roleThreshold({ choice: heuristic, decision: { ...own, thresholdProb: 0.8 } }, own)).toBe(0.8);
    expect(roleThreshold({ choice: model, decision: null }, null)).toBeNull();
  });

  it("sets a threshold on the detector's own decision, the fallback, or the role's existing one", () => {
    const own = heuristicDefinition("raise-to-speak").decision;
    expect(roleThresholdSet({ choice: heuristic, decision: null }, 0.7, own).decision).toEqual({ ...own, thresholdProb: 0.7 });
    expect(roleThresholdSet({ choice: model, decision: null }, 0.6, null).decision).toEqual({ ...FALLBACK_DECISION, thresholdProb: 0.6 });
    const tuned = { thresholdProb: 0.5, smoothingWindows: 3, minConsecutiveWindows: 2, refractoryMs: 400 };
    expect(roleThresholdSet({ choice: model, decision: tuned }, 0.9, own).decision).toEqual({ ...tuned, thresholdProb: 0.9 });
  });
});
