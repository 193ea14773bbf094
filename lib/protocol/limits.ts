/** Limits the server enforces at its edge; phones and sims stay inside them. */
export const LIMITS = {
  /** A live batch holds at most this much time of samples (the phone flushes sooner). */
  batchWindowMs: 50,
  /** Samples per message: a live batch is ~3-10, a backlog flush after a reconnect sends chunks of this size. */
  maxSamplesPerBatch: 256,
  /** Bytes of one incoming message; larger ones get a `too-large` error and are dropped. */
  maxMessageBytes: 256 * 1024,
  /**
   * Hard cap where the transport itself closes the connection. Above the app limit so
   * that payloads up to this size still get a readable error instead of a dropped socket.
   */
  transportMaxBytes: 16 * 1024 * 1024,
  /** Token bucket per socket: sustained messages/s and burst. A 200 Hz phone sends 20/s. */
  messagesPerSecond: 200,
  messageBurst: 400,
  /** A phone keeps at least this much unacknowledged data while offline. */
  phoneBufferSeconds: 120,
  deviceNameMaxChars: 40,
  /** Sample values beyond this are not motion (m/s², rad/s, deg): rejected as malformed. */
  maxAbsValue: 1e4,
} as const;
