"use client";

import { useEffect, useState } from "react";
import { DesktopSession } from "@/lib/client/desktop-session";
import { desktopNowMs } from "./desktop-clock";
import { localStorageOrNull } from "./local-storage";

/**
 * The viewer session of one room, opened while the component is mounted. Mount it
 * with `key={room}`, so a new room gets a fresh store: streams of the old room (and
 * their sequence numbers) must not leak into it.
 */
export function useDesktopSession(room: string): DesktopSession {
  const [session] = useState(() => new DesktopSession({ url: window.location.origin, room, nowMs: desktopNowMs, storage: localStorageOrNull() }));

  useEffect(() => {
    // Deferred a tick: StrictMode's immediate unmount then cancels it, instead of opening a socket only to kill it mid-handshake.
    const t = setTimeout(() => session.open(), 0);
    return () => {
      clearTimeout(t);
      session.close();
    };
  }, [session]);

  return session;
}
