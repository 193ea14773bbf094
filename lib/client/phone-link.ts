import type { PhoneFeedback } from "../protocol/device-feedback";
import type { ProtocolError } from "../protocol/errors";
import type { Ack } from "../protocol/events";
import type { DevicePrompt } from "../protocol/recordings";
import { LIMITS } from "../protocol/limits";
import type { SampleTuple } from "../protocol/sample";
import type { DeviceSource, Platform } from "../protocol/schemas";
import { PROTOCOL_VERSION } from "../protocol/version";
import type { ClockEstimate } from "../stream/clock-sync";
import { ClockPinger } from "./clock-pinger";
import { linkSocketOpen, type LinkSocket } from "./link-socket";
import { Outbox } from "./outbox";

export type LinkStatus = "connecting" | "streaming" | "offline" | "failed";

export interface PhoneLinkOptions {
  url: string;
  room: string;
  deviceId: string;
  name: string;
  source: DeviceSource;
  platform: Platform;
  /** The phone's clock in epoch ms (`performance.timeOrigin + performance.now()` in a page). */
  nowMs: () => number;
  socket?: LinkSocket;
  /**
   * How long a sample may wait for companions before its batch is sent, at most
   * LIMITS.batchWindowMs. The default, 20 ms, gives at 60 Hz about two samples a
   * message and ~33 messages/s: the desktop's 3D wrist moves in ~33 steps a second
   * instead of 20, and samples wait less, for a few more small messages.
   */
  flushAfterMs?: number;
  /**
   * The clock offset to send, when the sender knows it exactly rather than by pinging:
   * a replay runs its own clock `speed` times faster than real time, which pings
   * (kept up to ~48 s) cannot follow.
   */
  clock?: () => ClockEstimate;
  /** Samples kept while offline; default covers LIMITS.phoneBufferSeconds at 200 Hz. */
  bufferSamples?: number;
  onStatus?: (status: LinkStatus, detail?: string) => void;
  onError?: (error: ProtocolError) => void;
  onRenamed?: (name: string) => void;
  /** A desktop scene's haptic pattern and mirrored watch screen, as the server relayed them. */
  onFeedback?: (feedback: PhoneFeedback) => void;
  /** A prompted protocol's instruction for now (recordings), or null to clear it. */
  onPrompt?: (prompt: DevicePrompt | null) => void;
}

/** How long an answer may wait for the server's word before the phone offers to send it again. */
const CONSENT_ACK_TIMEOUT_MS = 5000;

export interface PhoneLinkStats {
  status: LinkStatus;
  pending: number;
  acked: number;
  evicted: number;
  clock: ClockEstimate | null;
  lastError: ProtocolError | null;
}

const randomId = () =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(36).padStart(2, "0")).join("").slice(0, 16);

/**
 * A phone (or a sim) on the wire: batches samples every 50 ms, keeps them until the
 * server acknowledges them, survives disconnects, and keeps a clock offset. Shared
 * by the phone page, `npm run sim` and the desktop's simulated phone, so all three
 * speak exactly the same protocol.
 */
export class PhoneLink {
  readonly socket: LinkSocket;
  private readonly outbox: Outbox;
  private readonly pinger: ClockPinger;
  private readonly session = randomId();
  private joined = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private ackedTotal = 0;
  private lastSentClock: ClockEstimate | null = null;
  private statusNow: LinkStatus = "connecting";
  private lastError: ProtocolError | null = null;
  private name: string;
  private readonly flushAfterMs: number;

  constructor(private readonly opts: PhoneLinkOptions) {
    this.name = opts.name;
    this.flushAfterMs = Math.min(opts.flushAfterMs ?? 20, LIMITS.batchWindowMs);
    this.socket = opts.socket ?? linkSocketOpen(opts.url);
    this.outbox = new Outbox(opts.bufferSamples ?? LIMITS.phoneBufferSeconds * 200);
    this.pinger = new ClockPinger(this.socket, opts.nowMs);
    this.socket.on("connect", () => {
      this.pinger.start();
      this.hello();
    });
    this.socket.on("disconnect", (reason) => {
      this.joined = false;
      this.pinger.stop();
      // The server only closes a device socket itself when the same device joined again elsewhere.
      if (reason === "io server disconnect") this.setStatus("failed", "This device is now streaming from another tab or window.");
      else this.setStatus("offline");
    });
    this.socket.on("protocol:error", (e) => {
      this.lastError = e;
      opts.onError?.(e);
    });
    this.socket.on("device:renamed", ({ name }) => {
      this.name = name;
      opts.onRenamed?.(name);
    });
    this.socket.on("device:feedback", (feedback) => opts.onFeedback?.(feedback));
    this.socket.on("device:prompt", (prompt) => opts.onPrompt?.(prompt));
    if (this.socket.connected) {
      this.pinger.start();
      this.hello();
    }
  }

