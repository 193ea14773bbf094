import type { z } from "zod";
import type { DecisionSettings } from "../models/detector";
import { HEURISTICS } from "../models/heuristics";
import type { SceneChoice, SceneRoleSettings, SceneSettings, StoredSceneSettings } from "../protocol/scene-settings";
import { DEFAULT_CONSENT_TEXT, DEFAULT_REST_S, studyDefinitionSchema, type StudyDefinition } from "../protocol/studies";
import { sceneDefaults, sceneSettingsResolve } from "../scenes/scene-settings-resolve";
import type { SceneLogic } from "../scenes/scene-types";

/**
 * A study as its editor holds it while someone types: numbers as the text of their
 * fields (so "" and "1." can be typed), condition ids not yet derived, and a key
 * per row so moving rows keeps each input's focus. {@link draftValidate} turns it
 * into a definition the server accepts, or into one message per field.
 */

export interface TrialDraft {
  key: string;
  prompt: string;
  role: string;
  timeLimitS: string;
}

export interface ConditionDraft {
  key: string;
  name: string;
  settings: SceneSettings;
  /** As last saved: its id stays while the name does, so an unchanged study saves unchanged. */
  saved: { id: string; name: string } | null;
}

export interface StudyDraft {
  name: string;
  sceneId: string;
  consentText: string;
  restS: string;
  trials: TrialDraft[];
  conditions: ConditionDraft[];
}

/** Field path ("name", "trials.2.prompt", "conditions.1.name") → what is wrong, as a sentence. */
export type DraftErrors = Record<string, string>;

export const CONDITIONS_MIN = 1;
export const CONDITIONS_MAX = 6;
export const DEFAULT_TIME_LIMIT_S = 20;
const DEFAULT_TRIALS_PER_ROLE = 3;
const CONDITION_ID_MAX = 24;

let keySeq = 0;
const rowKey = () => `row-${++keySeq}`;

/** Kebab-case of the name, unique among `taken` (a "-2", "-3" suffix), within the 24 characters an id may have. */
export function conditionIdFromName(name: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, CONDITION_ID_MAX)
      .replace(/-+$/, "") || "condition";
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, CONDITION_ID_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!used.has(id)) return id;
  }
}

/** Ids in condition order: a saved condition whose name did not change keeps its id; the others derive theirs. */
export function draftConditionIds(conditions: readonly ConditionDraft[]): string[] {
  const kept = conditions.map((c) => (c.saved && c.saved.name === c.name.trim() ? c.saved.id : null));
  const taken = new Set(kept.filter((id): id is string => id !== null));
  return conditions.map((c, i) => {
    const keep = kept[i];
    if (keep) return keep;
    const id = conditionIdFromName(c.name, taken);
    taken.add(id);
    return id;
  });
}

/** The scene's own settings: each role's default detector and decision, each option's default. */
export function sceneDefaultSettings(logic: SceneLogic): SceneSettings {
  return structuredClone(sceneDefaults(logic));
}

/** What the scene page saved (`GET /api/scenes/ID/settings`) over the defaults; `ignored` lists what this build does not know. */
export function sceneSettingsFromStored(logic: SceneLogic, stored: StoredSceneSettings): { settings: SceneSettings; ignored: string[] } {
  const { settings, ignored } = sceneSettingsResolve(logic, stored.settings);
  return { settings: structuredClone(settings), ignored };
}

/** The scene's options in one line ("Listen at most 15 s · Speech recognition on"), so conditions that differ only there can be told apart. */
export function sceneOptionsText(logic: SceneLogic, settings: SceneSettings): string {
  return logic.options
    .map((o) => {
      const v = settings.options[o.key] ?? o.default;
      if (o.kind === "boolean") return `${o.label} ${v ? "on" : "off"}`;
      if (o.kind === "choice") return `${o.label} ${o.choices.find((c) => c.value === v)?.label ?? String(v)}`;
      return `${o.label} ${String(v)} ${o.unit}`.trim();
    })
    .join(" · ");
}

