"use client";

import { useCallback, useEffect, useState } from "react";
import { desktopRoomCreate, desktopRoomHref, desktopRoomResolve, ROOM_STORAGE_KEY } from "@/lib/client/desktop-room";
import type { RoomCode } from "@/lib/protocol/room-code";

/**
 * Module scope, not a ref: StrictMode runs the effect twice in development, and each
 * run would otherwise POST a room of its own.
 */
let initialRoom: Promise<RoomCode> | null = null;

function storedRoom(): string | null {
  try {
    return window.localStorage.getItem(ROOM_STORAGE_KEY);
  } catch {
    return null; // storage can be off (private mode, policies): the URL still carries the room
  }
}

function rememberRoom(code: RoomCode) {
  try {
    window.localStorage.setItem(ROOM_STORAGE_KEY, code);
  } catch {
    // Same as above: the URL is enough for this tab.
  }
  window.history.replaceState(window.history.state, "", desktopRoomHref(window.location.href, code));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface DesktopRoom {
  room: RoomCode | null;
  /** Why no room could be found or made (typically: the server is down). */
  error: string | null;
  retry: () => void;
  newRoom: () => Promise<void>;
}

/** The room of this screen: from the URL, storage or the server, and kept in the URL for reloads and observers. */
export function useDesktopRoom(): DesktopRoom {
  const [room, setRoom] = useState<RoomCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const adopt = useCallback((code: RoomCode) => {
    rememberRoom(code);
    setRoom(code);
    setError(null);
  }, []);

  useEffect(() => {
    let live = true;
    initialRoom ??= desktopRoomResolve({ search: window.location.search, stored: storedRoom(), create: () => desktopRoomCreate() });
    initialRoom.then(
      (code) => live && adopt(code),
      (e: unknown) => {
        initialRoom = null;
        if (live) setError(message(e));
      },
    );
    return () => {
      live = false;
    };
  }, [adopt, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  /** Rejects when the server cannot make a room; the caller shows that next to its button. */
  const newRoom = useCallback(async () => adopt(await desktopRoomCreate()), [adopt]);

  return { room, error, retry, newRoom };
}
