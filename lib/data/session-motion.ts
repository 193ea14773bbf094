import { SAMPLE_WIDTH } from "../protocol/sample";
import { trimmedRange } from "./export-csv";
import type { LabelledSegment, MotionRecording } from "./motion-recording";
import { meanPeriodMs } from "./recording-builder";
import type { SessionData } from "./session-data";

/**
 * One {@link MotionRecording} per device with samples, for training and evaluation:
 * only the trimmed span, label spans moved onto the device's clock and clipped to
 * its samples. All devices of a session share one group (one session, one person),
 * so a split never puts one session on both sides.
 */
export function sessionMotionRecordings(session: SessionData, idPrefix: string, source: string): MotionRecording[] {
  const out: MotionRecording[] = [];
  for (const d of session.devices) {
    const { from, to } = trimmedRange(d, session.trim);
    if (to <= from) continue;
    const samples = d.samples.slice(from * SAMPLE_WIDTH, to * SAMPLE_WIDTH);
    const length = to - from;
    const firstMs = samples[0]!;
    const endMs = samples[(length - 1) * SAMPLE_WIDTH]! + (meanPeriodMs(samples, length) || 1);
    const segments: LabelledSegment[] = [];
    for (const l of session.labels) {
      const tStartMs = Math.max(l.tStartMs - d.clockOffsetMs, firstMs);
      const tEndMs = Math.min(l.tEndMs - d.clockOffsetMs, endMs);
      if (tEndMs > tStartMs) segments.push({ label: l.label, tStartMs, tEndMs });
    }
    segments.sort((a, b) => a.tStartMs - b.tStartMs);
    out.push({ id: `${idPrefix}#${d.id}`, group: idPrefix, source, samples, length, segments });
  }
  return out;
}
