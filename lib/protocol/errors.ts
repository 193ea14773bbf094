/** Why the server refused a message. Sent back as `protocol:error`; the message is dropped. */
export const ERROR_CODES = [
  "malformed",
  "too-large",
  "wrong-version",
  "rate-limited",
  "unknown-event",
  "unknown-room",
  "not-joined",
  "not-allowed",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  /** A sentence a person can act on. */
  message: string;
  /** The event that caused it, when known. */
  event?: string;
  /** For `rate-limited`: messages dropped since the last error of that kind. */
  dropped?: number;
}
