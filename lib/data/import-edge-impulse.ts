import { F, SAMPLE_WIDTH } from "../protocol/sample";
import { fieldKind, sensorFieldOf, type SensorField } from "./channel-aliases";
import { fileBaseName, type ImportCommonOptions } from "./import-common";
import { ACCEL_TO_MPS2, GYRO_TO_RAD_PER_S, unitParse } from "./import-units";
import { JsonReader, jsonTextParse } from "./json-read";
import type { MotionRecording } from "./motion-recording";
import { segmentWhole } from "./recording-builder";

/**
 * Edge Impulse data-acquisition JSON (docs.edgeimpulse.com, "Data acquisition
 * format"): `{protected: {ver, alg, iat?}, signature, payload: {device_name?,
 * device_type, interval_ms, sensors: [{name, units}], values: [[...], ...]}}`.
 * One file is one sample of one label; the label is not in the file but in its
 * name, `<label>.<anything>.json`, as Studio exports it. The signature is not
 * checked: we read data, we do not vouch for its origin.
 *
 * Sensors map by name (`accX`, `gyrX`, and the CSV aliases); sensors we do not use
 * (magnetometer, ...) are skipped with a warning. Accelerometers are taken to
 * include gravity, as Edge Impulse's own firmware and phone client record them.
 */

export interface EdgeImpulseImportOptions extends ImportCommonOptions {
  /** Default: the file name up to its first dot. */
  label?: string;
  group?: string;
  /** Time of the first sample; default 0. */
  startMs?: number;
}

export function isEdgeImpulseJson(value: unknown): boolean {
  return typeof value === "object" && value !== null && "payload" in value && "protected" in value;
}

/** `idle` from `idle.3c9f2a.json`. */
export function edgeImpulseLabel(file: string): string {
  const base = fileBaseName(file);
  return base.split(".")[0] || base;
}

export function edgeImpulseImport(text: string, file: string, opts: EdgeImpulseImportOptions = {}): MotionRecording[] {
  return edgeImpulseFromJson(jsonTextParse(text, file), file, opts);
}

export function edgeImpulseFromJson(value: unknown, file: string, opts: EdgeImpulseImportOptions = {}): MotionRecording[] {
  const json: JsonReader = new JsonReader(file);
  const root = json.object(value, []);
  const prot = json.object(json.field(root, "protected", []), ["protected"]);
  const ver = json.string(json.field(prot, "ver", ["protected"]), ["protected", "ver"]);
  if (ver !== "v1") json.fail(["protected", "ver"], `unknown version '${ver}' (only v1 is defined)`);
  const payload = json.object(json.field(root, "payload", []), ["payload"]);
  const intervalMs = json.positive(json.field(payload, "interval_ms", ["payload"]), ["payload", "interval_ms"]);
  const sensors = json.array(json.field(payload, "sensors", ["payload"]), ["payload", "sensors"]);
  const values = json.array(json.field(payload, "values", ["payload"]), ["payload", "values"]);

  const columns: { column: number; field: number; scale: number }[] = [];
  const seen = new Map<SensorField, number>();
  const skipped: string[] = [];
  sensors.forEach((s, i) => {
    const path = ["payload", "sensors", i];
    const sensor = json.object(s, path);
    const name = json.string(json.field(sensor, "name", path), [...path, "name"]);
    const field = sensorFieldOf(name);
    if (!field || fieldKind(field) === "orient") {
      skipped.push(name);
      return;
    }
    if (seen.has(field)) json.fail([...path, "name"], `sensor '${name}' gives ${field} again (sensor ${seen.get(field)} already does)`);
    seen.set(field, i);
    const unitsText = json.string(json.field(sensor, "units", path), [...path, "units"]);
    const unit = unitParse(unitsText);
    const kind = fieldKind(field);
    if (!unit || unit.kind !== kind) {
      json.fail([...path, "units"], `units '${unitsText}' for ${name}: expected ${kind === "accel" ? "m/s2 or g" : "deg/s or rad/s"}`);
    }
    const scale = unit.kind === "accel" ? ACCEL_TO_MPS2[unit.unit] : unit.kind === "gyro" ? GYRO_TO_RAD_PER_S[unit.unit] : 1;
    columns.push({ column: i, field: F[field], scale });
  });
  if (skipped.length > 0) opts.onWarning?.(`${file}: skipped sensors ${skipped.map((n) => `'${n}'`).join(", ")}`);
  for (const triple of [
    ["accelGX", "accelGY", "accelGZ"],
    ["accelX", "accelY", "accelZ"],
    ["gyroX", "gyroY", "gyroZ"],
  ] as const) {
    const missing = triple.find((f) => !seen.has(f));
    const required = triple[0] === "accelGX";
    if (missing && (required || triple.some((f) => seen.has(f)))) {
      json.fail(["payload", "sensors"], `no sensor for ${missing}${required ? " (an accelerometer is needed: accX, accY, accZ)" : ""}`);
    }
  }

  const length = values.length;
  if (length === 0) json.fail(["payload", "values"], "no samples");
  const startMs = opts.startMs ?? 0;
  const samples = new Float64Array(length * SAMPLE_WIDTH).fill(NaN);
  for (let i = 0; i < length; i++) {
    const row = json.array(values[i], ["payload", "values", i]);
    if (row.length !== sensors.length) json.fail(["payload", "values", i], `${row.length} values, but there are ${sensors.length} sensors`);
    const o = i * SAMPLE_WIDTH;
    samples[o + F.tMs] = startMs + i * intervalMs;
    for (const c of columns) samples[o + c.field] = json.number(row[c.column], ["payload", "values", i, c.column]) * c.scale;
  }

  const id = opts.idPrefix ?? fileBaseName(file);
  const label = opts.label ?? edgeImpulseLabel(file);
  return [{ id, group: opts.group ?? id, source: file, samples, length, segments: segmentWhole(samples, length, label, intervalMs) }];
}
