import type { LabelledSegment, MotionRecording } from "../data/motion-recording";
import { F, SAMPLE_WIDTH, type SampleTuple } from "../protocol/sample";
import type { StreamStore } from "../stream/stream-store";

/**
 * Clips recorded from the live stream for "teach a gesture": examples of the new
 * gesture and a stretch of anything else. Each clip becomes a {@link MotionRecording}
 * (server-clock times) that training treats like any imported recording.
 *
 * An example clip is longer than the gesture (people start late and stop late), so
 * its labelled segment is trimmed to where the wrist actually moved: the span whose
 * rotation rate or linear acceleration stands out from the clip's quietest part.
 */

export type ClipKind = "example" | "other";

export interface TeachClip {
  id: number;
  kind: ClipKind;
  recording: MotionRecording;
}

/** How far above the clip's quiet level counts as moving: a deliberate gesture is several times the tremor. */
const MOVING_FACTOR = 4;
/** Motion below these is never "moving", whatever the clip's quiet level (a perfectly still phone). */
const MIN_GYRO_RAD_PER_S = 0.3;
const MIN_LINEAR_MPS2 = 0.8;
/** Kept around the moving span so the gesture's start and end are inside the segment. */
const MARGIN_MS = 100;
/**
 * Longest segment kept: a taught model's window (1 s) must hold a whole example, so a
 * clip that moved longer (two gestures, or moving on) keeps the span around its peak.
 */
export const TEACH_SEGMENT_MAX_MS = 800;

function motionLevel(row: Float64Array, o: number): { gyro: number; linear: number } {
  const gyro = Math.hypot(row[o + F.gyroX]!, row[o + F.gyroY]!, row[o + F.gyroZ]!);
  const linear = Math.hypot(row[o + F.accelX]!, row[o + F.accelY]!, row[o + F.accelZ]!);
  return { gyro: Number.isNaN(gyro) ? 0 : gyro, linear: Number.isNaN(linear) ? 0 : linear };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

/**
 * The part of a clip where the wrist moved, at most {@link TEACH_SEGMENT_MAX_MS}
 * (around the strongest motion when it moved longer, or when nothing stands out).
 */
export function movingSpan(samples: Float64Array, length: number): { tStartMs: number; tEndMs: number } {
  const t = (i: number) => samples[i * SAMPLE_WIDTH]!;
  const whole = { tStartMs: t(0), tEndMs: t(length - 1) + 1 };
  if (length < 3) return whole;
  const levels = Array.from({ length }, (_, i) => motionLevel(samples, i * SAMPLE_WIDTH));
  const gyroLimit = Math.max(MIN_GYRO_RAD_PER_S, MOVING_FACTOR * quantile(levels.map((l) => l.gyro), 0.2));
  const linearLimit = Math.max(MIN_LINEAR_MPS2, MOVING_FACTOR * quantile(levels.map((l) => l.linear), 0.2));
  const moving = levels.map((l) => l.gyro > gyroLimit || l.linear > linearLimit);
  const first = moving.indexOf(true);
  const last = moving.lastIndexOf(true);
  const span =
    first < 0 ? whole : { tStartMs: Math.max(whole.tStartMs, t(first) - MARGIN_MS), tEndMs: Math.min(whole.tEndMs, t(last) + MARGIN_MS) };
  if (span.tEndMs - span.tStartMs <= TEACH_SEGMENT_MAX_MS) return span;
  // Too long to be one gesture (or nothing stood out): keep the stretch around the strongest motion.
  const strength = (l: { gyro: number; linear: number }) => l.gyro / gyroLimit + l.linear / linearLimit;
  let peak = 0;
  levels.forEach((l, i) => {
    if (strength(l) > strength(levels[peak]!)) peak = i;
  });
  const start = Math.max(whole.tStartMs, Math.min(t(peak) - TEACH_SEGMENT_MAX_MS / 2, whole.tEndMs - TEACH_SEGMENT_MAX_MS));
  return { tStartMs: start, tEndMs: Math.min(whole.tEndMs, start + TEACH_SEGMENT_MAX_MS) };
}

/**
 * Records clips of one device's samples as the store takes them. One clip at a time;
 * `stop` returns it (null when no sample arrived, e.g. the phone was off).
 */
export class TeachCapture {
  private rows: number[] = [];
  private recording: { kind: ClipKind; deviceId: string } | null = null;
  private nextId = 1;
  private readonly unsubscribe: () => void;

  constructor(
    store: StreamStore,
    private readonly label: () => string,
  ) {
    this.unsubscribe = store.onSample((deviceId, sample, serverMs) => this.take(deviceId, sample, serverMs));
  }

  get active(): ClipKind | null {
    return this.recording?.kind ?? null;
  }

  /** Samples in the clip being recorded. */
  get samples(): number {
    return this.rows.length / SAMPLE_WIDTH;
  }

  start(kind: ClipKind, deviceId: string): void {
    this.rows = [];
    this.recording = { kind, deviceId };
  }

  stop(): TeachClip | null {
    const rec = this.recording;
    this.recording = null;
    const length = this.rows.length / SAMPLE_WIDTH;
    if (!rec || length === 0) return null;
    const samples = Float64Array.from(this.rows);
    this.rows = [];
    const id = this.nextId++;
    const segments: LabelledSegment[] = rec.kind === "example" ? [{ label: this.label(), ...movingSpan(samples, length) }] : [];
    return {
      id,
      kind: rec.kind,
      recording: { id: `teach/${rec.kind}-${id}`, group: `teach-${id}`, source: `live:${rec.deviceId}`, samples, length, segments },
    };
  }

  close(): void {
    this.unsubscribe();
  }

  /** Rows keep server-clock times so clips of one session share a time axis. */
  private take(deviceId: string, sample: SampleTuple, serverMs: number) {
    if (!this.recording || deviceId !== this.recording.deviceId) return;
    this.rows.push(serverMs);
    for (let c = 1; c < SAMPLE_WIDTH; c++) this.rows.push(sample[c] ?? NaN);
  }
}
