import { labelSpanSchema, type LabelSpan, type RecordedEvent, type RecordingTrim } from "../protocol/recordings";
import { F, SAMPLE_FIELDS, SAMPLE_WIDTH } from "../protocol/sample";
import { DEVICE_SOURCES, PLATFORMS, deviceIdSchema } from "../protocol/schemas";
import { JSONL_HEADER_TYPE, JSONL_VERSION } from "./export-jsonl";
import { fileBaseName, type ImportCommonOptions } from "./import-common";
import { ImportError } from "./import-error";
import type { MotionRecording } from "./motion-recording";
import { RecordingBuilder } from "./recording-builder";
import type { SessionData, SessionDevice } from "./session-data";
import { sessionMotionRecordings } from "./session-motion";

/**
 * Reads our JSON Lines recording (written by export-jsonl.ts, whose comment lists
 * the line types) back into a {@link SessionData}, checking every line: a file
 * that is wrong anywhere is refused with the line and the reason, never half read.
 * Fields we do not know are ignored, so a newer writer's extras do not break it.
 */

/** True when the first non-blank line is our header; cheap, it parses that line only. */
export function isWristlabJsonl(text: string): boolean {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== "{") return false;
  const end = text.indexOf("\n", start);
  try {
    const first: unknown = JSON.parse(text.slice(start, end < 0 ? undefined : end));
    return isRecord(first) && first.type === JSONL_HEADER_TYPE;
  } catch {
    return false;
  }
}

interface DeviceBuild {
  info: Omit<SessionDevice, "samples" | "length">;
  builder: RecordingBuilder;
  declared: number | null;
  line: number;
}

export function sessionFromJsonl(text: string, file: string): SessionData {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split("\n");
  let header: { session: Omit<SessionData, "devices" | "labels" | "events">; labels: number | null; events: number | null; line: number } | null = null;
  const devices = new Map<string, DeviceBuild>();
  const labels: LabelSpan[] = [];
  const events: RecordedEvent[] = [];
  const row = new Float64Array(SAMPLE_WIDTH);

  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i]!.replace(/\r$/, "");
    if (lineText.trim() === "") continue;
    const r = LineReader.parse(file, i + 1, lineText);
    const type = r.string("type");
    if (!header) {
      if (type !== JSONL_HEADER_TYPE) r.fail(`the first line must be the recording header {"type":"${JSONL_HEADER_TYPE}",...}, found type '${type}'`);
      header = { ...headerRead(r), line: i + 1 };
      continue;
    }
    switch (type) {
      case "sample": {
        const id = r.string("device");
        const device = devices.get(id) ?? r.fail(`sample for device '${id}' before its device line`);
        sampleRead(r, row);
        const last = device.builder.lastTMs;
        if (row[F.tMs]! <= last) r.fail(`times not increasing for device '${id}': ${row[F.tMs]} ms after ${last} ms`);
        device.builder.push(row);
        break;
      }
      case "device": {
        const d = deviceRead(r);
        if (devices.has(d.info.id)) r.fail(`device '${d.info.id}' appears twice`);
        devices.set(d.info.id, { ...d, builder: new RecordingBuilder(), line: i + 1 });
        break;
      }
      case "label":
        labels.push(labelRead(r));
        break;
      case "event":
        events.push(eventRead(r));
        break;
      case JSONL_HEADER_TYPE:
        r.fail("a second recording header: one file holds one recording");
        break;
      default:
        r.fail(`unknown line type '${type}' (expected device, sample, label or event)`);
    }
  }
  if (!header) throw new ImportError(file, "empty file");

  const cutShort = (found: string, says: string, line: number): never => {
    throw new ImportError(file, `${found}, but ${says}: the file looks cut short or edited`, { line });
  };
  for (const [id, d] of devices) {
    if (d.declared !== null && d.declared !== d.builder.length) cutShort(`device '${id}' has ${d.builder.length} sample lines`, `its device line says ${d.declared}`, d.line);
  }
  if (header.labels !== null && header.labels !== labels.length) cutShort(`${labels.length} label lines`, `the header says ${header.labels}`, header.line);
  if (header.events !== null && header.events !== events.length) cutShort(`${events.length} event lines`, `the header says ${header.events}`, header.line);

  return {
    ...header.session,
    devices: [...devices.values()].map((d) => {
      const { samples, length } = d.builder.build({ id: d.info.id, group: "", source: file });
      return { ...d.info, samples, length };
    }),
    labels,
    events,
  };
}

/** The file's devices as training and evaluation read them ({@link sessionMotionRecordings}). */
export function jsonlRecordingsImport(text: string, file: string, opts: ImportCommonOptions = {}): MotionRecording[] {
  const session = sessionFromJsonl(text, file);
  const out = sessionMotionRecordings(session, opts.idPrefix ?? fileBaseName(file), file);
  if (out.length === 0) throw new ImportError(file, session.trim ? "no samples inside the trim" : "no samples");
  return out;
}

