import { SAMPLE_WIDTH } from "../protocol/sample";
import type { SessionData } from "./session-data";

/**
 * Our lossless recording format, JSON Lines: one JSON object per line, each with a
 * `type` (docs/data-formats.md, "Recording exports"):
 *
 * 1. `{"type":"wristlab-recording","version":1,name,room,startedAtMs,endedAtMs,labelSet,trim,labels,events}`:
 *    the header, always the first line; `labels` and `events` count the lines of
 *    those types that follow.
 * 2. `{"type":"device",id,name,source,platform,clockOffsetMs,samples}` per device;
 *    `samples` counts its sample lines.
 * 3. `{"type":"sample","device":id,"s":[13 values]}` per sample, in the wire
 *    tuple's order and units, on the device's clock, `null` where NaN.
 * 4. `{"type":"label",label,tStartMs,tEndMs}` per label span, recording clock.
 * 5. `{"type":"event",tMs,deviceId,interaction,detector,score}` per model event, recording clock.
 *
 * Everything is kept: every sample bit for bit (numbers are written in the
 * shortest form that reads back as the same double, -0 included), the trim
 * without cutting anything, and the clock offsets. The counts let a reader tell a
 * file cut short from a complete one.
 */

export const JSONL_HEADER_TYPE = "wristlab-recording";
export const JSONL_VERSION = 1;

export function sessionToJsonl(session: SessionData): string {
  const lines: string[] = [];
  for (const line of sessionJsonlLines(session)) lines.push(line);
  return lines.join("\n") + "\n";
}

/** The file line by line (without line ends), for a server that streams it. */
export function* sessionJsonlLines(session: SessionData): Generator<string> {
  yield JSON.stringify({
    type: JSONL_HEADER_TYPE,
    version: JSONL_VERSION,
    name: session.name,
    room: session.room,
    startedAtMs: session.startedAtMs,
    endedAtMs: session.endedAtMs,
    labelSet: session.labelSet,
    trim: session.trim ? { startMs: session.trim.startMs, endMs: session.trim.endMs } : null,
    labels: session.labels.length,
    events: session.events.length,
  });
  for (const d of session.devices) {
    yield JSON.stringify({
      type: "device",
      id: d.id,
      name: d.name,
      source: d.source,
      platform: d.platform,
      clockOffsetMs: d.clockOffsetMs,
      samples: d.length,
    });
  }
  const values = new Array<string>(SAMPLE_WIDTH);
  for (const d of session.devices) {
    const prefix = `{"type":"sample","device":${JSON.stringify(d.id)},"s":[`;
    for (let i = 0; i < d.length; i++) {
      const o = i * SAMPLE_WIDTH;
      for (let c = 0; c < SAMPLE_WIDTH; c++) values[c] = jsonNumber(d.samples[o + c]!);
      yield `${prefix}${values.join(",")}]}`;
    }
  }
  for (const l of session.labels) yield JSON.stringify({ type: "label", label: l.label, tStartMs: l.tStartMs, tEndMs: l.tEndMs });
  for (const e of session.events) {
    yield JSON.stringify({ type: "event", tMs: e.tMs, deviceId: e.deviceId, interaction: e.interaction, detector: e.detector, score: e.score });
  }
}

/** JSON.stringify writes -0 as 0 and NaN as null; the sign of zero is data too. */
function jsonNumber(v: number): string {
  if (Number.isNaN(v)) return "null";
  // The wire refuses infinite values, so one here is a bug upstream, not data to write as invalid JSON.
  if (!Number.isFinite(v)) throw new RangeError(`a sample holds ${v}, which JSON cannot represent`);
  return Object.is(v, -0) ? "-0" : String(v);
}
