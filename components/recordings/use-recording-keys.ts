"use client";

import { useEffect, useRef } from "react";
import { useSession } from "@/components/desktop/session-context";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { LiveRecordingInfo } from "@/lib/protocol/recordings";

/** Typing a name or a label must not label the recording. */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["button", "checkbox", "radio", "range", "submit", "reset"].includes(target.type);
}

/**
 * A dialog (the model report, a confirmation) owns the keyboard while it is open: its
 * Escape closes it and must not also close the open label.
 */
function dialogOpen(): boolean {
  return document.querySelector("dialog[open], [role=dialog]") !== null;
}

/**
 * Live labelling while `recording` runs: 1-9 open the label with that key (its own key
 * again closes it), 0 and Escape close the open one. The press is stamped with the
 * desktop's estimate of server time, so the request's trip does not shift the label.
 */
export function useRecordingKeys(recording: LiveRecordingInfo | null, onError: (message: string | null) => void): void {
  const session = useSession();
  /**
   * What this screen last asked for, ahead of the room state that confirms it: a key
   * pressed twice quickly must close the label even before the first press came back.
   */
  const open = useRef<string | null>(null);
  /** The open label as the server last said; what `open` falls back to when a press was refused. */
  const confirmed = useRef<string | null>(null);
  /**
   * Requests go one after another, in the order of the presses: sent side by side, a
   * quick "1 then 2" could reach the server as "2 then 1" and leave the wrong label open.
   */
  const queue = useRef<Promise<void>>(Promise.resolve());
  const active = recording?.activeLabel?.label ?? null;
  useEffect(() => {
    confirmed.current = active;
    open.current = active;
  }, [active]);

  // Every room:state brings a new labelSet array with the same names: read it from a ref so
  // the listener is attached once per recording, not once per state.
  const labelSet = useRef<readonly string[]>([]);
  useEffect(() => {
    labelSet.current = recording?.labelSet ?? [];
  });

  const id = recording?.id ?? null;
  useEffect(() => {
    if (id === null) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || inTextField(e.target) || dialogOpen()) return;
      let label: string | null;
      if (e.key === "0" || e.key === "Escape") label = null;
      else if (/^[1-9]$/.test(e.key)) {
        const chosen = labelSet.current[Number(e.key) - 1];
        if (chosen === undefined) return;
        label = chosen === open.current ? null : chosen;
      } else return;
      e.preventDefault();
      if (label === null && open.current === null) return;
      open.current = label;
      const atServerMs = session.serverNowMs() ?? undefined;
      queue.current = queue.current.then(() =>
        recordingsApi.label(id, label, atServerMs).then(
          () => onError(null),
          (err: unknown) => {
            open.current = confirmed.current;
            onError(`The label was not stored: ${err instanceof Error ? err.message : String(err)}`);
          },
        ),
      );
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [id, session, onError]);
}
