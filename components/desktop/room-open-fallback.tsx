import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DesktopHeader } from "./desktop-header";

export interface RoomOpenFallbackProps {
  /** Why no room could be found or made; null while still looking. */
  error: string | null;
  retry: () => void;
  /** Shown while looking, e.g. "Opening a room…". */
  waiting: string;
  /** More ways out next to "Try again". */
  children?: ReactNode;
}

/** The page before its room is known: a wait, or why the server could not give one and a retry. */
export function RoomOpenFallback({ error, retry, waiting, children }: RoomOpenFallbackProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <DesktopHeader />
      <main className="flex flex-1 flex-col items-center justify-center gap-5 p-8 text-center">
        {error ? (
          <>
            <h1 className="text-4xl font-bold text-slate-50">Cannot open a room</h1>
            <p className="max-w-xl text-lg text-slate-300">{error} Check that the Wristlab server is running, then try again.</p>
            <div className="flex gap-3">
              <Button variant="primary" onClick={retry}>
                Try again
              </Button>
              {children}
            </div>
          </>
        ) : (
          <p className="animate-pulse text-2xl text-slate-300">{waiting}</p>
        )}
      </main>
    </div>
  );
}
