import { z } from "zod";
import { DEVICE_SOURCES, PLATFORMS, deviceIdSchema, roomCodeSchema } from "./schemas";

/**
 * The recordings contract between the server's store and every screen that records,
 * reviews, replays, imports or exports. Times are on the **recording clock**: server
 * epoch milliseconds. Samples keep their device's own clock (`tMs`, lossless, as the
 * phone sent it); a device's `clockOffsetMs` maps them: server ms = tMs + clockOffsetMs.
 */

export const RECORDING_STATUSES = ["recording", "complete", "interrupted"] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/** Live key labels 1-9 map to a recording's label set, in order. */
export const LABEL_SET_MAX = 9;
/** Spreadsheets run a cell starting with one of these as a formula: names and labels end up in CSV cells. */
const FORMULA_START = /^[=+\-@]/;
export const labelNameSchema = z
  .string()
  .trim()
  .min(1, { message: "a label needs a name" })
  .max(40)
  .regex(/^[^,\r\n"]+$/, { message: "a label may not contain commas, quotes or line breaks (it becomes a CSV cell)" })
  .refine((s) => !FORMULA_START.test(s), { message: "a label may not start with = + - or @ (spreadsheets would run it as a formula)" });
const recordingNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((s) => !FORMULA_START.test(s), { message: "a name may not start with = + - or @ (spreadsheets would run it as a formula)" });

/** One step of a prompted protocol: the phone shows `prompt`, the span is labelled `label`. */
export const protocolStepSchema = z.object({
  label: labelNameSchema,
  prompt: z.string().trim().min(1).max(80),
  durationS: z.number().min(0.5).max(600),
  /** Unlabelled rest after the step, with "Rest" on the phone. */
  restS: z.number().min(0).max(600).default(0),
});
export type ProtocolStep = z.infer<typeof protocolStepSchema>;
/** Seconds of "Get ready" before the first step. */
export const PROTOCOL_LEAD_IN_S = 3;

export const recordingStartSchema = z.object({
  room: roomCodeSchema,
  /** Record only this device; all of the room's devices (also those joining later) when absent. */
  deviceId: deviceIdSchema.optional(),
  name: recordingNameSchema.optional(),
  labelSet: z.array(labelNameSchema).max(LABEL_SET_MAX).default([]),
  protocol: z.array(protocolStepSchema).min(1).max(200).optional(),
});
export type RecordingStart = z.input<typeof recordingStartSchema>;

export const liveLabelSchema = z.object({
  /** The label that starts now (closing the open one), or null to close it. */
  label: labelNameSchema.nullable(),
  /** The desktop's estimate of server time at the key press; server receipt time when absent. */
  atServerMs: z.number().positive().optional(),
});

/** Longest stored event fields; screens cut longer names to these rather than have a batch refused. */
export const EVENT_INTERACTION_MAX_CHARS = 60;
export const EVENT_DETECTOR_MAX_CHARS = 120;

/** An event's confidence as stored: 0..1, or null when the detector gave none that is finite. */
export function eventScore(confidence: number): number | null {
  return Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : null;
}

export const recordedEventInSchema = z.object({
  deviceId: deviceIdSchema,
  /** On the device's clock (the sample time the detector decided at). */
  tMs: z.number().positive(),
  interaction: z.string().min(1).max(EVENT_INTERACTION_MAX_CHARS),
  /** Which detector decided: a heuristic name or model id@version, and its slot. */
  detector: z.string().min(1).max(EVENT_DETECTOR_MAX_CHARS),
  score: z.number().min(0).max(1).nullable(),
});
export const recordedEventsSchema = z.object({ events: z.array(recordedEventInSchema).min(1).max(500) });

export const labelSpanSchema = z
  .object({
    label: labelNameSchema,
    tStartMs: z.number().positive(),
    tEndMs: z.number().positive(),
  })
  .refine((s) => s.tEndMs > s.tStartMs, { message: "a label must end after it starts" });
export type LabelSpan = z.infer<typeof labelSpanSchema>;

export const trimSchema = z
  .object({ startMs: z.number().positive(), endMs: z.number().positive() })
  .refine((t) => t.endMs > t.startMs, { message: "trim must end after it starts" });
export type RecordingTrim = z.infer<typeof trimSchema>;

/** A review edit replaces labels and trim together; `baseRevision` refuses a stale edit (409). */
export const annotationsPutSchema = z.object({
  baseRevision: z.number().int().min(0),
  labels: z.array(labelSpanSchema).max(20_000),
  trim: trimSchema.nullable(),
});
export type AnnotationsPut = z.infer<typeof annotationsPutSchema>;

export const recordingPatchSchema = z.object({ name: recordingNameSchema });

export const replayStartSchema = z.object({
  room: roomCodeSchema,
  /** 1 = real time; faster keeps the samples' spacing, so detectors see the same motion sooner. */
  speed: z.number().min(0.25).max(20).default(1),
  loop: z.boolean().default(false),
});
export type ReplayStart = z.input<typeof replayStartSchema>;

/** `edge-impulse-labels`: the `structured_labels.labels` file that goes with one device's Edge Impulse file. */
export const EXPORT_FORMATS = ["csv", "jsonl", "edge-impulse", "edge-impulse-labels"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RecordingDeviceInfo {
  id: string;
  name: string;
  source: (typeof DEVICE_SOURCES)[number];
  platform: (typeof PLATFORMS)[number];
  /** server ms = tMs + clockOffsetMs. */
  clockOffsetMs: number;
  samples: number;
  /** Device clock of the first and last stored sample; null before the first. */
  firstTMs: number | null;
  lastTMs: number | null;
}

export interface RecordingSummary {
  id: string;
  name: string;
  /** The room it was recorded in; null for an import. */
  room: string | null;
  /** The one device a device recording follows; null records the whole room. */
  deviceFilter: string | null;
  origin: "live" | "import";
  /** The imported file's name, for imports. */
  importedFrom: string | null;
  status: RecordingStatus;
  /** Why it ended: "stopped", "server stopped", "server killed (found on restart)", ... */
  endReason: string | null;
  startedAtMs: number;
  endedAtMs: number | null;
  labelSet: string[];
  devices: RecordingDeviceInfo[];
  labelCount: number;
  eventCount: number;
}

export interface RecordedEvent {
  /** Recording clock (server ms). */
  tMs: number;
  deviceId: string;
  interaction: string;
  detector: string;
  score: number | null;
}

/** A facilitator's mark in the study session that made a recording (recording clock). */
export interface RecordedMark {
  tMs: number;
  kind: "success" | "miss" | "false-trigger" | "note";
  note: string | null;
  /** The trial's number in the session (1-based); null before the first trial. */
  trial: number | null;
}

/** One detector slot's live scores stored with a recording: times on the recording clock, scores 0..1. */
export interface RecordedScores {
  slot: string;
  tMs: number[];
  score: number[];
}

export interface RecordingDetail extends RecordingSummary {
  /** Recording clock, sorted by start. */
  labels: LabelSpan[];
  events: RecordedEvent[];
  /** Study sessions only (empty otherwise): the facilitator's marks and notes. */
  marks: RecordedMark[];
  /** Study sessions only (empty otherwise): the live detectors' scores per slot. */
  scores: RecordedScores[];
  trim: RecordingTrim | null;
  protocol: ProtocolStep[] | null;
  /** Grows with every saved annotation edit, undo and redo. */
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
}

/** What a room's screens show of the recording in progress there (in `RoomState.recording`). */
export interface LiveRecordingInfo {
  id: string;
  name: string;
  deviceFilter: string | null;
  startedAtMs: number;
  labelSet: string[];
  /** The open live label, on the recording clock. */
  activeLabel: { label: string; sinceMs: number } | null;
  /** The prompted protocol's current step; null without a protocol or once it is done. */
  prompt: DevicePrompt | null;
}

/** To a phone (`device:prompt`): what to do now during a prompted protocol; null clears it. */
export interface DevicePrompt {
  /** "Now: raise your wrist", "Rest", "Get ready". */
  text: string;
  /** The label applied meanwhile; null for rest and lead-in. */
  label: string | null;
  step: number;
  steps: number;
  /** Server ms when this prompt ends; null when it waits for someone (a paused study). */
  untilMs: number | null;
  /**
   * A study's consent screen: the phone shows `text` with "I agree" and "No thanks" and
   * answers with `device:consent` for this session. Nothing is recorded before it.
   */
  consent?: { sessionId: string };
}

export interface ReplayInfo {
  id: string;
  recordingId: string;
  room: string;
  speed: number;
  loop: boolean;
  /** The devices it plays as (ids in the room). */
  deviceIds: string[];
  startedAtMs: number;
  /** 0..1 of the recording played so far (of the current loop). */
  progress: number;
  status: "playing" | "done" | "stopped" | "failed";
  error: string | null;
}

/** Samples are served as little-endian Float64 rows of SAMPLE_WIDTH, NaN for a missing value. */
export const SAMPLES_CONTENT_TYPE = "application/octet-stream";
/** Largest file `POST /api/recordings/import` accepts. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
