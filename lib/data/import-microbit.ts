import { F, SAMPLE_WIDTH } from "../protocol/sample";
import { fileBaseName, type ImportCommonOptions } from "./import-common";
import { STANDARD_GRAVITY_MPS2 } from "./import-units";
import { JsonReader, jsonTextParse, type JsonPath } from "./json-read";
import type { MotionRecording } from "./motion-recording";
import { segmentWhole } from "./recording-builder";

/**
 * Data samples from the micro:bit ml-trainer / CreateAI app: an array of actions
 * (`name`, `ID` in the legacy app or `id` in the current one) each with recordings
 * `{data: {x: [...], y: [...], z: [...]}}` in g at a 20 ms period (the legacy
 * 1.8 s windows hold ~91 samples, the current 1 s windows ~50: 20 ms both).
 * `{data: [...actions]}` is read too. Accelerometer only: gyro and orientation
 * are NaN.
 *
 * Values keep the micro:bit's own axes and sign: lying face up it reads z ≈ -1 g
 * where a phone on the wire reads +9.81 m/s². No remapping is guessed here.
 *
 * Each recording is one segment of its action's name and its own group.
 */

export const MICROBIT_PERIOD_MS = 20;

export interface MicrobitImportOptions extends ImportCommonOptions {
  periodMs?: number;
  /** Time of each recording's first sample; default 0. */
  startMs?: number;
}

/** Shape test for format detection: an action list whose first action has recordings. */
export function isMicrobitJson(value: unknown): boolean {
  const actions = actionList(value);
  const first = actions?.[0];
  return typeof first === "object" && first !== null && "recordings" in first && "name" in first;
}

function actionList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null && Array.isArray((value as { data?: unknown }).data)) return (value as { data: unknown[] }).data;
  return null;
}

export function microbitImport(text: string, file: string, opts: MicrobitImportOptions = {}): MotionRecording[] {
  return microbitFromJson(jsonTextParse(text, file), file, opts);
}

export function microbitFromJson(value: unknown, file: string, opts: MicrobitImportOptions = {}): MotionRecording[] {
  const json: JsonReader = new JsonReader(file);
  const root: JsonPath = Array.isArray(value) ? [] : ["data"];
  const actions = actionList(value) ?? json.fail([], "expected an array of actions (or {data: [...]})");
  const periodMs = opts.periodMs ?? MICROBIT_PERIOD_MS;
  const startMs = opts.startMs ?? 0;
  const prefix = opts.idPrefix ?? fileBaseName(file);
  const out: MotionRecording[] = [];
  const ids = new Set<string>();

  actions.forEach((a, ai) => {
    const actionPath = [...root, ai];
    const action = json.object(a, actionPath);
    const label = json.string(json.field(action, "name", actionPath), [...actionPath, "name"]).trim();
    if (label === "") json.fail([...actionPath, "name"], "empty action name");
    const recordings = json.array(json.field(action, "recordings", actionPath), [...actionPath, "recordings"]);
    recordings.forEach((r, ri) => {
      const recPath = [...actionPath, "recordings", ri];
      const dataPath = [...recPath, "data"];
      const data = json.object(json.field(json.object(r, recPath), "data", recPath), dataPath);
      const axes = (["x", "y", "z"] as const).map((k) => json.array(json.field(data, k, dataPath), [...dataPath, k]));
      const length = axes[0]!.length;
      if (length === 0) json.fail([...dataPath, "x"], "no samples");
      axes.forEach((axis, k) => {
        if (axis.length !== length) json.fail([...dataPath, "xyz"[k]!], `${axis.length} values, but x has ${length}`);
      });
      const samples = new Float64Array(length * SAMPLE_WIDTH).fill(NaN);
      for (let i = 0; i < length; i++) {
        const o = i * SAMPLE_WIDTH;
        samples[o + F.tMs] = startMs + i * periodMs;
        for (let k = 0; k < 3; k++) {
          samples[o + F.accelGX + k] = json.number(axes[k]![i], [...dataPath, "xyz"[k]!, i]) * STANDARD_GRAVITY_MPS2;
        }
      }
      // Two actions may share a name; their recordings still need distinct ids.
      const base = `${prefix}#${label}-${String(ri + 1).padStart(2, "0")}`;
      const id = ids.has(base) ? `${base}(${ai + 1})` : base;
      ids.add(id);
      out.push({ id, group: id, source: file, samples, length, segments: segmentWhole(samples, length, label, periodMs) });
    });
  });
  return out;
}
