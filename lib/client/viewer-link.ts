import type { PhoneFeedback } from "../protocol/device-feedback";
import type { StoredSceneSettings } from "../protocol/scene-settings";
import type { ProtocolError } from "../protocol/errors";
import type { Ack } from "../protocol/events";
import { PROTOCOL_VERSION } from "../protocol/version";
import type { StreamStore } from "../stream/stream-store";
import { ClockPinger } from "./clock-pinger";
import { linkSocketOpen, type LinkSocket } from "./link-socket";

export interface ViewerLinkOptions {
  url: string;
  room: string;
  name?: string;
  store: StreamStore;
  nowMs: () => number;
  socket?: LinkSocket;
  onConnection?: (connected: boolean) => void;
  onError?: (error: ProtocolError) => void;
  /** The server's model folders changed; re-read `GET /api/models`. */
  onModelsChanged?: () => void;
  /** Some desktop saved or reset a scene's settings. */
  onSceneSettings?: (stored: StoredSceneSettings) => void;
}

/** A desktop or observer screen watching a room: fills the store, keeps a server clock. */
export class ViewerLink {
  readonly socket: LinkSocket;
  private readonly pinger: ClockPinger;
  viewerId: string | null = null;
  /** From a successful room:watch until the link drops: only then will the server take feedback. */
  private watching = false;

  constructor(private readonly opts: ViewerLinkOptions) {
    this.socket = opts.socket ?? linkSocketOpen(opts.url);
    this.pinger = new ClockPinger(this.socket, opts.nowMs);
    this.socket.on("connect", () => this.watch());
    this.socket.on("disconnect", () => {
      this.watching = false;
      this.pinger.stop();
      opts.onConnection?.(false);
    });
    this.socket.on("room:state", (state) => opts.store.setRoom(state));
    this.socket.on("room:health", ({ code, devices }) => opts.store.mergeDeviceInfo(code, devices));
    this.socket.on("stream:batch", (batch) => opts.store.addBatch(batch, this.serverNowMs()));
    this.socket.on("protocol:error", (e) => opts.onError?.(e));
    this.socket.on("models:changed", () => opts.onModelsChanged?.());
    this.socket.on("scenes:settings", (stored) => opts.onSceneSettings?.(stored));
    if (this.socket.connected) this.watch();
  }

  /** The desktop's clock mapped to server time, or null before the first estimate. */
  serverNowMs(): number | null {
    const e = this.pinger.sync.estimate;
    return e ? this.opts.nowMs() + e.offsetMs : null;
  }

  rename(deviceId: string, name: string) {
    this.socket.emit("device:rename", { v: PROTOCOL_VERSION, deviceId, name });
  }

  /**
   * Haptics and the mirrored watch screen for one device of the room. Feedback is
   * momentary: while the link is down it is dropped, never queued (socket.io would
   * otherwise buffer it and replay a stale buzz on reconnect). Returns whether it was sent;
   * `onAck` hears whether the device got it (`ok: false` when the device is offline).
   */
  deviceFeedback(deviceId: string, feedback: PhoneFeedback, onAck?: (res: Ack) => void): boolean {
    if (!this.watching || !this.socket.connected) return false;
    const payload = { v: PROTOCOL_VERSION, deviceId, vibrateMs: feedback.vibrateMs, ...(feedback.watch === undefined ? {} : { watch: feedback.watch }) };
    if (onAck) this.socket.emit("device:feedback", payload, onAck);
    else this.socket.emit("device:feedback", payload);
    return true;
  }

  close() {
    this.watching = false;
    this.pinger.stop();
    this.socket.close();
  }

  private watch() {
    this.pinger.start();
    this.socket.emit("room:watch", { v: PROTOCOL_VERSION, room: this.opts.room, ...(this.opts.name ? { name: this.opts.name } : {}) }, (res) => {
      if (!res.ok) return this.opts.onError?.(res.error);
      this.viewerId = res.viewerId;
      this.watching = true;
      this.opts.store.setRoom(res.room);
      this.opts.onConnection?.(true);
    });
  }
}
