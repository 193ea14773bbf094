import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../protocol/events";

export interface SocketData {
  role: "viewer" | "device" | null;
  room: string | null;
  deviceId: string | null;
  /** Size of the last packet the transport received, for the message size limit. */
  lastPacketChars: number;
}

export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
