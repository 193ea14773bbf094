import type { SceneLogic } from "@/lib/scenes/scene-types";

/** The apps whose notifications the demo shows; the screen draws each one's icon. */
export type NotificationApp = "messages" | "calendar" | "activity" | "mail" | "reminders";

export interface WatchNotification {
  app: NotificationApp;
  appName: string;
  title: string;
  body: string;
  /** The phone's one-line mirror while it is on screen. */
  mirror: string;
}

/** Everyday notifications, in the order they arrive; the demo cycles through them. */
export const WATCH_NOTIFICATIONS: readonly WatchNotification[] = [
  { app: "messages", appName: "Messages", title: "Alex", body: "Running 5 min late, grab us a table?", mirror: "Message from Alex" },
  { app: "calendar", appName: "Calendar", title: "Design review", body: "In 10 min · Room 4B", mirror: "Design review in 10 min" },
  { app: "activity", appName: "Activity", title: "Time to stand!", body: "Stand up and move a little for one minute.", mirror: "Time to stand" },
  { app: "mail", appName: "Mail", title: "Priya Shah", body: "Re: Q3 slides: looks great, one note on slide 7.", mirror: "Mail from Priya Shah" },
  { app: "reminders", appName: "Reminders", title: "Pick up dry cleaning", body: "Today, 18:00", mirror: "Reminder: dry cleaning" },
];

/**
 * `index` is the notification on screen, or in "dismissed" the one just flicked away
 * (the screen animates it off); `cleared` counts dismissals since the start.
 */
export type WristFlickState =
  | { kind: "notification"; index: number; cleared: number }
  | { kind: "dismissed"; index: number; cleared: number; sinceMs: number };

export const notificationAt = (index: number): WatchNotification => WATCH_NOTIFICATIONS[index % WATCH_NOTIFICATIONS.length]!;

/**
 * Wrist flick: a notification is on screen and a quick twist of the forearm sends it
 * away, leaving the watch face; the next one arrives a few seconds later. The state
 * changes on the event itself and the screen plays the fly-off on the dismissed
 * face, so the animation never delays the feedback. A flick with nothing on screen
 * does nothing: it must not dismiss a notification that has not arrived yet.
 */
export const wristFlickLogic: SceneLogic<WristFlickState> = {
  id: "wrist-flick",
  title: "Wrist flick",
  summary: "Flick your wrist to send a notification away, hands-free.",
  howTo: "When a notification arrives, flick your wrist: a quick twist of the forearm out and back. It flies off; the next one arrives a few seconds later.",
  simMotion: "flick",
  roles: [
    {
      id: "dismiss",
      label: "Flick",
      description: "Dismisses the notification on screen.",
      interaction: "flick",
      default: { kind: "heuristic", name: "flick", params: {} },
    },
  ],
  options: [
    { key: "nextAfterS", kind: "number", label: "Next notification after", unit: "s", min: 1, max: 30, step: 1, default: 4, description: "How long the watch face stays before the next notification arrives." },
    { key: "autoNext", kind: "boolean", label: "Keep notifications coming", default: true, description: "Off: after a dismissal the watch face stays until the scene is reset." },
  ],
  machine: {
    initial: () => ({ kind: "notification", index: 0, cleared: 0 }),
    onEvent: (s, _role, _event, inputs) =>
      s.kind === "dismissed" ? s : { kind: "dismissed", index: s.index, cleared: s.cleared + 1, sinceMs: inputs.nowMs },
    onTick(s, inputs, options) {
      if (s.kind !== "dismissed" || options.autoNext !== true) return s;
      if (inputs.nowMs - s.sinceMs < Number(options.nextAfterS) * 1000) return s;
      return { kind: "notification", index: (s.index + 1) % WATCH_NOTIFICATIONS.length, cleared: s.cleared };
    },
    stateName: (s) => s.kind,
    // An arrival has no cue: the sound and buzz belong to the wearer's gesture, not to the demo's timer.
    cue: (prev, next) => (prev.kind === "notification" && next.kind === "dismissed" ? "dismiss" : null),
    mirror: (s) => (s.kind === "notification" ? { text: notificationAt(s.index).mirror, tone: "active" } : { text: "Dismissed", tone: "success" }),
  },
};
