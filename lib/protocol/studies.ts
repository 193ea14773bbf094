import { z } from "zod";
import { sceneIdSchema, sceneSettingsSchema } from "./scene-settings";

/**
 * A usability study's definition (issue 8, in progress): the scene and detectors
 * under test, the task script, and the conditions compared. A condition is a whole
 * scene settings value (detector and decision per role), so switching condition is
 * applying settings the scene already knows how to load. Participants are ids
 * only: no name is asked for or stored.
 */

export const PARTICIPANT_ID_PATTERN = /^P\d{2,4}$/;
export const participantIdSchema = z.string().regex(PARTICIPANT_ID_PATTERN, { message: "a participant id is P followed by 2-4 digits (P01): no names" });

export const studyTrialSchema = z.strictObject({
  /** What the participant's phone shows, e.g. "Answer the call". */
  prompt: z.string().trim().min(1).max(80),
  /** The scene role whose detector should fire (its event counts as the trial's success). */
  role: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,31}$/),
  timeLimitS: z.number().min(1).max(600),
});

export const studyConditionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/, { message: "a condition id is 1-24 lower-case letters, digits or dashes" }),
  name: z.string().trim().min(1).max(40),
  settings: sceneSettingsSchema,
});

export const studyDefinitionSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    sceneId: sceneIdSchema,
    trials: z.array(studyTrialSchema).min(1).max(100),
    /** Every participant does every condition, in a counterbalanced order (lib/studies/latin-square.ts). */
    conditions: z.array(studyConditionSchema).min(1).max(6),
  })
  .refine((s) => new Set(s.conditions.map((c) => c.id)).size === s.conditions.length, { message: "condition ids must differ", path: ["conditions"] });

export type StudyTrial = z.infer<typeof studyTrialSchema>;
export type StudyCondition = z.infer<typeof studyConditionSchema>;
export type StudyDefinition = z.infer<typeof studyDefinitionSchema>;
