"use client";

import { Toast } from "@/components/ui/toast";
import type { ErrorCode } from "@/lib/protocol/errors";
import { useSession, useSessionState } from "./session-context";

const TITLES: Partial<Record<ErrorCode, string>> = {
  "wrong-version": "This page is out of date: reload it",
  "rate-limited": "Server is dropping messages (rate limit)",
  "unknown-room": "Room not found",
  "not-allowed": "Action not allowed",
  malformed: "Server rejected a malformed message",
  "too-large": "Message too large",
};

/** Protocol errors from the server, bottom right, each until dismissed; repeats are counted, not stacked. */
export function NoticeToasts() {
  const session = useSession();
  const { notices } = useSessionState();
  if (notices.length === 0) return null;
  return (
    <div aria-live="assertive" className="pointer-events-none fixed right-4 bottom-4 z-50 flex flex-col items-end gap-3">
      {notices.map(({ id, error, count }) => (
        <Toast key={id} title={TITLES[error.code] ?? "Server reported an error"} onDismiss={() => session.dismiss(id)}>
          <p>{error.message}</p>
          <p className="mt-1 font-mono text-xs text-slate-400">
            {error.code}
            {error.event ? ` · ${error.event}` : ""}
            {count > 1 ? ` · ×${count}` : ""}
          </p>
        </Toast>
      ))}
    </div>
  );
}
