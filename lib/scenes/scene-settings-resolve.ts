import type { SceneRoleSettings, SceneSettings } from "../protocol/scene-settings";
import type { SceneLogic, SceneOptionSpec, SceneOptionValue } from "./scene-types";

/** A scene's settings with every role and option present. */
export interface ResolvedSceneSettings {
  roles: Record<string, SceneRoleSettings>;
  options: Record<string, SceneOptionValue>;
}

export function sceneDefaults(logic: SceneLogic): ResolvedSceneSettings {
  return {
    roles: Object.fromEntries(logic.roles.map((r) => [r.id, { choice: r.default, decision: r.defaultDecision ?? null }])),
    options: Object.fromEntries(logic.options.map((o) => [o.key, o.default])),
  };
}

export function sceneOptionValid(spec: SceneOptionSpec, value: unknown): boolean {
  switch (spec.kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) && value >= spec.min && value <= spec.max;
    case "boolean":
      return typeof value === "boolean";
    case "choice":
      return typeof value === "string" && spec.choices.some((c) => c.value === value);
  }
}

/**
 * Stored settings over the scene's defaults. Settings saved by another build may
 * name roles or options this one lacks, or values out of today's range: those are
 * left out (and listed, so the page can say so) instead of breaking the scene.
 */
export function sceneSettingsResolve(logic: SceneLogic, stored: SceneSettings | null): { settings: ResolvedSceneSettings; ignored: string[] } {
  const settings = sceneDefaults(logic);
  const ignored: string[] = [];
  if (!stored) return { settings, ignored };
  for (const [id, role] of Object.entries(stored.roles)) {
    if (id in settings.roles) settings.roles[id] = role;
    else ignored.push(`role "${id}" (this scene has ${logic.roles.map((r) => r.id).join(", ")})`);
  }
  for (const [key, value] of Object.entries(stored.options)) {
    const spec = logic.options.find((o) => o.key === key);
    if (!spec) ignored.push(`option "${key}" (unknown)`);
    else if (!sceneOptionValid(spec, value)) ignored.push(`option "${key}" = ${JSON.stringify(value)} (out of range)`);
    else settings.options[key] = value;
  }
  return { settings, ignored };
}

/** Stable JSON for comparing settings (object key order does not matter). */
export function sceneSettingsKey(s: ResolvedSceneSettings): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
      : v;
  return JSON.stringify(sorted(s));
}
