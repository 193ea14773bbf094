import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../protocol/events";

export type LinkSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Websocket only: long-polling adds a round trip per batch and reorders nothing we
 * need. Reconnection is endless with a short cap: a participant walking out of
 * Wi-Fi range for a minute should come back without anyone touching the phone.
 */
export function linkSocketOpen(url: string): LinkSocket {
  return io(url, {
    transports: ["websocket"],
    reconnection: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 2000,
    randomizationFactor: 0.3,
    timeout: 5000,
  });
}
