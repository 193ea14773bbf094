import { SAMPLE_WIDTH } from "../protocol/sample";
import { nameKey } from "./channel-aliases";
import { csvSplit } from "./csv-lines";
import { fileBaseName, fileStem, indexedId, type ImportCommonOptions } from "./import-common";
import { csvImport } from "./import-csv";
import { ImportError } from "./import-error";
import type { MotionRecording } from "./motion-recording";
import { segmentWhole } from "./recording-builder";

/**
 * CSV from the Arduino "GestureToEmoji" capture sketch (the punch-flex dataset):
 * header `aX,aY,aZ,gX,gY,gZ` in g and deg/s, no time column, ~119 Hz, and a fixed
 * number of rows per gesture written back to back with nothing between them. Each
 * gesture becomes a recording labelled over its whole span with the file's name,
 * and is its own group, so splits never cut one gesture in two.
 */

export const PUNCH_FLEX_COLUMNS = ["aX", "aY", "aZ", "gX", "gY", "gZ"] as const;
export const PUNCH_FLEX_RATE_HZ = 119;
export const PUNCH_FLEX_SAMPLES_PER_RECORDING = 119;

export interface PunchFlexImportOptions extends ImportCommonOptions {
  /** Label of every recording; default the file stem (`punch.csv` -> `punch`). */
  label?: string;
  rateHz?: number;
  samplesPerRecording?: number;
  /** Time of each recording's first sample; default 0. */
  startMs?: number;
}

/** True for the capture sketch's exact header, which no other format here uses. */
export function isPunchFlexHeader(cells: readonly string[]): boolean {
  return cells.length === PUNCH_FLEX_COLUMNS.length && cells.every((c, i) => c === PUNCH_FLEX_COLUMNS[i]);
}

export function punchFlexImport(text: string, file: string, opts: PunchFlexImportOptions = {}): MotionRecording[] {
  const { header, rows } = csvSplit(text, file);
  for (const column of PUNCH_FLEX_COLUMNS) {
    if (!header.cells.some((c) => nameKey(c) === nameKey(column))) {
      throw new ImportError(file, `missing column ${column} (the capture sketch writes ${PUNCH_FLEX_COLUMNS.join(",")})`, { line: header.line });
    }
  }
  const rateHz = opts.rateHz ?? PUNCH_FLEX_RATE_HZ;
  const perRecording = opts.samplesPerRecording ?? PUNCH_FLEX_SAMPLES_PER_RECORDING;
  const [all] = csvImport(text, file, { rateHz, startMs: 0, accelUnit: "g", gyroUnit: "degps", onWarning: opts.onWarning });
  const whole = all!;
  const rest = whole.length % perRecording;
  if (rest !== 0) {
    const line = rowLine(rows, whole.length - rest);
    throw new ImportError(file, `the last recording has ${rest} rows, expected ${perRecording} (recordings are ${perRecording} rows back to back)`, { line });
  }

  const label = opts.label ?? fileStem(file);
  const prefix = opts.idPrefix ?? fileBaseName(file);
  const periodMs = 1000 / rateHz;
  const startMs = opts.startMs ?? 0;
  const out: MotionRecording[] = [];
  for (let k = 0; k * perRecording < whole.length; k++) {
    const samples = whole.samples.slice(k * perRecording * SAMPLE_WIDTH, (k + 1) * perRecording * SAMPLE_WIDTH);
    for (let i = 0; i < perRecording; i++) samples[i * SAMPLE_WIDTH] = startMs + i * periodMs;
    const id = indexedId(prefix, k);
    out.push({ id, group: id, source: file, samples, length: perRecording, segments: segmentWhole(samples, perRecording, label, periodMs) });
  }
  return out;
}

function rowLine(rows: Iterable<{ line: number }>, index: number): number {
  let i = 0;
  for (const row of rows) if (i++ === index) return row.line;
  return 0;
}