/** A starting script: a few tries of each of the scene's roles, prompted with the role's label. */
export function defaultTrials(logic: SceneLogic): TrialDraft[] {
  return logic.roles.flatMap((r) =>
    Array.from({ length: DEFAULT_TRIALS_PER_ROLE }, () => ({ key: rowKey(), prompt: r.label, role: r.id, timeLimitS: String(DEFAULT_TIME_LIMIT_S) })),
  );
}

export function trialDraftNew(logic: SceneLogic): TrialDraft {
  const role = logic.roles[0];
  return { key: rowKey(), prompt: role?.label ?? "", role: role?.id ?? "", timeLimitS: String(DEFAULT_TIME_LIMIT_S) };
}

/** "Condition A", "Condition B"...: the first letter no condition's name uses yet. */
export function conditionDraftNew(logic: SceneLogic, existing: readonly ConditionDraft[]): ConditionDraft {
  const names = new Set(existing.map((c) => c.name.trim()));
  let name = "Condition";
  for (let i = 0; i < 26; i++) {
    name = `Condition ${String.fromCharCode(65 + i)}`;
    if (!names.has(name)) break;
  }
  return { key: rowKey(), name, settings: sceneDefaultSettings(logic), saved: null };
}

export function draftNew(logic: SceneLogic): StudyDraft {
  const first = conditionDraftNew(logic, []);
  return {
    name: "",
    sceneId: logic.id,
    consentText: DEFAULT_CONSENT_TEXT,
    restS: String(DEFAULT_REST_S),
    trials: defaultTrials(logic),
    conditions: [first, conditionDraftNew(logic, [first])],
  };
}

export function draftFromDefinition(def: StudyDefinition): StudyDraft {
  return {
    name: def.name,
    sceneId: def.sceneId,
    consentText: def.consentText,
    restS: String(def.restS),
    trials: def.trials.map((t) => ({ key: rowKey(), prompt: t.prompt, role: t.role, timeLimitS: String(t.timeLimitS) })),
    conditions: def.conditions.map((c) => ({ key: rowKey(), name: c.name, settings: structuredClone(c.settings), saved: { id: c.id, name: c.name } })),
  };
}

const trialsSame = (a: readonly TrialDraft[], b: readonly TrialDraft[]) =>
  a.length === b.length && a.every((t, i) => t.prompt === b[i]!.prompt && t.role === b[i]!.role && t.timeLimitS === b[i]!.timeLimitS);

/**
 * Another scene: its roles differ, so every condition starts from the new scene's
 * defaults and a row's role the new scene lacks becomes its first role. A script
 * still at the old scene's defaults is replaced by the new scene's.
 */
export function draftSceneChange(draft: StudyDraft, from: SceneLogic | undefined, to: SceneLogic): StudyDraft {
  const roleIds = new Set(to.roles.map((r) => r.id));
  const untouched = from !== undefined && trialsSame(draft.trials, defaultTrials(from));
  return {
    ...draft,
    sceneId: to.id,
    trials: untouched ? defaultTrials(to) : draft.trials.map((t) => (roleIds.has(t.role) ? t : { ...t, role: to.roles[0]?.id ?? "" })),
    conditions: draft.conditions.map((c) => ({ ...c, settings: sceneDefaultSettings(to) })),
  };
}

/** The list with the item at `index` moved by `delta` places; unchanged when that leaves the list. */
export function listMove<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** "" is no number (zod then says so) rather than the 0 `Number("")` would make it. */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

export function draftToDefinitionInput(draft: StudyDraft): unknown {
  const ids = draftConditionIds(draft.conditions);
  return {
    name: draft.name,
    sceneId: draft.sceneId,
    consentText: draft.consentText,
    restS: numberOf(draft.restS),
    trials: draft.trials.map((t) => ({ prompt: t.prompt, role: t.role, timeLimitS: numberOf(t.timeLimitS) })),
    conditions: draft.conditions.map((c, i) => ({ id: ids[i], name: c.name, settings: c.settings })),
  };
}

