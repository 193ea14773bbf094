import type { SampleField } from "../protocol/sample";

/**
 * Column and sensor names that importers map to wire fields. Names are compared
 * after lower-casing and dropping everything but letters and digits, so `acc_x`,
 * `Acc X` and `accX` are one name.
 *
 * The wire names win over habit: `accelX` is acceleration WITHOUT gravity, as in
 * lib/protocol/sample.ts. A raw accelerometer (which always includes gravity) is
 * `accelGX`, `ax`, `accX`, `acc_x`, `x_acc`, ... Orientation is read only under its
 * wire names.
 */

export type SensorField = Exclude<SampleField, "tMs">;

const AXIS_ALIASES: ReadonlyArray<readonly [SensorField, SensorField, SensorField, readonly string[]]> = [
  ["accelGX", "accelGY", "accelGZ", ["accelg#", "a#", "acc#", "#acc", "accelerometer#", "acceleration#", "accelerationincludinggravity#", "#accel"]],
  ["accelX", "accelY", "accelZ", ["accel#", "linearacc#", "linearaccel#", "linearacceleration#", "useracceleration#"]],
  ["gyroX", "gyroY", "gyroZ", ["gyro#", "g#", "gyr#", "#gyro", "#gyr", "gyroscope#", "rotationrate#"]],
];

const ALIASES: ReadonlyMap<string, SensorField> = new Map(
  AXIS_ALIASES.flatMap(([x, y, z, patterns]) =>
    patterns.flatMap((p) => [
      [p.replace("#", "x"), x],
      [p.replace("#", "y"), y],
      [p.replace("#", "z"), z],
    ]),
  ).concat([
    ["orientalpha", "orientAlpha"],
    ["orientbeta", "orientBeta"],
    ["orientgamma", "orientGamma"],
  ]) as [string, SensorField][],
);

export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The wire field a column or sensor name stands for, or null. */
export function sensorFieldOf(name: string): SensorField | null {
  return ALIASES.get(nameKey(name)) ?? null;
}

export type FieldKind = "accel" | "gyro" | "orient";

export function fieldKind(field: SensorField): FieldKind {
  if (field.startsWith("accel")) return "accel";
  return field.startsWith("gyro") ? "gyro" : "orient";
}
