import { DEG_TO_RAD } from "../protocol/sample";

/**
 * Units importers accept and their factors to the wire units (m/s², rad/s, ms).
 * Spellings are matched loosely (`m/s^2`, `m/s²`, `deg/s`, `dps`, `°/s`) because every
 * dataset writes them its own way.
 */

/** Standard gravity (ISO 80000-3), the g that sensor datasheets and libraries divide by. */
export const STANDARD_GRAVITY_MPS2 = 9.80665;

export type AccelUnit = "mps2" | "g";
export type GyroUnit = "radps" | "degps";
export type TimeUnit = "ms" | "s" | "us" | "ns";

export const ACCEL_UNITS: readonly AccelUnit[] = ["mps2", "g"];
export const GYRO_UNITS: readonly GyroUnit[] = ["radps", "degps"];

export const ACCEL_TO_MPS2: Readonly<Record<AccelUnit, number>> = { mps2: 1, g: STANDARD_GRAVITY_MPS2 };
export const GYRO_TO_RAD_PER_S: Readonly<Record<GyroUnit, number>> = { radps: 1, degps: DEG_TO_RAD };
export const TIME_TO_MS: Readonly<Record<TimeUnit, number>> = { ms: 1, s: 1000, us: 1e-3, ns: 1e-6 };

export type ParsedUnit = { kind: "accel"; unit: AccelUnit } | { kind: "gyro"; unit: GyroUnit } | { kind: "time"; unit: TimeUnit };

const SPELLINGS: Readonly<Record<string, ParsedUnit>> = {
  mps2: { kind: "accel", unit: "mps2" },
  "m/s2": { kind: "accel", unit: "mps2" },
  "m/s^2": { kind: "accel", unit: "mps2" },
  "m/s²": { kind: "accel", unit: "mps2" },
  "m/s/s": { kind: "accel", unit: "mps2" },
  g: { kind: "accel", unit: "g" },
  radps: { kind: "gyro", unit: "radps" },
  "rad/s": { kind: "gyro", unit: "radps" },
  "rad/sec": { kind: "gyro", unit: "radps" },
  degps: { kind: "gyro", unit: "degps" },
  dps: { kind: "gyro", unit: "degps" },
  "deg/s": { kind: "gyro", unit: "degps" },
  "deg/sec": { kind: "gyro", unit: "degps" },
  "°/s": { kind: "gyro", unit: "degps" },
  ms: { kind: "time", unit: "ms" },
  s: { kind: "time", unit: "s" },
  us: { kind: "time", unit: "us" },
  "µs": { kind: "time", unit: "us" },
  ns: { kind: "time", unit: "ns" },
};

/** The unit a spelling names, or null when it is not one of ours. */
export function unitParse(text: string): ParsedUnit | null {
  return SPELLINGS[text.trim().toLowerCase().replace(/\s+/g, "")] ?? null;
}

export const UNIT_SPELLINGS_HELP = "m/s2, g, rad/s, deg/s, s, ms, us, ns";
