"use client";

import { useCallback } from "react";
import { desktopNowMs } from "@/components/desktop/desktop-clock";
import { useSession } from "@/components/desktop/session-context";

/** The server clock minus this page's, for charts drawn on the server's time; null before the first ping. */
export function useServerOffset(): () => number | null {
  const session = useSession();
  return useCallback(() => {
    const s = session.serverNowMs();
    return s === null ? null : s - desktopNowMs();
  }, [session]);
}
