import type { RecordingDetail } from "@/lib/protocol/recordings";
import type { TimeWindow } from "@/lib/review/timeline-view";

/** Shown when a recording has no extent yet (started, no sample): one second, so the axes have a scale. */
const EMPTY_SPAN_MS = 1000;

/**
 * The stretch of the recording clock the timeline can show: from the start (or an
 * earlier sample) to the end, the last sample, label, event, mark or score, whichever is latest.
 * Samples are mapped with each device's clock offset, so devices line up.
 */
export function recordingBounds(d: RecordingDetail): TimeWindow {
  let startMs = d.startedAtMs;
  let endMs = d.endedAtMs ?? d.startedAtMs;
  const take = (a: number, b: number) => {
    startMs = Math.min(startMs, a);
    endMs = Math.max(endMs, b);
  };
  for (const dev of d.devices) {
    if (dev.firstTMs !== null && dev.lastTMs !== null) take(dev.firstTMs + dev.clockOffsetMs, dev.lastTMs + dev.clockOffsetMs);
  }
  for (const l of d.labels) take(l.tStartMs, l.tEndMs);
  for (const e of d.events) take(e.tMs, e.tMs);
  for (const m of d.marks) take(m.tMs, m.tMs);
  for (const s of d.scores) for (const t of s.tMs) take(t, t);
  return { startMs, endMs: endMs > startMs ? endMs : startMs + EMPTY_SPAN_MS };
}

/** The label choices in key order: the label set (keys 1-9 as when recording), then any other label in use. */
export function labelChoices(labelSet: readonly string[], labels: readonly { label: string }[]): string[] {
  const out = [...labelSet];
  for (const l of labels) if (!out.includes(l.label)) out.push(l.label);
  return out;
}
