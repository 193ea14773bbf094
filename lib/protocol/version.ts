/**
 * Wire protocol version. Bump on any incompatible change to an event name or
 * payload; the server rejects other versions with a `wrong-version` error so an
 * old phone tab says "reload" instead of sending data nobody can read.
 */
export const PROTOCOL_VERSION = 1 as const;
export type ProtocolVersion = typeof PROTOCOL_VERSION;
