import { LABEL_SET_MAX, type LabelSpan } from "../protocol/recordings";
import { LIMITS } from "../protocol/limits";
import { F, SAMPLE_FIELDS, SAMPLE_WIDTH } from "../protocol/sample";
import { recordingsImport } from "./import-any";
import { fileBaseName } from "./import-common";
import { labelsNormalize } from "../review/label-edits";
import { ImportError } from "./import-error";
import { isWristlabJsonl, sessionFromJsonl } from "./import-jsonl";
import type { MotionRecording } from "./motion-recording";
import { meanPeriodMs } from "./recording-builder";
import type { SessionData, SessionDevice } from "./session-data";

/**
 * An uploaded file as recordings (`POST /api/recordings/import`). The bytes are
 * checked before any parsing: nothing compressed is accepted, so no archive is ever
 * expanded (a zip bomb stays 40 kB of refused bytes), and binary or non-UTF-8 files
 * are refused by name instead of surfacing as "text in a number column" on line 1.
 * Our JSON Lines come back as they were; every other format the dataset importers
 * read becomes one recording with one device per imported recording.
 */

export interface SessionImportOptions {
  /** Larger files are refused; the server also checks IMPORT_MAX_BYTES before reading the body. */
  maxBytes?: number;
  /**
   * Recording-clock time of the first sample of files on a relative clock (times
   * from 0, as punch-flex, micro:bit and Edge Impulse files have); default now.
   */
  placeAtMs?: number;
}

/** Times below this are not epoch ms (it is 1973): the file counts from its own zero. */
const EPOCH_MIN_MS = 1e11;
/** Between recordings laid end to end on a relative clock, so their labels never touch. */
const PLACEMENT_GAP_MS = 1000;
const BINARY_SCAN_BYTES = 64 * 1024;

export function sessionsFromFile(bytes: Uint8Array, fileName: string, opts: SessionImportOptions = {}): SessionData[] {
  try {
    const text = importText(bytes, fileName, opts.maxBytes);
    const session = /\.jsonl$/i.test(fileName) || isWristlabJsonl(text) ? sessionFromJsonl(text, fileName) : sessionFromRecordings(recordingsImport(text, fileName), fileName, opts);
    sessionCheck(session, fileName);
    // The review editor edits spans that never overlap; a file may hold overlapping ones.
    return [{ ...session, labels: labelsNormalize(session.labels) }];
  } catch (e) {
    // These messages reach people in a browser, not a terminal: "line 3", not the compiler-style ":3".
    if (e instanceof ImportError && e.line !== undefined) {
      const column = e.place && "column" in e.place && e.place.column !== undefined ? `, column ${e.place.column}` : "";
      e.message = `${e.file}: line ${e.line}${column}: ${e.reason}`;
    }
    throw e;
  }
}

/** The file as text, or an {@link ImportError} saying why it is not a text file we read. */
export function importText(bytes: Uint8Array, file: string, maxBytes?: number): string {
  if (bytes.length === 0) throw new ImportError(file, "the file is empty");
  if (maxBytes !== undefined && bytes.length > maxBytes) {
    throw new ImportError(file, `the file is ${sizeText(bytes.length)}, over the ${sizeText(maxBytes)} limit for an import`);
  }
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08)) {
    throw new ImportError(file, "this is a zip file, and zip files are not accepted: unzip it and import the files one by one (an .xlsx spreadsheet is a zip too: save it as CSV)");
  }
  const compressed: [string, number[]][] = [
    ["gzip", [0x1f, 0x8b]],
    ["bzip2", [0x42, 0x5a, 0x68]],
    ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
    ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
    ["7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ];
  const packed = compressed.find(([, magic]) => starts(...magic));
  if (packed) throw new ImportError(file, `this is a ${packed[0]}-compressed file, and compressed files are not accepted: decompress it and import the file inside`);
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) throw new ImportError(file, "this is UTF-16 text: save it as UTF-8 and import it again");
  const nul = bytes.subarray(0, BINARY_SCAN_BYTES).indexOf(0);
  if (nul >= 0) throw new ImportError(file, `this is a binary file, not text (a zero byte at offset ${nul}): import CSV, JSON or JSON Lines text`);

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = invalidUtf8At(bytes);
    const where = at < 0 ? "" : ` (byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, "0")} at line ${lineAt(bytes, at)})`;
    throw new ImportError(file, `not UTF-8 text${where}: save the file as UTF-8 (in Excel: "CSV UTF-8") and import it again`);
  }
  if (text.trim() === "") throw new ImportError(file, "the file is empty (it holds only whitespace)");
  return text;
}

/**
 * Imported recordings as one session. Times that are epoch ms stay where they are
 * (clockOffsetMs 0); recordings on a relative clock are laid end to end from
 * `placeAtMs`, each by its own clockOffsetMs, so their samples keep the file's
 * numbers and their labels do not pile up at time 0.
 */
