import type { ReactNode } from "react";
import { PageShell } from "@/components/desktop/page-shell";
import { Button } from "@/components/ui/button";

const LINKS = [
  { href: "/", label: "Back to the room" },
  { href: "/recordings", label: "Recordings" },
  { href: "/studies", label: "Studies" },
];

/** The frame of the studies pages: the header with the way back, and the page's width. */
export function StudyShell({ children }: { children: ReactNode }) {
  return <PageShell links={LINKS}>{children}</PageShell>;
}

/** A failed read: the server's sentence as is, and a way to try again. */
export function LoadError({ message, onRetry, testId }: { message: string; onRetry: () => void; testId?: string }) {
  return (
    <div role="alert" data-testid={testId} className="flex flex-wrap items-center gap-4 rounded-lg border border-amber-400/60 bg-amber-400/10 px-4 py-3 text-amber-100">
      <p className="min-w-0 flex-1">{message}</p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}

/** A plain message after an action failed (a save, a delete): the server's sentence. */
export function ActionError({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid={testId} className="rounded-lg border border-amber-400/60 bg-amber-400/10 px-4 py-3 text-amber-100">
      {message}
    </p>
  );
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "12 Mar 2025, 14:05": enough to tell a day's edits apart. */
export function dateText(ms: number): string {
  return new Date(ms).toLocaleString([], { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
}
