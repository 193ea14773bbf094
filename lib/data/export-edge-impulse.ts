import { F, SAMPLE_WIDTH } from "../protocol/sample";
import { deviceSampleLabels, sessionDevice, trimmedRange } from "./export-csv";
import type { SessionData } from "./session-data";

/**
 * One device of a recording as an Edge Impulse data-acquisition JSON file
 * (docs.edgeimpulse.com, "Data acquisition format"), the format
 * import-edge-impulse.ts reads, plus its labels as a `structured_labels.labels`
 * file (docs.edgeimpulse.com, "Edge Impulse structured labels").
 *
 * What the format cannot hold:
 * - Timestamps: it has one `interval_ms`, so we write the mean spacing; the values
 *   are kept exactly, their irregular times are not.
 * - Missing values: a channel group with no value at all is left out; gaps in a
 *   group that has some are filled with the last value before them (the first
 *   value, for a gap at the start), because Edge Impulse needs a number everywhere.
 * - Labels: a data file carries one label, in its name `<label>.<name>.json`; we
 *   use the label covering most samples. The label spans go in the structured
 *   labels file (a multi-label sample), which needs every sample labelled, so
 *   background becomes `backgroundLabel`. Events, clock offsets and the other
 *   devices are not exported.
 */

export interface EdgeImpulseFile {
  fileName: string;
  json: string;
}

export interface EdgeImpulseExportOptions {
  /** Label of samples no span covers; default "background". */
  backgroundLabel?: string;
}

export const EDGE_IMPULSE_LABELS_FILE = "structured_labels.labels";

/**
 * Edge Impulse accepts unsigned files: `alg: "none"` is one of the two documented
 * algorithms, and the signature field must still be present, so it holds the zero
 * signature that Edge Impulse's own examples write before signing.
 */
const UNSIGNED = "0".repeat(64);

/** Sensors per channel group, in the names and units our importer maps back (accX = with gravity). */
const GROUPS = [
  { first: F.accelGX, names: ["accX", "accY", "accZ"], units: "m/s2" },
  { first: F.accelX, names: ["linearAccX", "linearAccY", "linearAccZ"], units: "m/s2" },
  { first: F.gyroX, names: ["gyrX", "gyrY", "gyrZ"], units: "rad/s" },
  { first: F.orientAlpha, names: ["orientAlpha", "orientBeta", "orientGamma"], units: "deg" },
] as const;

export function sessionToEdgeImpulse(session: SessionData, deviceId: string, opts: EdgeImpulseExportOptions = {}): EdgeImpulseFile {
  const { device, from, to, fileName } = exported(session, deviceId, opts);
  const length = to - from;
  const at = (i: number, c: number) => device.samples[(from + i) * SAMPLE_WIDTH + c]!;
  const intervalMs = (at(length - 1, F.tMs) - at(0, F.tMs)) / (length - 1);
  const hasValue = (c: number) => {
    for (let i = 0; i < length; i++) if (!Number.isNaN(at(i, c))) return true;
    return false;
  };

  const columns: number[] = [];
  const sensors: { name: string; units: string }[] = [];
  for (const g of GROUPS) {
    if (![0, 1, 2].some((k) => hasValue(g.first + k))) continue;
    g.names.forEach((name, k) => {
      columns.push(g.first + k);
      sensors.push({ name, units: g.units });
    });
  }
  const values = Array.from({ length }, () => new Array<number>(columns.length));
  columns.forEach((c, k) => {
    let held = NaN;
    for (let i = 0; i < length && Number.isNaN(held); i++) held = at(i, c);
    // A column of the group may have no value of its own; zero is the only honest fill then.
    if (Number.isNaN(held)) held = 0;
    for (let i = 0; i < length; i++) {
      const v = at(i, c);
      if (!Number.isNaN(v)) held = v;
      values[i]![k] = held;
    }
  });

  const json = JSON.stringify({
    protected: { ver: "v1", alg: "none", iat: Math.floor(session.startedAtMs / 1000) },
    signature: UNSIGNED,
    payload: {
      device_name: device.id,
      device_type: `WRISTLAB_${device.source.toUpperCase()}_${device.platform.toUpperCase()}`,
      interval_ms: intervalMs,
      sensors,
      values,
    },
  });
  return { fileName, json };
}

/**
 * The `structured_labels.labels` file for {@link sessionToEdgeImpulse}'s file: runs
 * of equal per-sample labels as `{startIndex, endIndex, label}`, sample indices with
 * an inclusive end, covering every sample as Edge Impulse requires.
 */
export function sessionToEdgeImpulseLabels(session: SessionData, deviceId: string, opts: EdgeImpulseExportOptions = {}): EdgeImpulseFile {
  const { labels, fileName } = exported(session, deviceId, opts);
  const runs: { startIndex: number; endIndex: number; label: string }[] = [];
  labels.forEach((label, i) => {
    const last = runs[runs.length - 1];
    if (last && last.label === label) last.endIndex = i;
    else runs.push({ startIndex: i, endIndex: i, label });
  });
  const json = JSON.stringify({ version: 1, type: "structured-labels", structuredLabels: { [fileName]: runs } });
  return { fileName: EDGE_IMPULSE_LABELS_FILE, json };
}

function exported(session: SessionData, deviceId: string, opts: EdgeImpulseExportOptions) {
  const device = sessionDevice(session, deviceId);
  const { from, to } = trimmedRange(device, session.trim);
  if (to - from < 2) {
    throw new Error(`device '${deviceId}' has ${to - from} samples${session.trim ? " inside the trim" : ""}: an Edge Impulse file needs at least 2 to give a sample interval`);
  }
  const background = opts.backgroundLabel ?? "background";
  const labels = deviceSampleLabels(device, session.labels, from, to).map((l) => l || background);
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let dominant = background;
  for (const [l, n] of counts) if (n > (counts.get(dominant) ?? 0)) dominant = l;
  const fileName = `${fileNamePart(dominant) || "background"}.${fileNamePart(session.name) || "recording"}-${device.id}.json`;
  return { device, from, to, labels, fileName };
}

/** Letters, digits, `_` and `-` only: Edge Impulse reads the label up to the first dot of the name. */
function fileNamePart(text: string): string {
  return text
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
}