export function draftValidate(draft: StudyDraft): { ok: true; definition: StudyDefinition } | { ok: false; errors: DraftErrors } {
  const parsed = studyDefinitionSchema.safeParse(draftToDefinitionInput(draft));
  return parsed.success ? { ok: true, definition: parsed.data } : { ok: false, errors: draftErrors(parsed.error.issues) };
}

/** Number fields whose range reads better as one sentence than as zod's one-sided bound. */
const RANGES: Record<string, string> = {
  restS: "Rest is 0 to 60 seconds.",
  timeLimitS: "A time limit is 1 to 600 seconds.",
  thresholdProb: "A threshold is above 0 and at most 1.",
};

function issueMessage(issue: z.core.$ZodIssue, field: string): string {
  const last = String(issue.path[issue.path.length - 1] ?? "");
  if (issue.code === "invalid_type" && issue.expected === "number") return "Enter a number.";
  if (issue.code === "too_small" || issue.code === "too_big") {
    if (RANGES[last]) return RANGES[last];
    if (field === "trials") return "The script needs 1 to 100 trials.";
    if (field === "conditions") return `A study has ${CONDITIONS_MIN} to ${CONDITIONS_MAX} conditions.`;
    if (issue.origin === "string") return issue.code === "too_small" ? "Cannot be empty." : `At most ${issue.maximum} characters.`;
  }
  if (field === "conditions" && issue.code === "custom") return "Two conditions have the same id: give them names that differ.";
  return issue.message;
}

/**
 * One message per field, the first zod gives. A condition's id is derived from its
 * name, so its issues are shown at the name; a settings issue at the condition.
 */
export function draftErrors(issues: readonly z.core.$ZodIssue[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    let field = path.join(".");
    if (path[0] === "conditions" && path.length >= 3) field = path[2] === "settings" ? `conditions.${path[1]}.settings` : `conditions.${path[1]}.name`;
    errors[field] ??= issueMessage(issue, field);
  }
  return errors;
}

/** Decision settings with every window count at 1, for a model whose manifest is not at hand. */
export const FALLBACK_DECISION: DecisionSettings = { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 1000 };

/** "heuristic raise-to-speak", "model raise-cnn v3", "model raise-cnn (newest version)". */
export function choiceSummary(choice: SceneChoice): string {
  if (!choice) return "no detector";
  if (choice.kind === "heuristic") return `heuristic ${choice.name}`;
  return `model ${choice.id} ${choice.pinned === null ? "(newest version)" : `v${choice.pinned}`}`;
}

/**
 * The decision a detector runs with when the role sets none: a heuristic's own, or a
 * model's manifest as `modelDecision` finds it (null when unknown).
 */
export function detectorDecision(choice: SceneChoice, modelDecision: (id: string, pinned: number | null) => DecisionSettings | null): DecisionSettings | null {
  if (!choice) return null;
  if (choice.kind === "heuristic") return HEURISTICS.find((h) => h.name === choice.name)?.decision ?? null;
  return modelDecision(choice.id, choice.pinned);
}

/** The threshold the role runs at: its own decision's, else the detector's; null when neither is known. */
export function roleThreshold(role: SceneRoleSettings, own: DecisionSettings | null): number | null {
  return role.decision?.thresholdProb ?? own?.thresholdProb ?? null;
}

/**
 * The role with this threshold. A role without decision settings takes the
 * detector's own (or {@link FALLBACK_DECISION}) with the new threshold, since a
 * decision is stored whole; one that has them keeps its smoothing and refractory time.
 */
export function roleThresholdSet(role: SceneRoleSettings, thresholdProb: number, own: DecisionSettings | null): SceneRoleSettings {
  return { ...role, decision: { ...(role.decision ?? own ?? FALLBACK_DECISION), thresholdProb } };
}
