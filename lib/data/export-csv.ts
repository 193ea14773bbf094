import type { LabelSpan, RecordingTrim } from "../protocol/recordings";
import { F, SAMPLE_WIDTH } from "../protocol/sample";
import type { SessionData, SessionDevice } from "./session-data";

/**
 * A recording as the documented motion CSV (docs/data-formats.md, "Recording
 * exports"): one row per sample, devices one after another, units in the header, so
 * pandas, R or a spreadsheet read it without our code and `csvImport` reads it back
 * exactly. Times stay on each device's own clock (`t_ms`), as stored; the label of
 * a row is the one covering the sample on the recording clock (tMs + clockOffsetMs).
 */

/** Header cells; the wire field's name and unit, so nothing is left to guess. */
export const CSV_EXPORT_COLUMNS = [
  "recording",
  "group",
  "t_ms",
  "accelGX[m/s2]",
  "accelGY[m/s2]",
  "accelGZ[m/s2]",
  "accelX[m/s2]",
  "accelY[m/s2]",
  "accelZ[m/s2]",
  "gyroX[rad/s]",
  "gyroY[rad/s]",
  "gyroZ[rad/s]",
  "orientAlpha[deg]",
  "orientBeta[deg]",
  "orientGamma[deg]",
  "label",
] as const;

export interface CsvExportOptions {
  /** Only this device's rows; all devices when absent. */
  deviceId?: string;
}

/** The whole CSV text, lines ending in `\n`. */
export function sessionToCsv(session: SessionData, opts: CsvExportOptions = {}): string {
  const lines: string[] = [];
  for (const line of sessionCsvLines(session, opts)) lines.push(line);
  return lines.join("\n") + "\n";
}

/** The CSV line by line (without line ends), for a server that streams it. */
export function* sessionCsvLines(session: SessionData, opts: CsvExportOptions = {}): Generator<string> {
  const devices = opts.deviceId === undefined ? session.devices : [sessionDevice(session, opts.deviceId)];
  const group = csvCell(session.name);
  yield CSV_EXPORT_COLUMNS.join(",");
  const cells = new Array<string>(CSV_EXPORT_COLUMNS.length);
  for (const device of devices) {
    const { from, to } = trimmedRange(device, session.trim);
    const labels = deviceSampleLabels(device, session.labels, from, to);
    cells[0] = csvCell(device.id);
    cells[1] = group;
    for (let i = from; i < to; i++) {
      const o = i * SAMPLE_WIDTH;
      for (let c = 0; c < SAMPLE_WIDTH; c++) cells[2 + c] = numberCell(device.samples[o + c]!);
      cells[2 + SAMPLE_WIDTH] = csvCell(labels[i - from]!);
      yield cells.join(",");
    }
  }
}

/** The device, or an Error naming the devices there are. */
export function sessionDevice(session: SessionData, deviceId: string): SessionDevice {
  const device = session.devices.find((d) => d.id === deviceId);
  if (!device) {
    const ids = session.devices.map((d) => d.id).join(", ") || "none";
    throw new Error(`recording '${session.name}' has no device '${deviceId}' (devices: ${ids})`);
  }
  return device;
}

/**
 * Indices `[from, to)` of the samples inside the trim, compared on the recording
 * clock: `startMs <= tMs + clockOffsetMs < endMs`, the same half-open rule as labels.
 */
export function trimmedRange(device: SessionDevice, trim: RecordingTrim | null): { from: number; to: number } {
  if (!trim) return { from: 0, to: device.length };
  const t = (i: number) => device.samples[i * SAMPLE_WIDTH + F.tMs]! + device.clockOffsetMs;
  let from = 0;
  while (from < device.length && t(from) < trim.startMs) from++;
  let to = from;
  while (to < device.length && t(to) < trim.endMs) to++;
  return { from, to };
}

/**
 * The label of each sample in `[from, to)`: the span covering its recording-clock
 * time (`tStartMs <= t < tEndMs`), "" for background. Where spans overlap, the one
 * that started last wins (on a tie, the later one in the list), as a newer label
 * on top of an older one would.
 */
export function deviceSampleLabels(device: SessionDevice, labels: readonly LabelSpan[], from: number, to: number): string[] {
  const spans = labels.map((s, order) => ({ s, order })).sort((a, b) => a.s.tStartMs - b.s.tStartMs || a.order - b.order);
  // Running maximum of the ends: walking back stops as soon as no earlier span can still be open.
  const maxEnd: number[] = [];
  spans.forEach(({ s }, j) => maxEnd.push(Math.max(s.tEndMs, maxEnd[j - 1] ?? -Infinity)));
  const out = new Array<string>(to - from);
  let started = 0;
  for (let i = from; i < to; i++) {
    const t = device.samples[i * SAMPLE_WIDTH + F.tMs]! + device.clockOffsetMs;
    while (started < spans.length && spans[started]!.s.tStartMs <= t) started++;
    let label = "";
    for (let j = started - 1; j >= 0 && maxEnd[j]! > t; j--) {
      if (spans[j]!.s.tEndMs > t) {
        label = spans[j]!.s.label;
        break;
      }
    }
    out[i - from] = label;
  }
  return out;
}

/** Shortest text that reads back as the same double; -0 keeps its sign; NaN is an empty cell. */
function numberCell(v: number): string {
  if (Number.isNaN(v)) return "";
  return Object.is(v, -0) ? "-0" : String(v);
}

/** Quoted when it holds a delimiter, a quote or edge spaces; line breaks become spaces (a cell may not span lines). */
function csvCell(text: string): string {
  const flat = text.replace(/\r\n|[\r\n]/g, " ");
  return /[",;\t]|^\s|\s$/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}
