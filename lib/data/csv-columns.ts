import { F } from "../protocol/sample";
import { fieldKind, nameKey, sensorFieldOf, type SensorField } from "./channel-aliases";
import { ImportError } from "./import-error";
import {
  ACCEL_TO_MPS2,
  GYRO_TO_RAD_PER_S,
  TIME_TO_MS,
  UNIT_SPELLINGS_HELP,
  unitParse,
  type AccelUnit,
  type GyroUnit,
  type TimeUnit,
} from "./import-units";

/**
 * Reads a motion CSV header into a plan: which column feeds which wire field and
 * by what factor, and where time, labels, recordings and groups are. The rules are
 * documented in docs/data-formats.md; keep the two in step.
 */

export interface ColumnPlan {
  time: { index: number; toMs: number; name: string } | null;
  fields: { index: number; field: number; scale: number; name: string }[];
  /** Index of each optional text column, -1 when absent. */
  label: number;
  recording: number;
  group: number;
  /** How accelG was scaled, for the plausibility warning. */
  accelUnit: AccelUnit;
  ignored: string[];
}

export interface UnitDefaults {
  accelUnit?: AccelUnit;
  gyroUnit?: GyroUnit;
}

const TIME_NAMES: Readonly<Record<string, TimeUnit | "ask">> = {
  tms: "ms",
  timems: "ms",
  timestampms: "ms",
  timestamp: "ms",
  epochms: "ms",
  ts: "s",
  times: "s",
  t: "ask",
  time: "ask",
};

const TEXT_COLUMNS: Readonly<Record<string, "label" | "recording" | "group">> = {
  label: "label",
  recording: "recording",
  group: "group",
  subject: "group",
};

const UNIT_SUFFIX = /^(.*?)\s*[[(]([^\])]*)[\])]\s*$/;
const ORIENT_DEGREES: ReadonlySet<string> = new Set(["deg", "degrees", "°"]);

export function columnPlan(headerCells: readonly string[], file: string, line: number, units: UnitDefaults): ColumnPlan {
  const plan: ColumnPlan = { time: null, fields: [], label: -1, recording: -1, group: -1, accelUnit: units.accelUnit ?? "mps2", ignored: [] };
  const byField = new Map<SensorField, string>();
  const scaleOf = new Map<SensorField, number>();
  const fail = (reason: string): never => {
    throw new ImportError(file, reason, { line });
  };

  headerCells.forEach((cell, index) => {
    const suffix = UNIT_SUFFIX.exec(cell);
    const name = suffix ? suffix[1]! : cell;
    const unitText = suffix ? suffix[2]! : null;
    const key = nameKey(name);
    // Degrees are orientation's only unit, so `orientAlpha[deg]` just makes it explicit.
    const named = sensorFieldOf(name);
    const orientDegrees = unitText !== null && named !== null && fieldKind(named) === "orient" && ORIENT_DEGREES.has(unitText.trim().toLowerCase());
    const unit = unitText === null || orientDegrees ? null : unitParse(unitText);
    if (unitText !== null && unit === null && !orientDegrees) fail(`column '${cell}': unknown unit '${unitText}' (known: ${UNIT_SPELLINGS_HELP})`);

    const timeName = TIME_NAMES[key];
    if (timeName !== undefined) {
      if (plan.time) fail(`two time columns: '${plan.time.name}' and '${cell}'`);
      if (unit && unit.kind !== "time") fail(`column '${cell}': ${unitText} is not a time unit (s, ms, us or ns)`);
      const timeUnit = unit?.kind === "time" ? unit.unit : timeName;
      if (timeUnit === "ask") fail(`column '${cell}': say whether it is in ms or s, e.g. '${name}[ms]', or name it tMs or tS`);
      plan.time = { index, toMs: TIME_TO_MS[timeUnit as TimeUnit], name: cell };
      return;
    }
    const text = TEXT_COLUMNS[key];
    if (text) {
      if (plan[text] >= 0) fail(`two ${text} columns`);
      plan[text] = index;
      return;
    }
    const field = named;
    if (!field) {
      plan.ignored.push(cell);
      return;
    }
    const earlier = byField.get(field);
    if (earlier !== undefined) fail(`columns '${earlier}' and '${cell}' both give ${field}`);
    byField.set(field, cell);
    const scale = fieldScale(field, cell, unit, units, fail, plan);
    scaleOf.set(field, scale);
    plan.fields.push({ index, field: F[field], scale, name: cell });
  });

  if (!byField.has("accelGX") && !byField.has("accelGY") && !byField.has("accelGZ")) {
    const linear = byField.has("accelX") ? "; accelX/accelY/accelZ are acceleration WITHOUT gravity on the wire" : "";
    fail(`missing column accelGX (acceleration including gravity: accelGX, ax, accX, acc_x or x_acc${linear})`);
  }
  for (const triple of [
    ["accelGX", "accelGY", "accelGZ"],
    ["accelX", "accelY", "accelZ"],
    ["gyroX", "gyroY", "gyroZ"],
    ["orientAlpha", "orientBeta", "orientGamma"],
  ] as const) {
    const present = triple.filter((f) => byField.has(f));
    const missing = triple.find((f) => !byField.has(f));
    if (present.length > 0 && missing) fail(`missing column ${missing} (${byField.get(present[0]!)} is there: give all three axes)`);
    const odd = present.find((f) => scaleOf.get(f) !== scaleOf.get(present[0]!));
    if (odd) fail(`columns '${byField.get(present[0]!)}' and '${byField.get(odd)}' are in different units: put the unit on each column or use the unit option`);
  }
  return plan;
}

function fieldScale(
  field: SensorField,
  cell: string,
  unit: ReturnType<typeof unitParse>,
  units: UnitDefaults,
  fail: (reason: string) => never,
  plan: ColumnPlan,
): number {
  const kind = fieldKind(field);
  if (kind === "orient") {
    if (unit) fail(`column '${cell}': orientation is read in degrees only: write [deg] or no unit`);
    return 1;
  }
  if (unit && unit.kind !== kind) fail(`column '${cell}': ${unit.unit} is not ${kind === "accel" ? "an acceleration (m/s2 or g)" : "a rotation rate (rad/s or deg/s)"} unit`);
  if (kind === "accel") {
    const u = unit?.kind === "accel" ? unit.unit : (units.accelUnit ?? "mps2");
    if (field.startsWith("accelG")) plan.accelUnit = u;
    return ACCEL_TO_MPS2[u];
  }
  return GYRO_TO_RAD_PER_S[unit?.kind === "gyro" ? unit.unit : (units.gyroUnit ?? "radps")];
}
