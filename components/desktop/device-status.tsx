import { Badge } from "@/components/ui/badge";
import { agoText } from "@/lib/client/desktop-format";
import type { DeviceInfo } from "@/lib/protocol/events";

/** A device that sent nothing for this long is connected but not streaming (Start not tapped, screen locked). */
const STALE_MS = 1500;

/** Connected and streaming, connected but quiet, or gone (and since when). */
export function DeviceStatus({ info, nowMs }: { info: DeviceInfo; nowMs: number | null }) {
  // Before the first clock reading, trust that the newest sample is recent.
  const sinceSampleMs = info.lastSampleAtMs === null ? null : nowMs === null ? 0 : nowMs - info.lastSampleAtMs;
  if (!info.connected) {
    return (
      <Badge tone="idle" dot className="text-base">
        {sinceSampleMs === null ? "Disconnected" : `Disconnected ${agoText(sinceSampleMs)}`}
      </Badge>
    );
  }
  if (sinceSampleMs === null || sinceSampleMs > STALE_MS) {
    return (
      <Badge tone="warn" dot="pulse" className="text-base">
        Connected, no motion yet{sinceSampleMs === null ? "" : ` (last ${agoText(sinceSampleMs)})`}
      </Badge>
    );
  }
  return (
    <Badge tone="good" dot="pulse" className="text-base">
      Live
    </Badge>
  );
}
