import { z } from "zod";
import { EVENT_DETECTOR_MAX_CHARS, EVENT_INTERACTION_MAX_CHARS, type DevicePrompt } from "./recordings";
import { deviceIdSchema, roomCodeSchema } from "./schemas";
import { sceneIdSchema, sceneSettingsSchema } from "./scene-settings";

/**
 * Usability studies (docs/studies.md): a study's definition, the HTTP API's bodies,
 * the running session as every screen of the room sees it, and the results. A
 * condition is a whole scene settings value (detector and decision per role), so
 * switching condition is applying settings the scene already knows how to load.
 * Participants are ids only: no name is asked for or stored.
 */

export const PARTICIPANT_ID_PATTERN = /^P\d{2,4}$/;
export const participantIdSchema = z.string().regex(PARTICIPANT_ID_PATTERN, { message: "a participant id is P followed by 2-4 digits (P01): no names" });

const roleSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,31}$/, { message: "a role is a scene role id such as 'trigger'" });

export const studyTrialSchema = z.strictObject({
  /** What the participant's phone shows, e.g. "Answer the call". */
  prompt: z.string().trim().min(1).max(80),
  /** The scene role whose detector should fire (its event counts as the trial's success). */
  role: roleSchema,
  timeLimitS: z.number().min(1).max(600),
});

export const studyConditionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/, { message: "a condition id is 1-24 lower-case letters, digits or dashes" }),
  name: z.string().trim().min(1).max(40),
  settings: sceneSettingsSchema,
});

export const DEFAULT_CONSENT_TEXT =
  "This session records the motion of this phone and notes on how the gestures worked for you. No name is stored. You can stop at any time.";
/** Seconds between two trials (the phone says "Rest"), unless the study sets its own. */
export const DEFAULT_REST_S = 3;
/** "Get ready" before a condition's first trial. */
export const STUDY_LEAD_IN_S = 3;

export const studyDefinitionSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    sceneId: sceneIdSchema,
    /** Shown on the participant's phone before anything is recorded; they agree or decline there. */
    consentText: z.string().trim().min(1).max(1500).default(DEFAULT_CONSENT_TEXT),
    restS: z.number().min(0).max(60).default(DEFAULT_REST_S),
    trials: z.array(studyTrialSchema).min(1).max(100),
    /** Every participant does every condition, in a counterbalanced order (lib/studies/latin-square.ts). */
    conditions: z.array(studyConditionSchema).min(1).max(6),
  })
  .refine((s) => new Set(s.conditions.map((c) => c.id)).size === s.conditions.length, { message: "condition ids must differ", path: ["conditions"] });

export type StudyTrial = z.infer<typeof studyTrialSchema>;
export type StudyCondition = z.infer<typeof studyConditionSchema>;
export type StudyDefinition = z.output<typeof studyDefinitionSchema>;
export type StudyDefinitionIn = z.input<typeof studyDefinitionSchema>;

/** `POST /api/studies/ID/participants`: an id, or none for the next free one. */
export const participantAddSchema = z.strictObject({ participant: participantIdSchema.optional() });

/** `POST /api/studies/ID/sessions`: run a participant (added if new) with a device of a room. */
export const sessionStartSchema = z.strictObject({ participant: participantIdSchema, room: roomCodeSchema, deviceId: deviceIdSchema });

/** `device:consent`: the participant's answer on the phone. */
export const deviceConsentSchema = z.strictObject({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/), agreed: z.boolean() });
export type DeviceConsent = z.infer<typeof deviceConsentSchema>;

export const MARK_KINDS = ["success", "miss", "false-trigger", "note"] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** `POST /api/study-sessions/ID/marks`: a facilitator's key press or note. */
export const markAddSchema = z
  .strictObject({
    kind: z.enum(MARK_KINDS),
    note: z.string().trim().min(1).max(500).optional(),
    /** The console's estimate of the server clock at the key press; the server's clock wins if far off. */
    atServerMs: z.number().positive().optional(),
  })
  .refine((m) => m.kind !== "note" || m.note !== undefined, { message: "a note needs its text", path: ["note"] });
export type MarkAdd = z.input<typeof markAddSchema>;

/** `POST /api/study-sessions/ID/events`: the console's detector events, times on the server clock. */
export const studyEventSchema = z.strictObject({
  role: roleSchema,
  deviceId: deviceIdSchema,
  interaction: z.string().min(1).max(EVENT_INTERACTION_MAX_CHARS),
  detector: z.string().min(1).max(EVENT_DETECTOR_MAX_CHARS),
  tEndMs: z.number().positive(),
  detectedAtMs: z.number().positive(),
  score: z.number().min(0).max(1).nullable(),
});
export const studyEventsSchema = z.strictObject({ events: z.array(studyEventSchema).min(1).max(100) });
export type StudyEvent = z.infer<typeof studyEventSchema>;

