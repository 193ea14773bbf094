"use client";

import { Button } from "@/components/ui/button";
import { DesktopHeader } from "./desktop-header";
import { RoomView } from "./room-view";
import { useDesktopRoom } from "./use-desktop-room";
import { useSimPhone } from "./use-sim-phone";

/** The desktop page: finds its room, then shows it; the simulated phone follows the room. */
export function DesktopApp() {
  const { room, error, retry, newRoom } = useDesktopRoom();
  const sim = useSimPhone(room);

  if (room) return <RoomView key={room} room={room} sim={sim} onNewRoom={newRoom} />;
  return (
    <div className="flex min-h-screen flex-col">
      <DesktopHeader />
      <main className="flex flex-1 flex-col items-center justify-center gap-5 p-8 text-center">
        {error ? (
          <>
            <h1 className="text-4xl font-bold text-slate-50">Cannot open a room</h1>
            <p className="max-w-xl text-lg text-slate-300">{error} Check that the Wristlab server is running, then try again.</p>
            <Button variant="primary" onClick={retry}>
              Try again
            </Button>
          </>
        ) : (
          <p className="animate-pulse text-2xl text-slate-300">Opening a room…</p>
        )}
      </main>
    </div>
  );
}