function sessionFromRecordings(recordings: MotionRecording[], fileName: string, opts: SessionImportOptions): SessionData {
  const first = (r: MotionRecording) => r.samples[F.tMs]!;
  const last = (r: MotionRecording) => r.samples[(r.length - 1) * SAMPLE_WIDTH + F.tMs]!;
  const relative = recordings.some((r) => r.length > 0 && first(r) < EPOCH_MIN_MS);
  let cursorMs = opts.placeAtMs ?? Date.now();
  const usedIds = new Set<string>();
  const devices: SessionDevice[] = [];
  const labels: LabelSpan[] = [];
  for (const r of recordings) {
    if (r.length === 0) continue;
    let clockOffsetMs = 0;
    if (relative) {
      clockOffsetMs = cursorMs - first(r);
      cursorMs += last(r) - first(r) + (meanPeriodMs(r.samples, r.length) || 1) + PLACEMENT_GAP_MS;
    }
    const id = deviceIdFrom(r.id, fileName, usedIds);
    // `x.csv#phone-1` names the device `phone-1`: the file is already the recording's name.
    const own = r.id.startsWith(`${fileBaseName(fileName)}#`) ? r.id.slice(fileBaseName(fileName).length + 1) : r.id;
    const name = own.length > LIMITS.deviceNameMaxChars ? `…${own.slice(-(LIMITS.deviceNameMaxChars - 1))}` : own;
    devices.push({ id, name, source: "phone", platform: "other", clockOffsetMs, samples: r.samples, length: r.length });
    for (const s of r.segments) labels.push({ label: labelName(s.label), tStartMs: s.tStartMs + clockOffsetMs, tEndMs: s.tEndMs + clockOffsetMs });
  }
  const merged = spansMerge(labels);
  const startedAtMs = Math.min(...devices.map((d) => d.samples[F.tMs]! + d.clockOffsetMs));
  const endedAtMs = Math.max(...devices.map((d) => d.samples[(d.length - 1) * SAMPLE_WIDTH + F.tMs]! + d.clockOffsetMs));
  return {
    name: fileBaseName(fileName),
    room: null,
    startedAtMs,
    endedAtMs,
    labelSet: [...new Set(merged.map((l) => l.label))].slice(0, LABEL_SET_MAX),
    devices,
    labels: merged,
    events: [],
    trim: null,
  };
}

/**
 * Spans of one label that overlap or touch become one: devices of one session
 * labelled the same moment (a CSV of several devices) would otherwise show every
 * label twice, a sample period apart.
 */
function spansMerge(spans: LabelSpan[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  const open = new Map<string, LabelSpan>();
  for (const s of [...spans].sort((a, b) => a.tStartMs - b.tStartMs)) {
    const current = open.get(s.label);
    if (current && s.tStartMs <= current.tEndMs) current.tEndMs = Math.max(current.tEndMs, s.tEndMs);
    else {
      const copy = { ...s };
      open.set(s.label, copy);
      out.push(copy);
    }
  }
  return out;
}

/** A name the recordings API accepts (labelNameSchema): no commas, quotes or line breaks, no leading formula character, 1-40 characters. */
function labelName(label: string): string {
  const clean = label.replace(/[,"\r\n]+/g, " ").replace(/\s+/g, " ").trim().replace(/^[=+\-@\s]+/, "").slice(0, 40).trim();
  return clean || "label";
}

/** `x.csv#phone-1` -> `phone-1`; made safe (6-64 of A-Z a-z 0-9 _ -) and unique within the session. */
function deviceIdFrom(recordingId: string, fileName: string, used: Set<string>): string {
  const prefix = `${fileBaseName(fileName)}#`;
  const own = recordingId.startsWith(prefix) && recordingId.length > prefix.length ? recordingId.slice(prefix.length) : recordingId;
  let base = own.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  if (base.length < 6) base = `${base || "device"}-import`;
  base = base.slice(0, 60);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** What the store and a replay need of every sample, whichever importer read it. */
function sessionCheck(session: SessionData, file: string): void {
  if (session.devices.every((d) => d.length === 0)) throw new ImportError(file, "no samples: the file holds no motion data");
  for (const d of session.devices) {
    for (let i = 0; i < d.length; i++) {
      const o = i * SAMPLE_WIDTH;
      const fail = (reason: string): never => {
        throw new ImportError(file, `device '${d.name}', sample ${i + 1}: ${reason}`);
      };
      for (let c = F.tMs; c <= F.accelGZ; c++) if (!Number.isFinite(d.samples[o + c]!)) fail(`${SAMPLE_FIELDS[c]} is missing (time and acceleration including gravity are required)`);
      if (i > 0 && !(d.samples[o]! > d.samples[o - SAMPLE_WIDTH]!)) fail(`time ${d.samples[o]} ms is not after the previous sample's`);
      for (let c = F.accelGX; c < SAMPLE_WIDTH; c++) {
        const v = d.samples[o + c]!;
        if (Math.abs(v) > LIMITS.maxAbsValue) fail(`${SAMPLE_FIELDS[c]} is ${v}, beyond ±${LIMITS.maxAbsValue}: check the units`);
      }
    }
  }
}

/** Where UTF-8 decoding fails, for the message; -1 if this simple check finds nothing. */
function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF, by their second byte.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 10) return `${mb.toFixed(0)} MB`;
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}
