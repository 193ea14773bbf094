"use client";

import type { RoomState } from "@/lib/protocol/events";
import { NewRoomButton } from "./new-room-button";
import { PhoneSteps } from "./phone-steps";
import { PhoneUrlField } from "./phone-url-field";
import { RoomCode } from "./room-code";
import { RoomPeople } from "./room-people";
import { RoomQr } from "./room-qr";
import type { PhoneUrlState } from "./use-phone-url";

export interface RoomSidebarProps {
  code: string;
  room: RoomState | null;
  phone: PhoneUrlState;
  onNewRoom: () => Promise<void>;
}

/** The room beside live devices: still easy to join (a second phone, a participant's own), but out of the charts' way. */
export function RoomSidebar({ code, room, phone, onNewRoom }: RoomSidebarProps) {
  const connected = room?.devices.filter((d) => d.connected).length ?? 0;
  return (
    <aside className="sticky top-[72px] flex max-h-[calc(100vh-72px)] flex-col gap-4 overflow-y-auto *:shrink-0 border-r border-slate-800 px-5 py-6">
      <RoomCode code={code} />
      <RoomQr url={phone.url} className="max-w-[200px] p-0.5 2xl:max-w-[240px]" />
      <PhoneUrlField phone={phone} stacked />
      <PhoneSteps />
      <RoomPeople room={room} />
      <NewRoomButton onNewRoom={onNewRoom} devicesConnected={connected} />
    </aside>
  );
}
