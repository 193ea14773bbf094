"use client";

import { useCallback, useEffect, useState } from "react";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { ReplayInfo } from "@/lib/protocol/recordings";

const POLL_MS = 1000;

/** The server's replays, re-read every second while any plays (for progress), once otherwise. */
export function useReplays(): { replays: ReplayInfo[]; error: string | null; refresh: () => void; add: (r: ReplayInfo) => void } {
  const [replays, setReplays] = useState<ReplayInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    recordingsApi.replays().then(
      (list) => {
        setReplays(list);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  useEffect(refresh, [refresh]);

  const playing = replays.some((r) => r.status === "playing");
  useEffect(() => {
    if (!playing) return;
    const t = setInterval(refresh, POLL_MS);
    return () => clearInterval(t);
  }, [playing, refresh]);

  /** A replay just started here shows at once, before the next read. */
  const add = useCallback((r: ReplayInfo) => setReplays((list) => [r, ...list.filter((x) => x.id !== r.id)]), []);

  return { replays, error, refresh, add };
}
