"use client";

import { useCallback, useEffect, useState } from "react";

export type Fetched<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; value: T };

/**
 * A page's one read from the server: loading, then the value or the error, and a retry
 * that reads again. An answer that arrives after the page moved on (another id, a
 * retry, unmounting) is dropped. `read` must change only when what it reads changes.
 */
export function useFetched<T>(read: () => Promise<T>): { state: Fetched<T>; retry: () => void } {
  const [state, setState] = useState<Fetched<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    read()
      .then((value) => live && setState({ status: "ready", value }))
      .catch((error: unknown) => live && setState({ status: "error", error }));
    return () => {
      live = false;
    };
  }, [read, attempt]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((a) => a + 1);
  }, []);
  return { state, retry };
}
