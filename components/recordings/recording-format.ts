import type { RecordingDeviceInfo } from "@/lib/protocol/recordings";

/** "0:07", "12:34", "1:02:03": a running clock, read at a glance and never jumping in width within an hour. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function totalSamples(devices: readonly Pick<RecordingDeviceInfo, "samples">[]): number {
  return devices.reduce((n, d) => n + d.samples, 0);
}

/** "1 sample", "12,345 samples". */
export function samplesText(n: number): string {
  return `${n.toLocaleString()} sample${n === 1 ? "" : "s"}`;
}

/** Date and time of day, to the minute: enough to tell a day's sessions apart. */
export function startedText(ms: number): string {
  return new Date(ms).toLocaleString([], { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
}
