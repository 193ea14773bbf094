import { z } from "zod";

/**
 * A scene's tuned settings as the server stores them (one JSON file per scene in the
 * data dir) and every desktop reads them: which detector runs each of the scene's
 * roles with which decision settings, and the scene's own options. The server knows
 * no scene; it checks the shape and sizes only. A scene merges stored values over
 * its defaults, so settings saved by an older build still load.
 */

export const SCENE_ID_PATTERN = /^[a-z][a-z0-9-]{0,47}$/;
export const sceneIdSchema = z.string().regex(SCENE_ID_PATTERN, { message: "scene id must be kebab-case, at most 48 characters" });

/** Role ids are detector slot ids (see lib/models/host-protocol.ts). */
const roleIdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,31}$/);
const finite = z.number().refine(Number.isFinite, { message: "must be a finite number" });

export const sceneChoiceSchema = z.union([
  z.strictObject({ kind: z.literal("model"), id: z.string().min(1).max(100), pinned: z.number().int().positive().nullable() }),
  z.strictObject({ kind: z.literal("heuristic"), name: z.string().min(1).max(100), params: z.record(z.string().max(64), finite) }),
  z.null(),
]);

export const sceneDecisionSchema = z.strictObject({
  thresholdProb: finite.gt(0).max(1),
  smoothingWindows: z.number().int().min(1).max(64),
  minConsecutiveWindows: z.number().int().min(1).max(64),
  refractoryMs: finite.min(0).max(60_000),
});

export const sceneRoleSettingsSchema = z.strictObject({
  choice: sceneChoiceSchema,
  /** Null: the detector's own decision settings. */
  decision: sceneDecisionSchema.nullable(),
});

export const sceneSettingsSchema = z.strictObject({
  roles: z.record(roleIdSchema, sceneRoleSettingsSchema).refine((r) => Object.keys(r).length <= 16, { message: "at most 16 roles" }),
  options: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,47}$/), z.union([finite, z.boolean(), z.string().max(200)]))
    .refine((o) => Object.keys(o).length <= 64, { message: "at most 64 options" }),
});

export type SceneChoice = z.infer<typeof sceneChoiceSchema>;
export type SceneRoleSettings = z.infer<typeof sceneRoleSettingsSchema>;
export type SceneSettings = z.infer<typeof sceneSettingsSchema>;

/** What `GET /api/scenes/ID/settings` returns and `scenes:settings` carries; `settings: null` means the scene's defaults. */
export interface StoredSceneSettings {
  sceneId: string;
  settings: SceneSettings | null;
  /** Server time of the last save, null for defaults. */
  updatedAtMs: number | null;
}

export const SCENE_SETTINGS_MAX_BYTES = 64 * 1024;
