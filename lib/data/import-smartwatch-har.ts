import { csvSplit } from "./csv-lines";
import { fileBaseName, fileStem, type ImportCommonOptions } from "./import-common";
import { csvImport } from "./import-csv";
import { ImportError } from "./import-error";
import type { MotionRecording } from "./motion-recording";

/**
 * CSV of the smartwatch/smartphone HAR dataset (Matey-Sanz et al. 2023):
 * `x_acc,y_acc,z_acc,x_gyro,y_gyro,z_gyro,timestamp,label`, m/s² including gravity,
 * rad/s, UNIX ms, one activity label per sample. One file is one execution of the
 * script; its subject (`s01` in `s01/s01_01_sw.csv`) is the group, so no subject
 * lands on both sides of a split.
 *
 * The watch stamps whole milliseconds at ~104 Hz, so a few rows per file repeat
 * the previous timestamp (the phone files, many more): those rows are dropped, as
 * the wire needs strictly increasing time.
 */

export const SMARTWATCH_HAR_COLUMNS = ["x_acc", "y_acc", "z_acc", "x_gyro", "y_gyro", "z_gyro", "timestamp", "label"] as const;

export interface SmartwatchHarImportOptions extends ImportCommonOptions {
  /** Default: the `sNN` subject in the file's path. */
  group?: string;
}

export function isSmartwatchHarHeader(cells: readonly string[]): boolean {
  return SMARTWATCH_HAR_COLUMNS.every((c) => cells.includes(c));
}

/** `s01` from `.../s01/s01_01_sw.csv` or `s01_01_sw.csv`, or null. */
export function harSubject(file: string): string | null {
  const match = /(?:^|[\\/_])(s\d+)(?=[\\/_.])/i.exec(file);
  return match ? match[1]!.toLowerCase() : null;
}

export function smartwatchHarImport(text: string, file: string, opts: SmartwatchHarImportOptions = {}): MotionRecording[] {
  const { header } = csvSplit(text, file);
  const missing = SMARTWATCH_HAR_COLUMNS.find((c) => !header.cells.includes(c));
  if (missing) throw new ImportError(file, `missing column ${missing} (expected ${SMARTWATCH_HAR_COLUMNS.join(",")})`, { line: header.line });
  let group = opts.group ?? harSubject(file);
  if (!group) {
    group = fileStem(file);
    opts.onWarning?.(`${file}: no subject (sNN) in the path; the file is its own group`);
  }
  return csvImport(text, file, {
    idPrefix: opts.idPrefix ?? fileBaseName(file),
    accelUnit: "mps2",
    gyroUnit: "radps",
    group,
    repeatedTimes: "drop",
    onWarning: opts.onWarning,
  });
}
