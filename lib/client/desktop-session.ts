import type { PhoneFeedback } from "../protocol/device-feedback";
import type { StoredSceneSettings } from "../protocol/scene-settings";
import type { ProtocolError } from "../protocol/errors";
import type { Ack } from "../protocol/events";
import { StreamStore } from "../stream/stream-store";
import type { SettingsStorage } from "./desktop-pose-settings";
import { DesktopPoses } from "./desktop-poses";
import { ViewerLink } from "./viewer-link";

/** "connecting" until the first room:watch succeeds; "reconnecting" whenever the server is lost after that or unreachable. */
export type ConnectionState = "connecting" | "connected" | "reconnecting";

/** A protocol error waiting to be dismissed; repeats of the same error only raise `count`. */
export interface DesktopNotice {
  id: number;
  error: ProtocolError;
  count: number;
}

export interface DesktopSessionState {
  connection: ConnectionState;
  /** This screen's viewer id in the room, to tell it apart in the viewer list. */
  viewerId: string | null;
  notices: readonly DesktopNotice[];
}

export interface DesktopSessionOptions {
  url: string;
  room: string;
  /** The desktop's clock, epoch ms. */
  nowMs: () => number;
  /** Older notices are dropped beyond this many: a flood of errors must not cover the screen. */
  maxNotices?: number;
  /** Where per-device wear settings (placement, side) are kept; null keeps them for this page only. */
  storage?: SettingsStorage | null;
}

/**
 * One desktop screen's view of one room: the {@link StreamStore} and the
 * {@link ViewerLink} that fills it, plus the little state the UI shows about the link.
 *
 * Constructing it has no side effects, so React may create it during render;
 * {@link open} and {@link close} bracket the socket's life and may be called again
 * (StrictMode mounts, unmounts and remounts every effect once in development).
 */
export class DesktopSession {
  readonly store = new StreamStore();
  /** Every device's pose, updated as its samples are stored; follows the session's open and close. */
  readonly poses: DesktopPoses;
  private link: ViewerLink | null = null;
  private state: DesktopSessionState = { connection: "connecting", viewerId: null, notices: [] };
  private readonly listeners = new Set<() => void>();
  private readonly modelsListeners = new Set<() => void>();
  private readonly sceneSettingsListeners = new Set<(stored: StoredSceneSettings) => void>();
  private nextNoticeId = 1;

  constructor(private readonly opts: DesktopSessionOptions) {
    this.poses = new DesktopPoses(this.store, opts.storage ?? null);
  }

  open(): void {
    if (this.link) return;
    this.poses.open();
    const link = new ViewerLink({
      url: this.opts.url,
      room: this.opts.room,
      store: this.store,
      nowMs: this.opts.nowMs,
      onConnection: (connected) => this.onConnection(connected, link),
      onError: (error) => this.notify(error),
      onModelsChanged: () => this.modelsChanged(),
      onSceneSettings: (stored) => {
        for (const l of this.sceneSettingsListeners) l(stored);
      },
    });
    // ViewerLink reports only established links; an unreachable server must still show as down.
    link.socket.on("connect_error", () => this.onConnection(false, link));
    this.link = link;
  }

  close(): void {
    this.link?.close();
    this.link = null;
    this.poses.close();
  }

  /** For `useSyncExternalStore`: the same object until something changes. */
  readonly getState = (): DesktopSessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The desktop's clock in server time, or null before the first clock estimate. */
  serverNowMs(): number | null {
    return this.link?.serverNowMs() ?? null;
  }

  /**
   * Called when the server's model list changes, and on every (re)connection, since
   * announcements made while the link was down are not replayed.
   */
  onModelsChanged(listener: () => void): () => void {
    this.modelsListeners.add(listener);
    return () => this.modelsListeners.delete(listener);
  }

  /** A scene's settings as another desktop (or this one) just saved them on the server. */
  onSceneSettings(listener: (stored: StoredSceneSettings) => void): () => void {
    this.sceneSettingsListeners.add(listener);
    return () => this.sceneSettingsListeners.delete(listener);
  }

  rename(deviceId: string, name: string): void {
    this.link?.rename(deviceId, name);
  }

  /** A scene's haptic tap and mirrored watch screen for the phone that made the gesture; see {@link ViewerLink.deviceFeedback}. */
  deviceFeedback(deviceId: string, feedback: PhoneFeedback, onAck?: (res: Ack) => void): boolean {
    return this.link?.deviceFeedback(deviceId, feedback, onAck) ?? false;
  }

  dismiss(noticeId: number): void {
    this.update({ notices: this.state.notices.filter((n) => n.id !== noticeId) });
  }

  private onConnection(connected: boolean, link: ViewerLink) {
    if (link !== this.link) return;
    if (connected) {
      this.update({ connection: "connected", viewerId: link.viewerId });
      this.modelsChanged();
    }
    else if (this.state.connection !== "reconnecting") this.update({ connection: "reconnecting" });
  }

  private modelsChanged() {
    for (const l of this.modelsListeners) l();
  }

  private notify(error: ProtocolError) {
    const same = this.state.notices.find((n) => n.error.code === error.code && n.error.message === error.message);
    const others = this.state.notices.filter((n) => n !== same);
    const notice = same ? { ...same, error, count: same.count + 1 } : { id: this.nextNoticeId++, error, count: 1 };
    this.update({ notices: [...others, notice].slice(-(this.opts.maxNotices ?? 4)) });
  }

  private update(patch: Partial<DesktopSessionState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
