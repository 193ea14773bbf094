"use client";

import { PhoneUrlField } from "@/components/desktop/phone-url-field";
import { RoomQr } from "@/components/desktop/room-qr";
import { usePhoneUrl } from "@/components/desktop/use-phone-url";

/** In place of the 3D wrist while no phone is in the room: how to bring one (`simHint`: the page has a simulated phone switch). */
export function SceneJoinCard({ room, simHint = true }: { room: string; simHint?: boolean }) {
  const phone = usePhoneUrl(room);
  return (
    <div data-testid="scene-join" className="grid h-full grid-cols-[minmax(0,1fr)_auto] items-center gap-6 p-6">
      <div className="flex min-w-0 flex-col gap-3">
        <p className="text-2xl font-semibold text-slate-50">No phone in this room yet</p>
        <p className="text-base text-slate-300">
          Scan the code with the phone you will wear
          {simHint ? (
            <>
              , or switch on <span className="font-semibold text-slate-100">Simulated phone</span> at the top right.
            </>
          ) : (
            "."
          )}
        </p>
        <PhoneUrlField phone={phone} />
      </div>
      <div className="flex w-44 flex-col items-center gap-2">
        <RoomQr url={phone.url} />
        <p className="font-mono text-2xl font-bold tracking-[0.08em] text-slate-50">{room}</p>
      </div>
    </div>
  );
}
