"use client";

import { useEffect, useState } from "react";
import { DesktopSession } from "@/lib/client/desktop-session";
import { ConnectionBanner, ConnectionPill } from "./connection-status";
import { desktopNowMs } from "./desktop-clock";
import { DesktopHeader } from "./desktop-header";
import { DeviceCard } from "./device-card";
import { EmptyState } from "./empty-state";
import { localStorageOrNull } from "./local-storage";
import { NoticeToasts } from "./notice-toasts";
import { RoomSidebar } from "./room-sidebar";
import { SessionProvider, useRoomState } from "./session-context";
import { SimControl } from "./sim-control";
import { usePhoneUrl } from "./use-phone-url";
import type { SimPhoneControl } from "./use-sim-phone";
import { WristPanel } from "./wrist-panel";
import { DetectorPanel } from "@/components/models/detector-panel";
import { DetectorsProvider } from "@/components/models/detectors-context";

export interface RoomViewProps {
  room: string;
  sim: SimPhoneControl;
  onNewRoom: () => Promise<void>;
}

/**
 * Everything about one room. Mounted with `key={room}`, so a new room gets a fresh
 * store: streams of the old room (and their sequence numbers) must not leak into it.
 */
export function RoomView(props: RoomViewProps) {
  const [session] = useState(
    () => new DesktopSession({ url: window.location.origin, room: props.room, nowMs: desktopNowMs, storage: localStorageOrNull() }),
  );

  useEffect(() => {
    // Deferred a tick: StrictMode's immediate unmount then cancels it, instead of opening a socket only to kill it mid-handshake.
    const t = setTimeout(() => session.open(), 0);
    return () => {
      clearTimeout(t);
      session.close();
    };
  }, [session]);

  return (
    <SessionProvider value={session}>
      <DetectorsProvider session={session}>
        <RoomLayout {...props} />
      </DetectorsProvider>
    </SessionProvider>
  );
}

function RoomLayout({ room, sim, onNewRoom }: RoomViewProps) {
  const state = useRoomState();
  const phone = usePhoneUrl(room);
  const devices = state?.devices ?? [];

  return (
    <div className="flex min-h-screen flex-col">
      <DesktopHeader>
        <SimControl sim={sim} />
        <ConnectionPill />
      </DesktopHeader>
      <ConnectionBanner />
      {devices.length === 0 ? (
        <EmptyState code={room} room={state} phone={phone} onNewRoom={onNewRoom} />
      ) : (
        <div className="grid flex-1 grid-cols-[20rem_minmax(0,1fr)] 2xl:grid-cols-[23rem_minmax(0,1fr)]">
          <RoomSidebar code={room} room={state} phone={phone} onNewRoom={onNewRoom} />
          <main className="flex min-w-0 flex-col gap-5 p-5">
            <WristPanel devices={devices} />
            <DetectorPanel devices={devices} />
            {devices.map((d) => (
              <DeviceCard key={d.id} info={d} />
            ))}
          </main>
        </div>
      )}
      <NoticeToasts />
    </div>
  );
}
