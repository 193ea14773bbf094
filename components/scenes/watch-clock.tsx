"use client";

import { useSyncExternalStore } from "react";

const everySecond = (onChange: () => void) => {
  const t = setInterval(onChange, 1000);
  return () => clearInterval(t);
};
const never = () => () => {};
/** Minutes since the epoch: the snapshot changes once a minute, so the face re-renders only then. */
const minuteNow = () => Math.floor(Date.now() / 60_000);

/** The watch's time, as a watch face shows it; keeps ticking only when live. */
export function WatchClock({ live, className }: { live: boolean; className?: string }) {
  // The server render (and the first client render) shows a fixed time, so both agree.
  const minute = useSyncExternalStore(live ? everySecond : never, minuteNow, () => null);
  const text = minute === null ? "10:09" : new Date(minute * 60_000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
  return <span className={className}>{text}</span>;
}