function headerRead(r: LineReader) {
  const version = r.number("version");
  if (version !== JSONL_VERSION) {
    r.fail(version > JSONL_VERSION ? `version ${version} is newer than this reader (it reads ${JSONL_VERSION}): update Wristlab` : `unknown version ${version}`);
  }
  const labelSet = r.array("labelSet").map((v, i) => (typeof v === "string" ? v : r.fail(`labelSet[${i}]: expected text`)));
  const trimValue = r.field("trim");
  let trim: RecordingTrim | null = null;
  if (trimValue !== null) {
    const t = new LineReader(r.file, r.line, trimValue, "trim.");
    trim = { startMs: t.number("startMs"), endMs: t.number("endMs") };
    if (!(trim.endMs > trim.startMs)) r.fail("trim must end after it starts");
  }
  return {
    session: {
      name: r.string("name"),
      room: r.nullable("room", () => r.string("room")),
      startedAtMs: r.number("startedAtMs"),
      endedAtMs: r.nullable("endedAtMs", () => r.number("endedAtMs")),
      labelSet,
      trim,
    },
    labels: r.optionalCount("labels"),
    events: r.optionalCount("events"),
  };
}

function deviceRead(r: LineReader): { info: DeviceBuild["info"]; declared: number | null } {
  const id = r.string("id");
  if (!deviceIdSchema.safeParse(id).success) r.fail(`device id '${id}' must be 6-64 letters, digits, '_' or '-'`);
  return {
    info: { id, name: r.string("name"), source: r.oneOf("source", DEVICE_SOURCES), platform: r.oneOf("platform", PLATFORMS), clockOffsetMs: r.number("clockOffsetMs") },
    declared: r.optionalCount("samples"),
  };
}

function sampleRead(r: LineReader, row: Float64Array): void {
  const s = r.array("s");
  if (s.length !== SAMPLE_WIDTH) r.fail(`s has ${s.length} values, expected ${SAMPLE_WIDTH} (${SAMPLE_FIELDS.join(", ")})`);
  for (let c = 0; c < SAMPLE_WIDTH; c++) {
    const name = `s[${c}] (${SAMPLE_FIELDS[c]})`;
    const v = s[c];
    if (v === null) {
      if (c <= F.accelGZ) r.fail(`${name} is null, but time and acceleration including gravity are required`);
      row[c] = NaN;
    } else row[c] = r.finite(v, name);
  }
}

function labelRead(r: LineReader): LabelSpan {
  const span = { label: r.string("label"), tStartMs: r.number("tStartMs"), tEndMs: r.number("tEndMs") };
  const checked = labelSpanSchema.safeParse(span);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    r.fail(`${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
  }
  return span;
}

function eventRead(r: LineReader): RecordedEvent {
  const score = r.nullable("score", () => r.number("score"));
  if (score !== null && !(score >= 0 && score <= 1)) r.fail(`score must be between 0 and 1 or null, found ${score}`);
  return { tMs: r.number("tMs"), deviceId: r.string("deviceId"), interaction: r.string("interaction"), detector: r.string("detector"), score };
}

/** One parsed line's fields, each failure an {@link ImportError} naming the line and the field. */
class LineReader {
  private readonly obj: Record<string, unknown>;

  /** `prefix` names a nested object in messages (`trim.`). */
  constructor(
    readonly file: string,
    readonly line: number,
    value: unknown,
    private readonly prefix = "",
  ) {
    if (!isRecord(value)) this.fail(`${prefix ? `${prefix.slice(0, -1)}: ` : ""}expected a JSON object, found ${kindOf(value)}`);
    this.obj = value;
  }

  static parse(file: string, line: number, text: string): LineReader {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const fail = (reason: string) => new ImportError(file, reason, { line });
      if (/(^|[^\w"])(NaN|-?Infinity)\b/.test(text)) throw fail("NaN and Infinity are not JSON: write null for a missing value");
      throw fail(`not valid JSON: ${(e as Error).message.replace(/, (?:\.\.\.)?".*is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/, "")}`);
    }
    return new LineReader(file, line, value);
  }

  fail(reason: string): never {
    throw new ImportError(this.file, reason, { line: this.line });
  }

  field(key: string): unknown {
    if (!(key in this.obj)) this.fail(`missing field ${this.prefix}${key}`);
    return this.obj[key];
  }

  string(key: string): string {
    const v = this.field(key);
    return typeof v === "string" ? v : this.fail(`${this.prefix}${key}: expected text, found ${kindOf(v)}`);
  }

  number(key: string): number {
    return this.finite(this.field(key), `${this.prefix}${key}`);
  }

  array(key: string): unknown[] {
    const v = this.field(key);
    return Array.isArray(v) ? v : this.fail(`${this.prefix}${key}: expected an array, found ${kindOf(v)}`);
  }

  nullable<T>(key: string, read: () => T): T | null {
    return this.field(key) === null ? null : read();
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.string(key);
    return (allowed as readonly string[]).includes(v) ? (v as T) : this.fail(`${key}: '${v}' is not one of ${allowed.join(", ")}`);
  }

  /** A count written by our exporter; absent in hand-made files, so not required. */
  optionalCount(key: string): number | null {
    if (!(key in this.obj)) return null;
    const n = this.number(key);
    return Number.isInteger(n) && n >= 0 ? n : this.fail(`${key}: expected a count, found ${n}`);
  }

  finite(v: unknown, name: string): number {
    if (typeof v === "number") {
      // JSON.parse turns 1e999 into Infinity.
      return Number.isFinite(v) ? v : this.fail(`${name}: number out of range`);
    }
    if (typeof v === "string") {
      if (/^\s*[+-]?(nan|inf(inity)?)\s*$/i.test(v)) this.fail(`${name}: '${v}' is text, and JSON has no NaN or Infinity (write null for a missing value)`);
      this.fail(`${name}: text in a number field: '${v.slice(0, 30)}'`);
    }
    return this.fail(`${name}: expected a number, found ${kindOf(v)}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `text '${v.slice(0, 30)}'`;
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}
