import { z } from "zod";
import { LIMITS } from "./limits";
import { PROTOCOL_VERSION } from "./version";
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from "./room-code";
import type { SampleTuple } from "./sample";

/**
 * Validation of everything a client may send. Types alone are not validation: a
 * phone tab from last week, a buggy sim or a hostile script all reach the same edge.
 */

const version = z.literal(PROTOCOL_VERSION);
const value = z.number().min(-LIMITS.maxAbsValue).max(LIMITS.maxAbsValue);
const optional = value.nullable();

export const sampleTupleSchema = z.tuple([
  z.number().positive(),
  value,
  value,
  value,
  optional,
  optional,
  optional,
  optional,
  optional,
  optional,
  optional,
  optional,
  optional,
]) satisfies z.ZodType<SampleTuple>;

export const roomCodeSchema = z.string().regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`), {
  message: "room code must be 6 characters from the room code alphabet",
});

export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, { message: "device id must be 6-64 url-safe characters" });
export const deviceNameSchema = z.string().trim().min(1).max(LIMITS.deviceNameMaxChars);

export const DEVICE_SOURCES = ["phone", "sim", "replay", "native"] as const;
export const PLATFORMS = ["ios", "android", "desktop", "node", "other"] as const;

export const roomWatchSchema = z.object({
  v: version,
  room: roomCodeSchema,
  name: z.string().trim().max(LIMITS.deviceNameMaxChars).optional(),
});

export const deviceHelloSchema = z.object({
  v: version,
  room: roomCodeSchema,
  deviceId: deviceIdSchema,
  /**
   * One per link lifetime (page load, sim run). Sequence numbers count within a
   * session, so a reloaded page starting again at 0 is not mistaken for resends.
   */
  session: deviceIdSchema,
  name: deviceNameSchema,
  source: z.enum(DEVICE_SOURCES),
  platform: z.enum(PLATFORMS),
});

export const clockSchema = z.object({
  offsetMs: z.number().min(-1e12).max(1e12),
  rttMs: z.number().min(0).max(60_000),
});

export const sensorBatchSchema = z.object({
  v: version,
  /** Sequence number of the first sample; the others follow without holes. */
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  samples: z.array(sampleTupleSchema).min(1).max(LIMITS.maxSamplesPerBatch),
  clock: clockSchema.optional(),
});

export const deviceRenameSchema = z.object({
  v: version,
  deviceId: deviceIdSchema,
  name: deviceNameSchema,
});

export const clockPingSchema = z.object({
  v: version,
  /** Sender's clock when the ping left, ms. */
  tMs: z.number(),
});

export type RoomWatch = z.infer<typeof roomWatchSchema>;
export type DeviceHello = z.infer<typeof deviceHelloSchema>;
export type SensorBatch = z.infer<typeof sensorBatchSchema>;
export type DeviceRename = z.infer<typeof deviceRenameSchema>;
export type ClockPing = z.infer<typeof clockPingSchema>;
export type ClockEstimate = z.infer<typeof clockSchema>;
export type DeviceSource = (typeof DEVICE_SOURCES)[number];
export type Platform = (typeof PLATFORMS)[number];

/** zod's issues as one line a developer can read in a console. */
export function issuesToMessage(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "payload"}: ${i.message}`)
    .join("; ");
}
