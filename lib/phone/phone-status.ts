import type { LinkStatus } from "@/lib/client/phone-link";
import type { MotionAccess } from "./motion-access";
import type { SensorVerdict } from "./sensor-check";

/** What the phone page shows; also its `data-state` for browser tests. */
export type PhoneState =
  | "idle"
  | "connecting"
  | "streaming"
  | "offline"
  | "failed"
  | "blocked"
  | "denied"
  | "insecure"
  | "unsupported";

export interface PhoneStatusInput {
  /** True from the Start tap until Stop. */
  running: boolean;
  /** Null until Start was tapped, "pending" while the permission prompt is up. */
  access: MotionAccess | "pending" | null;
  verdict: SensorVerdict | null;
  link: LinkStatus | null;
  /** The server's reason when the link failed. */
  linkDetail: string | null;
  /** Samples not yet acknowledged by the server. */
  pending: number;
}

export interface PhoneStatusView {
  state: PhoneState;
  /** A few words, shown large. */
  title: string;
  /** What to do about it, in plain words; null when there is nothing to do. */
  message: string | null;
}

export const MESSAGES = {
  insecure: "Motion sensors need a secure page. Open the secure link below.",
  unsupported: "This browser has no motion sensors. Open this page on a phone, in Safari (iPhone) or Chrome (Android).",
  denied:
    "Motion access was turned off. Close Safari completely (swipe it away from the app switcher), open this page again and tap Allow.",
  blocked:
    "Chrome is blocking motion sensors for this page. Tap the icon left of the address bar › Permissions (or Site settings) › Motion sensors › Allow, then reload this page.",
  noEvents:
    "No motion data from this phone. Computers and some tablets have no motion sensors. On a phone, reload this page and tap Start again.",
  idle: "Tap Start, then keep this page open while you move.",
} as const;

/**
 * One status for the whole page. Sensor problems come first: a link that streams
 * zeros from a blocked sensor is not "Streaming" to the person holding the phone.
 */
export function phoneStatusView(s: PhoneStatusInput): PhoneStatusView {
  if (s.access === "insecure") return { state: "insecure", title: "Not a secure page", message: MESSAGES.insecure };
  if (s.access === "unsupported") return { state: "unsupported", title: "No motion sensors", message: MESSAGES.unsupported };
  if (s.access === "denied") return { state: "denied", title: "Motion access is off", message: MESSAGES.denied };
  if (!s.running) return { state: "idle", title: "Ready", message: MESSAGES.idle };
  if (s.access === "pending") return { state: "connecting", title: "Waiting for permission…", message: null };
  if (s.verdict === "blocked") return { state: "blocked", title: "Motion sensors blocked", message: MESSAGES.blocked };
  // Not a sensor the page can unblock, so it is reported like a browser without one.
  if (s.verdict === "no-events") return { state: "unsupported", title: "No readings", message: MESSAGES.noEvents };
  switch (s.link) {
    case "streaming":
      return { state: "streaming", title: "Streaming", message: null };
    case "offline":
      return {
        state: "offline",
        title: "Offline",
        message: `${s.pending.toLocaleString("en-US")} samples waiting, will send when back.`,
      };
    case "failed":
      return { state: "failed", title: "Can't join", message: s.linkDetail ?? "The server refused this phone. Check the room code." };
    default:
      return { state: "connecting", title: "Connecting…", message: null };
  }
}
