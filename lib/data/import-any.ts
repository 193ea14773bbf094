import { sensorFieldOf } from "./channel-aliases";
import { csvSplit } from "./csv-lines";
import { csvImport, type CsvImportOptions } from "./import-csv";
import { edgeImpulseFromJson, isEdgeImpulseJson } from "./import-edge-impulse";
import { ImportError } from "./import-error";
import { isWristlabJsonl, jsonlRecordingsImport } from "./import-jsonl";
import { isMicrobitJson, microbitFromJson } from "./import-microbit";
import { isPunchFlexHeader, punchFlexImport } from "./import-punch-flex";
import { isSmartwatchHarHeader, smartwatchHarImport } from "./import-smartwatch-har";
import { jsonTextParse } from "./json-read";
import type { MotionRecording } from "./motion-recording";

/**
 * Picks the importer for one file's text: by the header of a CSV, by the shape of
 * a JSON document, or as told. Text in, recordings out, so the browser can use it
 * on a dropped file as the CLI does on a path.
 */

export const DATASET_FORMATS = ["csv", "punch-flex", "microbit", "smartwatch-har", "edge-impulse", "jsonl"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export interface AnyImportOptions {
  /** Read every file as this format instead of detecting it. */
  format?: DatasetFormat;
  idPrefix?: string;
  /** Label for formats that keep it outside the data (punch-flex, Edge Impulse); default from the file name. */
  label?: string;
  /** Settings for files in the documented CSV format. */
  csv?: Omit<CsvImportOptions, "idPrefix" | "onWarning">;
  onWarning?: (message: string) => void;
}

/** A detected format; `json` is the parsed document, so it is parsed once. */
export type Detected = { format: DatasetFormat; json?: unknown } | null;

/** The format of a file, or null when it does not look like motion data we read. */
export function formatDetect(text: string, file: string): Detected {
  // Our recording export, also when a download renamed it: its header line says so.
  if (/\.jsonl$/i.test(file) || isWristlabJsonl(text)) return { format: "jsonl" };
  if (/\.json$/i.test(file)) {
    const json = jsonTextParse(text, file);
    if (isEdgeImpulseJson(json)) return { format: "edge-impulse", json };
    if (isMicrobitJson(json)) return { format: "microbit", json };
    return null;
  }
  const { cells } = csvSplit(text, file).header;
  if (isPunchFlexHeader(cells)) return { format: "punch-flex" };
  if (isSmartwatchHarHeader(cells)) return { format: "smartwatch-har" };
  const hasAccel = cells.some((c) => sensorFieldOf(c.replace(/\s*[[(].*$/, ""))?.startsWith("accelG"));
  return hasAccel ? { format: "csv" } : null;
}

/** Recordings of one file; throws {@link ImportError} when it is not motion data we read. */
export function recordingsImport(
  text: string,
  file: string,
  opts: AnyImportOptions = {},
  detected: Detected = opts.format ? { format: opts.format } : formatDetect(text, file),
): MotionRecording[] {
  if (!detected) {
    throw new ImportError(file, "not a motion format we read (a CSV needs an accelerometer column such as accelGX or ax; JSON must be Edge Impulse or micro:bit; JSON Lines must be a Wristlab recording export)");
  }
  const common = { idPrefix: opts.idPrefix, onWarning: opts.onWarning };
  const json = () => detected.json ?? jsonTextParse(text, file);
  switch (detected.format) {
    case "csv":
      return csvImport(text, file, { ...opts.csv, ...common });
    case "punch-flex":
      return punchFlexImport(text, file, { ...common, label: opts.label });
    case "smartwatch-har":
      return smartwatchHarImport(text, file, common);
    case "microbit":
      return microbitFromJson(json(), file, common);
    case "edge-impulse":
      return edgeImpulseFromJson(json(), file, { ...common, label: opts.label });
    case "jsonl":
      return jsonlRecordingsImport(text, file, common);
  }
}
