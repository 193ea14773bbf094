"use client";

import { useEffect, useState } from "react";
import { Select } from "@/components/ui/select";
import { localStorageOrNull } from "@/components/desktop/local-storage";
import { ROOM_STORAGE_KEY } from "@/lib/client/desktop-room";
import type { RoomState } from "@/lib/protocol/events";
import { roomCodeFormat } from "@/lib/protocol/room-code";

/** The select's value for "type a code": never a room code (codes have no dash). */
export const TYPED = "-typed-";

export interface RoomsList {
  /** Null while loading. */
  rooms: RoomState[] | null;
  error: string | null;
}

/** The server's rooms (`GET /api/rooms`), read once: the typed code covers rooms made since. */
export function useRooms(): RoomsList {
  const [list, setList] = useState<RoomsList>({ rooms: null, error: null });
  useEffect(() => {
    let live = true;
    fetch("/api/rooms", { cache: "no-store" })
      .then(async (res) => {
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        return ((await res.json()) as { rooms: RoomState[] }).rooms;
      })
      .then(
        (rooms) => live && setList({ rooms, error: null }),
        (e: unknown) => live && setList({ rooms: [], error: `The room list is unavailable (${e instanceof Error ? e.message : String(e)}); type the room code.` }),
      );
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/** This browser's own room when the server has it (the one the researcher watches), else the first, else typing. */
export function roomDefault(rooms: readonly RoomState[]): string {
  const mine = localStorageOrNull()?.getItem(ROOM_STORAGE_KEY);
  return (rooms.find((r) => r.code === mine) ?? rooms[0])?.code ?? TYPED;
}

interface ReplayRoomFieldProps extends RoomsList {
  /** A room code from the list, {@link TYPED}, or null while the list loads. */
  choice: string | null;
  onChoice: (choice: string) => void;
  typed: string;
  onTyped: (typed: string) => void;
}

/** Where a replay plays: one of the server's rooms, or a code typed in (a room another desktop has open). */
export function ReplayRoomField({ rooms, error, choice, onChoice, typed, onTyped }: ReplayRoomFieldProps) {
  return (
    <div className="flex flex-col gap-2">
      <label className="flex flex-col gap-1 text-sm font-semibold text-slate-300">
        Into room
        <Select data-testid="replay-room" value={choice ?? ""} onChange={(e) => onChoice(e.target.value)} disabled={choice === null}>
          {choice === null && <option value="">Loading rooms…</option>}
          {rooms?.map((r) => (
            <option key={r.code} value={r.code}>
              {roomCodeFormat(r.code)} · {r.devices.length} device{r.devices.length === 1 ? "" : "s"}, {r.viewers.length} screen{r.viewers.length === 1 ? "" : "s"}
              {r.recording ? " · recording" : ""}
            </option>
          ))}
          <option value={TYPED}>Another room: type its code</option>
        </Select>
      </label>
      {choice === TYPED && (
        <input
          data-testid="replay-room-code"
          value={typed}
          onChange={(e) => onTyped(e.target.value)}
          placeholder="Room code, e.g. K7Q-M4X"
          aria-label="Room code"
          autoCapitalize="characters"
          className="h-11 rounded-lg border border-slate-600 bg-slate-800 px-3 font-mono text-base tracking-wider text-slate-100 uppercase placeholder:font-sans placeholder:tracking-normal placeholder:normal-case placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-sky-300"
        />
      )}
      {error && <p className="text-sm text-amber-200">{error}</p>}
    </div>
  );
}
