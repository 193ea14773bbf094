"use client";

import type { RoomState } from "@/lib/protocol/events";
import { NewRoomButton } from "./new-room-button";
import { PhoneSteps } from "./phone-steps";
import { PhoneUrlField } from "./phone-url-field";
import { RoomCode } from "./room-code";
import { RoomPeople } from "./room-people";
import { RoomQr } from "./room-qr";
import type { PhoneUrlState } from "./use-phone-url";

export interface EmptyStateProps {
  code: string;
  room: RoomState | null;
  phone: PhoneUrlState;
  onNewRoom: () => Promise<void>;
}

/** The room before any device joined: joining is the only thing to do, so the QR code takes the stage. */
export function EmptyState({ code, room, phone, onNewRoom }: EmptyStateProps) {
  return (
    <main className="flex flex-1 items-center justify-center p-6 xl:p-10">
      <div className="grid w-full max-w-[88rem] grid-cols-[minmax(0,1fr)_auto] items-center gap-10 rounded-3xl border border-slate-700/70 bg-slate-900/60 p-8 shadow-2xl shadow-black/40 xl:gap-16 xl:p-12">
        <div className="flex min-w-0 flex-col gap-6">
          <div>
            <p className="flex items-center gap-3 text-lg font-medium text-sky-300">
              <span aria-hidden className="size-3 animate-pulse rounded-full bg-sky-300" />
              No device in this room yet
            </p>
            <h1 className="mt-2 text-5xl font-bold tracking-tight text-slate-50 2xl:text-7xl">Waiting for a phone</h1>
            <p className="mt-3 max-w-2xl text-xl text-slate-300 2xl:text-2xl">Its motion sensors will stream here live, with charts and stream health.</p>
          </div>
          <PhoneSteps large />
          <PhoneUrlField phone={phone} />
          <p className="text-base text-slate-400">
            No phone at hand? Switch on <span className="font-semibold text-slate-200">Simulated phone</span> at the top right.
          </p>
        </div>
        <div className="flex w-[clamp(240px,26vw,440px)] flex-col items-center gap-5">
          <RoomQr url={phone.url} className="p-1 shadow-lg shadow-sky-500/10 ring-4 ring-sky-400/40" />
          <RoomCode code={code} size="lg" className="text-center" />
          <div className="flex w-full items-end justify-between gap-4 border-t border-slate-700/70 pt-4">
            <RoomPeople room={room} showDevices={false} />
            <NewRoomButton onNewRoom={onNewRoom} devicesConnected={0} />
          </div>
        </div>
      </div>
    </main>
  );
}