/** `POST /api/study-sessions/ID/scores`: the console's live detector scores, times on the server clock. */
export const studyScoresSchema = z.strictObject({
  points: z
    .array(z.strictObject({ slot: roleSchema, tMs: z.number().positive(), score: z.number().min(0).max(1) }))
    .min(1)
    .max(5000),
});
export type StudyScorePoint = z.infer<typeof studyScoresSchema>["points"][number];

export const SESSION_STATUSES = ["consent", "running", "paused", "complete", "stopped", "declined", "interrupted"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface SessionInfo {
  id: string;
  status: SessionStatus;
  recordingId: string | null;
  startedAtMs: number;
  endedAtMs: number | null;
  trialsDone: number;
  trialsTotal: number;
}

export interface ParticipantInfo {
  participant: string;
  /** Order of addition from 0; picks the row of the Latin square. */
  position: number;
  /** Condition ids in the order this participant does them. */
  conditionOrder: string[];
  session: SessionInfo | null;
}

export interface StudySummary {
  id: string;
  name: string;
  sceneId: string;
  conditions: { id: string; name: string }[];
  trials: number;
  participants: number;
  sessionsComplete: number;
  createdAtMs: number;
  updatedAtMs: number;
}

export interface StudyDetail {
  id: string;
  definition: StudyDefinition;
  createdAtMs: number;
  updatedAtMs: number;
  participants: ParticipantInfo[];
}

export type StudyPhase = "consent" | "lead-in" | "trial" | "rest" | "break" | "paused" | "done";

/** The session running in a room, in `RoomState.study`: the console, observer and phone all follow it. */
export interface LiveStudyInfo {
  sessionId: string;
  studyId: string;
  studyName: string;
  sceneId: string;
  participant: string;
  deviceId: string;
  recordingId: string | null;
  phase: StudyPhase;
  /** The conditions in this participant's order, and which one runs (index into it). */
  conditions: { id: string; name: string }[];
  conditionIndex: number;
  /** The trial shown now, or the last one during rest / pause; null before the first. */
  trial: {
    /** 1-based over the whole session, and its total. */
    seq: number;
    total: number;
    /** 1-based within the condition, and the condition's count. */
    index: number;
    count: number;
    prompt: string;
    role: string;
    /** Server ms; untilMs is null once the trial ended. */
    startedAtMs: number;
    untilMs: number | null;
    /** How it ended, once it has: a facilitator's mark, the expected detector event, or the time limit. */
    ended: "success" | "miss" | "detector" | "time-limit" | null;
    falseTriggers: number;
  } | null;
  /** When the current phase ends by itself (server ms); null when it waits for the facilitator or the participant. */
  phaseUntilMs: number | null;
  /** The phase a pause interrupted. */
  pausedPhase: StudyPhase | null;
  marks: number;
  prompt: DevicePrompt | null;
}

/** One trial's figures with what a reader needs beside them (no identifying field). */
export interface StudyTrialRow {
  participant: string;
  condition: string;
  conditionName: string;
  /** 1-based position of the condition in the participant's order. */
  conditionPosition: number;
  /** 1-based index in the task script, and over the session. */
  trial: number;
  seq: number;
  prompt: string;
  role: string;
  outcome: "success" | "miss";
  outcomeBy: "facilitator" | "detector";
  endReason: string;
  timeToTriggerMs: number | null;
  detectionLatencyMs: number | null;
  falseTriggers: number;
  unexpectedEvents: number;
  durationMs: number;
  /** ms from the session's start: where the trial sits on its recording's timeline. */
  promptAtSessionMs: number;
  recordingId: string | null;
  /** Recording clock (server ms) of the prompt and end, to open the timeline there. */
  promptAtMs: number;
  endAtMs: number;
  notes: string[];
}

/** A group of trials' figures (lib/studies/trial-results.ts computes them). */
export interface StudyFigures {
  trials: number;
  successes: number;
  successRate: number;
  /** Median over the trials with a matching event. */
  timeToTriggerMsP50: number | null;
  detectionLatencyMsMean: number | null;
  falseTriggers: number;
  /** False triggers over the summed trial time. */
  falseTriggersPerMin: number;
}

export interface StudyResults {
  study: { id: string; name: string; sceneId: string; conditions: { id: string; name: string }[] };
  overall: StudyFigures;
  byCondition: { condition: string; name: string; figures: StudyFigures }[];
  byParticipant: { participant: string; status: SessionStatus | null; figures: StudyFigures }[];
  /** Participant × condition, for the comparison plot. */
  cells: { participant: string; condition: string; figures: StudyFigures }[];
  trials: StudyTrialRow[];
}
