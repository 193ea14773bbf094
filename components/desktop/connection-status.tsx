"use client";

import { Badge } from "@/components/ui/badge";
import { useSessionState } from "./session-context";

/** The viewer link's state in the header; loud when the server is gone, since every figure on the page is then stale. */
export function ConnectionPill() {
  const { connection } = useSessionState();
  const up = connection === "connected";
  return (
    <Badge
      data-testid="connection-status"
      data-state={up ? "connected" : "disconnected"}
      tone={up ? "good" : connection === "connecting" ? "neutral" : "bad"}
      dot={up ? true : "pulse"}
      className="h-10 px-4 text-base"
      aria-live="polite"
    >
      {up ? "Connected" : connection === "connecting" ? "Connecting…" : "Reconnecting to server…"}
    </Badge>
  );
}

/** Full-width notice under the header while the link is down after having worked. */
export function ConnectionBanner() {
  const { connection } = useSessionState();
  if (connection !== "reconnecting") return null;
  return (
    <div role="status" className="border-b border-red-400/60 bg-red-950/80 px-6 py-3 text-center text-lg text-red-100">
      <strong className="font-semibold">Lost the connection to the server.</strong> Reconnecting… Phones keep their samples and catch up
      afterwards.
    </div>
  );
}
