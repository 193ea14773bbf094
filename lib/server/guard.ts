import type { z } from "zod";
import type { ClientToServerEvents } from "../protocol/events";
import type { ErrorCode, ProtocolError } from "../protocol/errors";
import { LIMITS } from "../protocol/limits";
import { issuesToMessage } from "../protocol/schemas";
import { PROTOCOL_VERSION } from "../protocol/version";
import { TokenBucket } from "./token-bucket";
import type { HubSocket } from "./socket-types";

type AckFn = (res: { ok: false; error: ProtocolError } | { ok: true; [field: string]: unknown }) => void;
type EventName = keyof ClientToServerEvents;

/** Sends the error to the client, and to its ack callback when it is waiting for one. */
export function reject(socket: HubSocket, ack: unknown, code: ErrorCode, message: string, event?: string, dropped?: number) {
  const error: ProtocolError = { code, message, ...(event ? { event } : {}), ...(dropped ? { dropped } : {}) };
  socket.emit("protocol:error", error);
  if (typeof ack === "function") (ack as AckFn)({ ok: false, error });
}

/**
 * The edge every message crosses before a handler sees it: known event, size, and
 * rate. A refused message is dropped with an error; the socket stays up so a phone
 * with one bad packet keeps streaming.
 */
export function guardSocket(socket: HubSocket, knownEvents: ReadonlySet<string>, nowMs: () => number) {
  const bucket = new TokenBucket(LIMITS.messagesPerSecond, LIMITS.messageBurst, nowMs());
  let rateDropped = 0;
  let lastRateErrorMs = -Infinity;

  socket.data.lastPacketChars = 0;
  // The transport hands over each raw packet right before socket.io decodes it, so
  // its length is the size of the event the middleware below is about to see.
  socket.conn.on("packet", (packet: { data?: unknown }) => {
    socket.data.lastPacketChars = typeof packet.data === "string" ? packet.data.length : 0;
  });

  socket.use(([event, ...args], next) => {
    const ack = args[args.length - 1];
    const now = nowMs();
    if (!bucket.take(now)) {
      rateDropped++;
      // One error a second is enough to explain a flood; one per message would be a flood back.
      if (now - lastRateErrorMs >= 1000) {
        reject(socket, ack, "rate-limited", `Too many messages: at most ${LIMITS.messagesPerSecond}/s. Dropped ${rateDropped}.`, event, rateDropped);
        rateDropped = 0;
        lastRateErrorMs = now;
      } else if (typeof ack === "function") {
        (ack as AckFn)({ ok: false, error: { code: "rate-limited", message: "Too many messages.", event } });
      }
      return;
    }
    if (!knownEvents.has(event)) {
      reject(socket, ack, "unknown-event", `Unknown event "${String(event).slice(0, 64)}".`, String(event).slice(0, 64));
      return;
    }
    if (socket.data.lastPacketChars > LIMITS.maxMessageBytes) {
      reject(socket, ack, "too-large", `Message of ${socket.data.lastPacketChars} bytes is over the ${LIMITS.maxMessageBytes}-byte limit.`, event);
      return;
    }
    next();
  });
}

/**
 * Registers a handler that only ever sees a payload its schema accepted. A thrown
 * handler is logged and answered, never allowed to take the server down.
 */
export function onValidated<S extends z.ZodType>(
  socket: HubSocket,
  event: EventName,
  schema: S,
  handler: (payload: z.infer<S>, ack: AckFn | undefined) => void,
  log: (msg: string, err?: unknown) => void,
) {
  (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on(event, (payload, maybeAck) => {
    const ack = typeof maybeAck === "function" ? (maybeAck as AckFn) : undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const v = typeof payload === "object" && payload !== null ? (payload as { v?: unknown }).v : undefined;
      if (v !== undefined && v !== PROTOCOL_VERSION) {
        reject(socket, ack, "wrong-version", `This page speaks protocol v${String(v)}, the server v${PROTOCOL_VERSION}: reload the page.`, event);
      } else {
        reject(socket, ack, "malformed", `Malformed ${event}: ${issuesToMessage(parsed.error)}`, event);
      }
      return;
    }
    try {
      handler(parsed.data, ack);
    } catch (err) {
      log(`handler for ${event} failed`, err);
      reject(socket, ack, "internal", `The server could not handle ${event}.`, event);
    }
  });
}
