import { z } from "zod";
import { roomCodeParse, type RoomCode } from "../protocol/room-code";

/** Where the desktop remembers its room, so a reload without `?room=` lands in the same one. */
export const ROOM_STORAGE_KEY = "wristlab.room";

const createdSchema = z.object({ code: z.string() });

/** Asks the server for a fresh room (`POST /api/rooms`). */
export async function desktopRoomCreate(fetchFn: typeof fetch = fetch): Promise<RoomCode> {
  const res = await fetchFn("/api/rooms", { method: "POST" });
  if (!res.ok) throw new Error(`The server could not create a room (HTTP ${res.status}).`);
  const parsed = createdSchema.safeParse(await res.json());
  const code = parsed.success ? roomCodeParse(parsed.data.code) : null;
  if (!code) throw new Error("The server answered with something that is not a room code.");
  return code;
}

export interface RoomSources {
  /** `location.search`. */
  search: string;
  /** The code remembered in storage, if any. */
  stored: string | null;
  create: () => Promise<RoomCode>;
}

/**
 * The room this screen shows: the URL's `?room=` first (a second screen opened from a
 * shared link must join that room, not its own), then the remembered one, else a new one.
 * Invalid codes are skipped rather than reported: a stale or mistyped value should not
 * block a demo.
 */
export async function desktopRoomResolve(src: RoomSources): Promise<RoomCode> {
  const fromUrl = roomCodeParse(new URLSearchParams(src.search).get("room") ?? "");
  if (fromUrl) return fromUrl;
  const fromStorage = src.stored === null ? null : roomCodeParse(src.stored);
  return fromStorage ?? src.create();
}

/** `href` with `?room=CODE` set and every other part kept. */
export function desktopRoomHref(href: string, code: RoomCode): string {
  const url = new URL(href);
  url.searchParams.set("room", code);
  return url.toString();
}
