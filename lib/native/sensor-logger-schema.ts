import { z } from "zod";
import { LIMITS } from "../protocol/limits";

/**
 * The body Sensor Logger (Kelvin Choi's iOS/Android app) POSTs with "HTTP Push":
 * `{messageId, sessionId, deviceId, payload: [{name, time, values, ...}]}`, documented in
 * tszheichoi/awesome-sensor-logger `PUSHING.md` and the README's "Live Data Streaming"
 * section. `time` is UTC epoch nanoseconds (UNITS.md "Time"); `values` holds the
 * sensor's fields (the README's Dash example reads `d["values"]["x"]`; the
 * SignalK plugin mhaberler/sk-sensorlogger-plugin reads `v.values` too).
 *
 * Tolerant where the app may change without notice: unknown sensor names and extra
 * fields pass (Android adds `accuracy` next to `name` and `time` for some sensors,
 * README), `messageId` and `sessionId` may be absent (the "Tap to Test Pushing"
 * message is not documented), numbers may come as numeric strings (the app's own JSON
 * export writes them so). Strict where a wrong value would reach the models: the
 * motion vectors Wristlab uses must be finite numbers in range.
 */

/** Bodies above this get 413: 20,000 entries of ~150 bytes, with room to spare. */
export const SENSOR_LOGGER_MAX_BYTES = 4 * 1024 * 1024;
/** About 40 s of five motion sensors at 100 Hz: more than any batch period the app offers. */
export const SENSOR_LOGGER_MAX_ENTRIES = 20_000;
/**
 * Half the wire's limit, so that acceleration plus gravity (two readings summed into
 * one wire value) stays inside it. Phones saturate near 16 g ≈ 160 m/s² anyway.
 */
export const SENSOR_LOGGER_MAX_ABS = LIMITS.maxAbsValue / 2;

/** Sensors whose x, y, z Wristlab turns into wire samples. */
export const SENSOR_LOGGER_VEC3_SENSORS = ["accelerometer", "totalacceleration", "gravity", "gyroscope"] as const;
export type SensorLoggerVec3Sensor = (typeof SENSOR_LOGGER_VEC3_SENSORS)[number];

export interface SensorLoggerVec3Reading {
  sensor: SensorLoggerVec3Sensor;
  /** Phone clock, epoch ms (the app's nanoseconds / 1e6). */
  tMs: number;
  x: number;
  y: number;
  z: number;
}

export interface SensorLoggerOrientationReading {
  sensor: "orientation";
  tMs: number;
  qx: number;
  qy: number;
  qz: number;
  qw: number;
}

export type SensorLoggerReading = SensorLoggerVec3Reading | SensorLoggerOrientationReading;

const NUMERIC_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const numberLike = z.union([z.number(), z.string().trim().regex(NUMERIC_TEXT).transform(Number)], { error: "must be a number" });
const motionValue = numberLike.pipe(
  z.number().finite().min(-SENSOR_LOGGER_MAX_ABS).max(SENSOR_LOGGER_MAX_ABS, { message: `must be within ±${SENSOR_LOGGER_MAX_ABS}` }),
);
/** 1e17 ns is 1973: a smaller number is milliseconds or seconds sent by mistake, not the app's clock. */
const timeNs = numberLike.pipe(
  z.number().min(1e17, { message: "must be epoch nanoseconds (19 digits, e.g. 1698501144401773000)" }).max(1e20),
);
const vec3Values = z.looseObject({ x: motionValue, y: motionValue, z: motionValue });
const quatValues = z.looseObject({ qx: numberLike, qy: numberLike, qz: numberLike, qw: numberLike });

const VEC3_NAMES: ReadonlySet<string> = new Set(SENSOR_LOGGER_VEC3_SENSORS);

interface EntryParsed {
  reading: SensorLoggerReading | null;
  /** Only Android adds `accuracy` to entries (README, "Live Data Streaming"). */
  hasAccuracy: boolean;
}

const entrySchema = z
  .looseObject({ name: z.string().min(1).max(64), time: z.unknown().optional(), values: z.unknown().optional() })
  .transform((e, ctx): EntryParsed => {
    const name = e.name.toLowerCase();
    const hasAccuracy = "accuracy" in e;
    const isVec3 = VEC3_NAMES.has(name);
    if (!isVec3 && name !== "orientation") return { reading: null, hasAccuracy };
    const time = timeNs.safeParse(e.time);
    if (isVec3) {
      const values = vec3Values.safeParse(e.values);
      if (!time.success || !values.success) {
        for (const issue of time.error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["time", ...issue.path], message: issue.message });
        for (const issue of values.error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["values", ...issue.path], message: issue.message });
        return { reading: null, hasAccuracy };
      }
      const { x, y, z: zValue } = values.data;
      return { reading: { sensor: name as SensorLoggerVec3Sensor, tMs: time.data / 1e6, x, y, z: zValue }, hasAccuracy };
    }
    // Orientation only helps tell the app's axis convention (see sensor-logger-frames.ts):
    // a shape this code does not know is ignored rather than refused.
    const q = quatValues.safeParse(e.values);
    if (!time.success || !q.success || ![q.data.qx, q.data.qy, q.data.qz, q.data.qw].every(Number.isFinite)) return { reading: null, hasAccuracy };
    return { reading: { sensor: "orientation", tMs: time.data / 1e6, qx: q.data.qx, qy: q.data.qy, qz: q.data.qz, qw: q.data.qw }, hasAccuracy };
  });

export const sensorLoggerPushSchema = z
  .looseObject({
    messageId: z.number().int().min(0).optional(),
    sessionId: z.string().min(1).max(200).optional(),
    deviceId: z.string().min(1).max(200),
    payload: z.array(entrySchema).max(SENSOR_LOGGER_MAX_ENTRIES, { message: `holds at most ${SENSOR_LOGGER_MAX_ENTRIES} readings per push: shorten the batch period` }),
  })
  .transform((p) => {
    const readings: SensorLoggerReading[] = [];
    let android = false;
    for (const entry of p.payload) {
      if (entry.reading) readings.push(entry.reading);
      if (entry.hasAccuracy || entry.reading?.sensor === "totalacceleration") android = true;
    }
    return {
      messageId: p.messageId ?? null,
      sessionId: p.sessionId ?? "default",
      deviceId: p.deviceId,
      readings,
      /** Entries of sensors Wristlab does not use (location, battery, the test message...). */
      ignored: p.payload.length - readings.length,
      /**
       * The push shows Android traits: `totalacceleration` is logged on Android only
       * (UNITS.md "Accelerometer"), and so is `accuracy` (README).
       */
      android,
    };
  });

export type SensorLoggerPush = z.output<typeof sensorLoggerPushSchema>;
