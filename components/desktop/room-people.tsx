"use client";

import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { DOT_TONES } from "@/components/ui/badge";
import type { RoomState } from "@/lib/protocol/events";
import { useSessionState } from "./session-context";

function Heading({ children }: { children: ReactNode }) {
  return <h3 className="text-xs font-semibold tracking-[0.2em] text-slate-400 uppercase">{children}</h3>;
}

/** Who is in the room: the screens watching it and, optionally, its devices. */
export function RoomPeople({ room, showDevices = true, className }: { room: RoomState | null; showDevices?: boolean; className?: string }) {
  const { viewerId } = useSessionState();
  const viewers = room?.viewers ?? [];
  const devices = room?.devices ?? [];
  return (
    <div className={cx("flex flex-col gap-4", className)}>
      <section className="flex flex-col gap-1.5">
        <Heading>
          Screens watching <span data-testid="viewer-count" className="ml-1 rounded bg-slate-700 px-1.5 py-0.5 text-slate-100 tabular-nums">{viewers.length}</span>
        </Heading>
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-200">
          {viewers.map((v) => (
            <li key={v.id} className="whitespace-nowrap">
              {v.name}
              {v.id === viewerId && <span className="ml-1 text-slate-400">(this screen)</span>}
            </li>
          ))}
        </ul>
      </section>
      {showDevices && (
        <section className="flex flex-col gap-1.5">
          <Heading>
            Devices <span className="ml-1 rounded bg-slate-700 px-1.5 py-0.5 text-slate-100 tabular-nums">{devices.length}</span>
          </Heading>
          <ul className="flex flex-col gap-1 text-sm">
            {devices.map((d) => (
              <li key={d.id} className="flex min-w-0 items-center gap-2">
                <span aria-hidden className={cx("size-2.5 shrink-0 rounded-full", DOT_TONES[d.connected ? "good" : "idle"])} />
                <span className={cx("truncate", d.connected ? "text-slate-100" : "text-slate-400")}>{d.name}</span>
                <span className="shrink-0 text-slate-400">{d.connected ? d.source : "offline"}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
