"use client";

import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { RoomState } from "@/lib/protocol/events";
import type { DesktopSession, DesktopSessionState } from "@/lib/client/desktop-session";

const SessionContext = createContext<DesktopSession | null>(null);

export const SessionProvider = SessionContext.Provider;

/** The room's session; components below a {@link SessionProvider} only. */
export function useSession(): DesktopSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession needs a SessionProvider above it");
  return session;
}

export function useSessionState(): DesktopSessionState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

/** Room-level state (devices, viewers, server-side health); changes ~1/s, never per sample. */
export function useRoomState(): RoomState | null {
  const { store } = useSession();
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const snapshot = useCallback(() => store.room, [store]);
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
