"use client";

import { useEffect, useState } from "react";
import type { StreamHealthSnapshot } from "@/lib/stream/stream-health";
import { useSession } from "./session-context";

export interface HealthReading {
  /** What this screen received, or null before the first sample. */
  desktop: StreamHealthSnapshot | null;
  /**
   * When it was read: server time, or before the first clock estimate the desktop's
   * own clock (same server on a LAN: close enough for "12 s ago"). Null before the first read.
   */
  nowMs: number | null;
}

/** How often the figures refresh: fast enough to feel live, slow enough that React is not the bottleneck. */
const REFRESH_MS = 250;

/** The desktop-side health of one device, read from the store a few times a second (never per sample). */
export function useDeviceHealth(deviceId: string): HealthReading {
  const session = useSession();
  const [reading, setReading] = useState<HealthReading>({ desktop: null, nowMs: null });

  useEffect(() => {
    const timer = setInterval(() => {
      const nowServerMs = session.serverNowMs();
      setReading({ desktop: session.store.health(deviceId, nowServerMs ?? undefined), nowMs: nowServerMs ?? Date.now() });
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [session, deviceId]);

  return reading;
}
