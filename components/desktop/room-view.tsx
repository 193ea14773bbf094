"use client";

import Link from "next/link";
import { ConnectionBanner, ConnectionPill } from "./connection-status";
import { DesktopHeader } from "./desktop-header";
import { DeviceCard } from "./device-card";
import { EmptyState } from "./empty-state";
import { NoticeToasts } from "./notice-toasts";
import { RoomSidebar } from "./room-sidebar";
import { SessionProvider, useRoomState } from "./session-context";
import { SimControl } from "./sim-control";
import { useDesktopSession } from "./use-desktop-session";
import { usePhoneUrl } from "./use-phone-url";
import type { SimPhoneControl } from "./use-sim-phone";
import { WristPanel } from "./wrist-panel";
import { DetectorPanel } from "@/components/models/detector-panel";
import { DetectorsProvider } from "@/components/models/detectors-context";
import { RecordingPanel } from "@/components/recordings/recording-panel";

export interface RoomViewProps {
  room: string;
  sim: SimPhoneControl;
  onNewRoom: () => Promise<void>;
}

/** Everything about one room; mounted with `key={room}` (see {@link useDesktopSession}). */
export function RoomView(props: RoomViewProps) {
  const session = useDesktopSession(props.room);

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
        <Link href="/scenes" data-testid="scenes-link" className="inline-flex h-11 items-center rounded-lg px-3 text-base font-medium text-slate-200 hover:bg-slate-800">
          Scenes
        </Link>
        <Link href="/recordings" data-testid="recordings-link" className="inline-flex h-11 items-center rounded-lg px-3 text-base font-medium text-slate-200 hover:bg-slate-800">
          Recordings
        </Link>
        <Link href="/studies" data-testid="studies-link" className="inline-flex h-11 items-center rounded-lg px-3 text-base font-medium text-slate-200 hover:bg-slate-800">
          Studies
        </Link>
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
            <RecordingPanel room={room} devices={devices} />
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
