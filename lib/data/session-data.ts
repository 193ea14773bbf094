import type { DeviceSource, Platform } from "../protocol/schemas";
import type { LabelSpan, RecordedEvent, RecordingTrim } from "../protocol/recordings";

/**
 * A whole recording session in memory, as the store reads it and as exports write
 * and imports read it: every device's samples, labels and model events. Label and
 * event times are on the recording clock (server ms); each device's samples keep
 * their own clock, and `clockOffsetMs` maps them onto it.
 */

export interface SessionDevice {
  id: string;
  name: string;
  source: DeviceSource;
  platform: Platform;
  /** Recording clock = sample tMs + clockOffsetMs. */
  clockOffsetMs: number;
  /** `length` rows of SAMPLE_WIDTH, device clock, NaN for a missing value. */
  samples: Float64Array;
  length: number;
}

export interface SessionData {
  name: string;
  /** The room it was recorded in, if any. */
  room: string | null;
  startedAtMs: number;
  endedAtMs: number | null;
  labelSet: string[];
  devices: SessionDevice[];
  labels: LabelSpan[];
  events: RecordedEvent[];
  trim: RecordingTrim | null;
}
