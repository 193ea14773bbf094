import type { RecordingDeviceInfo, RecordingStatus, RecordingSummary } from "../protocol/recordings";
import type { DeviceSource, Platform } from "../protocol/schemas";

/** Rows of the recordings tables as SQLite returns them, and their API shapes. */

export interface RecordingRow {
  id: string;
  name: string;
  room: string | null;
  device_filter: string | null;
  origin: "live" | "import";
  imported_from: string | null;
  status: RecordingStatus;
  end_reason: string | null;
  started_at_ms: number;
  ended_at_ms: number | null;
  label_set: string;
  protocol: string | null;
  trim_start_ms: number | null;
  trim_end_ms: number | null;
  revision: number;
}

export interface DeviceRow {
  id: number;
  recording_id: string;
  device_id: string;
  name: string;
  source: DeviceSource;
  platform: Platform;
  clock_offset_ms: number;
  sample_count: number;
  first_t_ms: number | null;
  last_t_ms: number | null;
}

export function toSummary(r: RecordingRow, devices: DeviceRow[], labelCount: number, eventCount: number): RecordingSummary {
  return {
    id: r.id,
    name: r.name,
    room: r.room,
    deviceFilter: r.device_filter,
    origin: r.origin,
    importedFrom: r.imported_from,
    status: r.status,
    endReason: r.end_reason,
    startedAtMs: r.started_at_ms,
    endedAtMs: r.ended_at_ms,
    labelSet: JSON.parse(r.label_set) as string[],
    devices: devices.map(toDeviceInfo),
    labelCount,
    eventCount,
  };
}

export function toDeviceInfo(d: DeviceRow): RecordingDeviceInfo {
  return {
    id: d.device_id,
    name: d.name,
    source: d.source,
    platform: d.platform,
    clockOffsetMs: d.clock_offset_ms,
    samples: d.sample_count,
    firstTMs: d.first_t_ms,
    lastTMs: d.last_t_ms,
  };
}