  get status(): LinkStatus {
    return this.statusNow;
  }

  stats(): PhoneLinkStats {
    return {
      status: this.statusNow,
      pending: this.outbox.pending,
      acked: this.ackedTotal,
      evicted: this.outbox.evictedTotal,
      clock: this.clockEstimate(),
      lastError: this.lastError,
    };
  }

  push(sample: SampleTuple) {
    this.outbox.push(sample);
    if (this.outbox.unsent >= LIMITS.maxSamplesPerBatch) this.flush();
    else if (!this.flushTimer && this.joined) this.flushTimer = setTimeout(() => this.flush(), this.flushAfterMs);
  }

  rename(name: string) {
    this.name = name;
    if (this.joined) this.socket.emit("device:rename", { v: PROTOCOL_VERSION, deviceId: this.opts.deviceId, name });
  }

  /**
   * A participant's answer to a study's consent screen (`DevicePrompt.consent`). Resolves
   * with the server's verdict and never rejects: offline, or no answer in time, comes back
   * as a refusal whose message says so, so the screen can keep its buttons for a retry.
   */
  consent(sessionId: string, agreed: boolean): Promise<Ack> {
    if (!this.joined) {
      return Promise.resolve({ ok: false, error: { code: "not-joined", message: "Not connected to the server: try again in a moment.", event: "device:consent" } });
    }
    return this.socket
      .timeout(CONSENT_ACK_TIMEOUT_MS)
      .emitWithAck("device:consent", { sessionId, agreed })
      .catch((): Ack => ({ ok: false, error: { code: "not-joined", message: "The server did not answer: try again.", event: "device:consent" } }));
  }

  /** Sends what is buffered now (a live batch, or the backlog in chunks). */
  flush() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (!this.joined) return;
    for (let chunk = this.outbox.take(LIMITS.maxSamplesPerBatch); chunk; chunk = this.outbox.take(LIMITS.maxSamplesPerBatch)) {
      const clock = this.clockEstimate();
      const clockChanged = clock && (clock.offsetMs !== this.lastSentClock?.offsetMs || clock.rttMs !== this.lastSentClock?.rttMs);
      if (clockChanged) this.lastSentClock = clock;
      const count = chunk.samples.length;
      this.socket.emit("sensor:batch", { v: PROTOCOL_VERSION, seq: chunk.seq, samples: chunk.samples, ...(clockChanged ? { clock } : {}) }, (res) => {
        if (res.ok) {
          const before = this.outbox.pending;
          this.outbox.ack(res.nextSeq);
          this.ackedTotal += before - this.outbox.pending;
        } else if (res.error.code === "rate-limited" || res.error.code === "not-joined") {
          // Refused, not lost: resend from the oldest unacknowledged sample.
          this.outbox.rewind();
          setTimeout(() => this.flush(), 250);
        }
      });
      if (count < LIMITS.maxSamplesPerBatch) break;
    }
  }

  /** Waits until every buffered sample is acknowledged (or the timeout passes). */
  async drain(timeoutMs = 10_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    this.flush();
    while (this.outbox.pending > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    return this.outbox.pending === 0;
  }

  close() {
    this.pinger.stop();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.socket.close();
  }

  private hello() {
    const o = this.opts;
    this.socket.emit(
      "device:hello",
      { v: PROTOCOL_VERSION, room: o.room, deviceId: o.deviceId, session: this.session, name: this.name, source: o.source, platform: o.platform },
      (res) => {
        if (!res.ok) {
          this.lastError = res.error;
          this.setStatus("failed", res.error.message);
          // The room may come back (a desktop re-watching it after a server restart).
          setTimeout(() => this.socket.connected && !this.joined && this.hello(), 3000);
          return;
        }
        if (res.name !== this.name) {
          this.name = res.name;
          o.onRenamed?.(res.name);
        }
        if (res.nextSeq !== null) this.outbox.ack(res.nextSeq);
        this.outbox.rewind();
        this.joined = true;
        this.lastSentClock = null;
        this.setStatus("streaming");
        this.flush();
      },
    );
  }

  private clockEstimate(): ClockEstimate | null {
    return this.opts.clock?.() ?? this.pinger.sync.estimate;
  }

  private setStatus(s: LinkStatus, detail?: string) {
    this.statusNow = s;
    this.opts.onStatus?.(s, detail);
  }
}
