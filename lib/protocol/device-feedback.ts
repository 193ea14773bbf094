import { z } from "zod";
import { deviceIdSchema } from "./schemas";
import { PROTOCOL_VERSION } from "./version";

/**
 * Feedback a desktop scene sends to the phone that performed the gesture: a haptic
 * pattern (`navigator.vibrate` where the phone supports it) and, when the scene
 * mirrors its watch screen, what the watch shows now, so a participant wearing the
 * phone sees the feedback on their wrist.
 */

/** How the mirrored watch screen is coloured: nothing happening, in progress, done, needs attention. */
export const WATCH_TONES = ["idle", "active", "success", "alert"] as const;
export type WatchTone = (typeof WATCH_TONES)[number];

export const watchMirrorSchema = z.strictObject({
  sceneId: z.string().regex(/^[a-z][a-z0-9-]{0,47}$/),
  /** The scene's name, e.g. "Raise to speak". */
  title: z.string().max(60),
  /** The scene's state as in its `data-state`, e.g. "listening". */
  state: z.string().max(32),
  /** The one line the watch shows, e.g. "Listening…" or "Call answered". */
  text: z.string().max(200),
  tone: z.enum(WATCH_TONES),
  /** 0-1 for scenes with a progress ring (the handwashing countdown). */
  progress: z.number().min(0).max(1).optional(),
});

export type WatchMirror = z.infer<typeof watchMirrorSchema>;

/** Vibration patterns stay short: a tap is 10-40 ms, a celebration a few pulses. */
export const VIBRATE_MAX_STEPS = 8;
export const VIBRATE_MAX_STEP_MS = 1000;

export const deviceFeedbackSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  deviceId: deviceIdSchema,
  /** Alternating vibrate / pause durations, ms; empty for no haptic. */
  vibrateMs: z.array(z.number().int().min(0).max(VIBRATE_MAX_STEP_MS)).max(VIBRATE_MAX_STEPS),
  /** The watch screen to mirror, `null` to stop mirroring, absent to leave it as it is. */
  watch: watchMirrorSchema.nullable().optional(),
});

export type DeviceFeedback = z.infer<typeof deviceFeedbackSchema>;

/** What the phone receives: the request without the routing fields. */
export type PhoneFeedback = Pick<DeviceFeedback, "vibrateMs" | "watch">;
