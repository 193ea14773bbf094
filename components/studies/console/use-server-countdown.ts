"use client";

import { useEffect, useState } from "react";
import { useSession } from "@/components/desktop/session-context";

/** Whole seconds until `untilMs` on the server's clock, ticking; null without a deadline. */
export function useServerCountdown(untilMs: number | null): number | null {
  const session = useSession();
  const [nowMs, setNowMs] = useState(() => session.serverNowMs() ?? Date.now());
  useEffect(() => {
    if (untilMs === null) return;
    const t = setInterval(() => setNowMs(session.serverNowMs() ?? Date.now()), 200);
    return () => clearInterval(t);
  }, [session, untilMs]);
  return untilMs === null ? null : Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}
