import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCENES } from "@/components/scenes/registry";
import { heuristicDefinition } from "@/lib/models/heuristics";
import { SLOT_ID_PATTERN } from "@/lib/models/host-protocol";
import { SCENE_ID_PATTERN, sceneSettingsSchema } from "@/lib/protocol/scene-settings";
import { sceneDefaults, sceneOptionValid } from "@/lib/scenes/scene-settings-resolve";

const SCENES_DIR = join(process.cwd(), "components", "scenes");

describe("scene registry", () => {
  it("lists every scene folder, in its own folder's name", () => {
    const folders = readdirSync(SCENES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(SCENES_DIR, d.name, "index.ts")))
      .map((d) => d.name)
      .sort();
    expect(SCENES.map((s) => s.logic.id).sort()).toEqual(folders);
  });

  it.each(SCENES.map((s) => [s.logic.id, s] as const))("%s is complete and its defaults are valid settings", (_id, { logic }) => {
    expect(logic.id).toMatch(SCENE_ID_PATTERN);
    for (const text of [logic.title, logic.summary, logic.howTo]) expect(text.trim().length).toBeGreaterThan(3);
    expect(logic.roles.length).toBeGreaterThan(0);
    expect(new Set(logic.roles.map((r) => r.id)).size).toBe(logic.roles.length);
    for (const role of logic.roles) {
      expect(role.id).toMatch(SLOT_ID_PATTERN);
      const d = role.default;
      if (d.kind === "heuristic") expect(() => heuristicDefinition(d.name)).not.toThrow();
    }
    for (const o of logic.options) expect(sceneOptionValid(o, o.default), o.key).toBe(true);
    const defaults = sceneDefaults(logic);
    expect(sceneSettingsSchema.safeParse(defaults).success).toBe(true);
    const state = logic.machine.initial(defaults.options, 0);
    expect(logic.machine.stateName(state)).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(logic.machine.mirror(state, defaults.options).text.length).toBeGreaterThan(0);
  });
});
