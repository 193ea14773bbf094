import { Badge } from "@/components/ui/badge";
import { agoText, durationText } from "@/lib/client/desktop-format";
import type { DeviceInfo } from "@/lib/protocol/events";

/** A device that sent nothing for this long is connected but not streaming (Start not tapped, screen locked). */
const STALE_MS = 1500;

export interface DeviceStatusProps {
  info: DeviceInfo;
  /** See `HealthReading.nowMs`. */
  nowMs: number | null;
  /** Whether this screen hears the server: without it, the room state is old news. */
  linkUp: boolean;
}

/** Streaming, connected but quiet, or gone (and since when). */
export function DeviceStatus({ info, nowMs, linkUp }: DeviceStatusProps) {
  // Before the first clock reading, trust that the newest sample is recent.
  const sinceSampleMs = info.lastSampleAtMs === null ? null : nowMs === null ? 0 : nowMs - info.lastSampleAtMs;
  const [tone, dot, text] = !linkUp
    ? (["idle", true, "Status unknown: server unreachable"] as const)
    : !info.connected
      ? (["idle", true, sinceSampleMs === null ? "Disconnected" : `Disconnected ${agoText(sinceSampleMs)}`] as const)
      : sinceSampleMs === null
        ? (["warn", "pulse", "Connected, waiting for motion"] as const)
        : sinceSampleMs > STALE_MS
          ? (["warn", "pulse", `Connected, no motion for ${durationText(sinceSampleMs)}`] as const)
          : (["good", "pulse", "Live"] as const);
  return (
    <Badge tone={tone} dot={dot} className="text-base">
      {text}
    </Badge>
  );
}
