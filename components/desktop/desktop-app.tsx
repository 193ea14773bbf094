"use client";

import { RoomOpenFallback } from "./room-open-fallback";
import { RoomView } from "./room-view";
import { useDesktopRoom } from "./use-desktop-room";
import { useSimPhone } from "./use-sim-phone";

/** The desktop page: finds its room, then shows it; the simulated phone follows the room. */
export function DesktopApp() {
  const { room, error, retry, newRoom } = useDesktopRoom();
  const sim = useSimPhone(room);

  if (room) return <RoomView key={room} room={room} sim={sim} onNewRoom={newRoom} />;
  return <RoomOpenFallback error={error} retry={retry} waiting="Opening a room…" />;
}
