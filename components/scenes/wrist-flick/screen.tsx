"use client";

import type { ReactNode } from "react";
import type { SceneScreenProps } from "../scene-definition";
import { WatchClock } from "../watch-clock";
import { notificationAt, type NotificationApp, type WatchNotification, type WristFlickState } from "./logic";
import { CheckIcon } from "../check-icon";

/**
 * Notification: the app's card, a Dismiss button and the flick hint, as watchOS
 * shows a long look. Dismissed: the watch face with the count of cleared
 * notifications, over which the card just flicked away flies off. The fly-off rests
 * invisible, so with reduced motion (no animation) the face is simply there.
 */
export function WristFlickScreen({ state, options, live }: SceneScreenProps<WristFlickState>) {
  const n = notificationAt(state.index);
  if (state.kind === "notification") {
    return (
      <div
        // A new key per arrival replays the slide-in for each new notification.
        key={state.cleared}
        data-testid="watch-notification"
        data-app={n.app}
        className="watch-anim flex h-full flex-col gap-[0.55em] px-[0.9em] pt-[0.9em] pb-[1em]"
        style={live ? { animation: "watch-notification-in 420ms cubic-bezier(0.2, 0.9, 0.3, 1.05)" } : undefined}
      >
        <WatchClock live={live} className="self-end pr-[0.6em] text-[1em] leading-none font-semibold tabular-nums" />
        <NotificationCard n={n} />
        <div className="mt-auto flex flex-col items-center gap-[0.45em]">
          <div className="w-full rounded-full bg-zinc-800 py-[0.55em] text-center text-[1.05em] font-semibold">Dismiss</div>
          <p className="flex items-center gap-[0.35em] text-[0.8em] text-zinc-400">
            <FlickIcon />
            Flick your wrist to dismiss
          </p>
        </div>
      </div>
    );
  }
  return (
    <div data-testid="watch-face" className="relative flex h-full flex-col items-center justify-center gap-[0.7em] p-[1em] text-center">
      <WatchClock live={live} className="text-[3.6em] leading-none font-semibold tabular-nums" />
      <p data-testid="cleared-count" className="flex items-center gap-[0.35em] rounded-full bg-white/10 px-[0.8em] py-[0.3em] text-[0.9em] text-zinc-200">
        <CheckIcon />
        {state.cleared} cleared
      </p>
      {options.autoNext !== true && <p className="text-[0.8em] text-zinc-500">No new notifications</p>}
      <div
        // Keyed on the count so each dismissal plays its own fly-off, even of the same card.
        key={state.cleared}
        aria-hidden
        data-testid="notification-flyoff"
        className="watch-anim pointer-events-none absolute inset-x-[0.9em] top-[2.45em] text-left opacity-0"
        style={{ animation: "watch-flick-away 420ms cubic-bezier(0.4, 0, 0.9, 0.6)" }}
      >
        <NotificationCard n={n} />
      </div>
    </div>
  );
}

function NotificationCard({ n }: { n: WatchNotification }) {
  return (
    <div className="rounded-[1.3em] bg-zinc-800/95 p-[0.75em]">
      <div className="flex items-center gap-[0.5em]">
        <AppIcon app={n.app} />
        <span className="text-[0.85em] font-medium tracking-wide text-zinc-400 uppercase">{n.appName}</span>
        <span className="ml-auto text-[0.8em] text-zinc-500">now</span>
      </div>
      <p className="mt-[0.45em] truncate text-[1.15em] leading-tight font-semibold">{n.title}</p>
      <p className="mt-[0.2em] line-clamp-3 text-[1em] leading-snug text-zinc-200">{n.body}</p>
    </div>
  );
}

/** Stand-ins for the system apps' icons: their colours and a glyph, at icon size. */
function AppIcon({ app }: { app: NotificationApp }) {
  return (
    <svg aria-hidden viewBox="0 0 40 40" className="size-[2em] shrink-0">
      {APP_ICONS[app]}
    </svg>
  );
}

const APP_ICONS: Record<NotificationApp, ReactNode> = {
  messages: (
    <>
      <circle cx="20" cy="20" r="20" fill="#34c759" />
      <path d="M20 10c-6.6 0-11 4-11 8.8 0 2.8 1.5 5.2 4 6.8-.2 1.8-1 3.4-2.3 4.4 2.6 0 4.8-1 6.3-2.3 1 .2 2 .3 3 .3 6.6 0 11-4 11-9.2S26.6 10 20 10Z" fill="#fff" />
    </>
  ),
  calendar: (
    <>
      <circle cx="20" cy="20" r="20" fill="#fff" />
      <text x="20" y="16" textAnchor="middle" fontSize="7" fontWeight="700" fill="#ff3b30">TUE</text>
      <text x="20" y="30" textAnchor="middle" fontSize="14" fontWeight="500" fill="#111">14</text>
    </>
  ),
  activity: (
    <>
      <circle cx="20" cy="20" r="20" fill="#000" />
      <g fill="none" strokeWidth="3.6" strokeLinecap="round" transform="rotate(-90 20 20)">
        <circle cx="20" cy="20" r="14" stroke="#fa114f" strokeDasharray="70 88" />
        <circle cx="20" cy="20" r="10" stroke="#92e82a" strokeDasharray="48 63" />
        <circle cx="20" cy="20" r="6" stroke="#1eeaef" strokeDasharray="20 38" />
      </g>
    </>
  ),
  mail: (
    <>
      <circle cx="20" cy="20" r="20" fill="#1a8cff" />
      <rect x="9" y="13" width="22" height="15" rx="2.5" fill="#fff" />
      <path d="M10 14.5 20 22l10-7.5" fill="none" stroke="#1a8cff" strokeWidth="1.8" strokeLinejoin="round" />
    </>
  ),
  reminders: (
    <>
      <circle cx="20" cy="20" r="20" fill="#fff" />
      <circle cx="12" cy="13" r="2.6" fill="#0a84ff" />
      <circle cx="12" cy="20" r="2.6" fill="#ff3b30" />
      <circle cx="12" cy="27" r="2.6" fill="#ff9500" />
      <path d="M17 13h12M17 20h12M17 27h12" stroke="#c7c7cc" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
};

/** A forearm twisting out and back. */
function FlickIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[1.2em]" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 14a8 8 0 0 1 14-5.3" />
      <path d="M18.5 4v4.7h-4.7" />
      <path d="M20 10a8 8 0 0 1-14 5.3" opacity="0.45" />
    </svg>
  );
}
