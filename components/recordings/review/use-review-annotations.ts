"use client";

import { useCallback, useRef, useState } from "react";
import { recordingsApi, RecordingsApiError } from "@/lib/client/recordings-api";
import type { LabelSpan, RecordingDetail, RecordingTrim } from "@/lib/protocol/recordings";

export interface Annotations {
  labels: LabelSpan[];
  trim: RecordingTrim | null;
}

export interface ReviewNotice {
  tone: "warn" | "bad";
  text: string;
}

/**
 * The one 409 that means someone else saved first (lib/recordings/recording-annotations.ts).
 * Other 409s (nothing to undo, the recording still running) explain themselves and are shown as the server says them.
 */
const REVISION_CONFLICT = /changed elsewhere/i;

const isRunning = (d: RecordingDetail) => d.status === "recording";

/**
 * The recording's detail and its labels and trim as the page shows them, kept in step
 * with the server. Edits show at once (optimistic) and are saved in order, one request
 * at a time, each on the revision the previous answer returned: quick edits (1, 2, 3
 * pressed in a row) would otherwise race and refuse each other as stale. Undo and
 * redo join the same queue, so they apply to the edit just made even before its save
 * has come back. When someone else saved in between (409), the page takes their
 * version and drops the edits still queued, which were made on top of the old one.
 * A recording still in progress is read-only: the server refuses its label edits
 * until it is stopped, so the page does not offer them.
 */
export function useReviewAnnotations(initial: RecordingDetail) {
  const [detail, setDetail] = useState(initial);
  const [shown, setShown] = useState<Annotations>({ labels: initial.labels, trim: initial.trim });
  const [notice, setNotice] = useState<ReviewNotice | null>(null);
  const [pending, setPending] = useState(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const revision = useRef(initial.revision);
  const queued = useRef(0);
  /** The last detail the server sent, for going back to it from a callback. */
  const saved = useRef(initial);
  /** Bumped when the server's version replaces ours: queued operations from before are dropped. */
  const generation = useRef(0);
  const id = initial.id;

  const adopt = useCallback((d: RecordingDetail, showNow: boolean) => {
    revision.current = d.revision;
    saved.current = d;
    setDetail(d);
    if (showNow) setShown({ labels: d.labels, trim: d.trim });
  }, []);

  const resync = useCallback(
    async (text: string, tone: ReviewNotice["tone"]) => {
      generation.current++;
      setNotice({ tone, text });
      try {
        adopt(await recordingsApi.get(id), true);
      } catch {
        // Unreachable server: show what was last saved rather than edits that were not.
        setShown({ labels: saved.current.labels, trim: saved.current.trim });
      }
    },
    [id, adopt],
  );

  const enqueue = useCallback(
    (op: () => Promise<RecordingDetail>) => {
      const gen = generation.current;
      queued.current++;
      setPending(queued.current);
      chain.current = chain.current.then(async () => {
        try {
          if (gen !== generation.current) return;
          // Only the last queued answer may replace what is shown; earlier ones would flicker back.
          adopt(await op(), queued.current === 1);
        } catch (e) {
          const status = e instanceof RecordingsApiError ? e.status : -1;
          const message = e instanceof Error ? e.message : String(e);
          if (status === 409 && REVISION_CONFLICT.test(message)) {
            await resync("Someone else changed this recording's labels meanwhile. It now shows their version; make your edit again if it is still needed.", "warn");
          } else if (status === 409) {
            await resync(message, "warn");
          } else {
            await resync(`Your last change was not saved. ${message}`, "bad");
          }
        } finally {
          queued.current--;
          setPending(queued.current);
        }
      });
    },
    [adopt, resync],
  );

  /** Show `next` now and save it; `next` must keep the spans sorted and apart (lib/review/label-edits does). */
  const edit = useCallback(
    (next: Annotations) => {
      if (isRunning(saved.current)) return;
      setShown(next);
      enqueue(() => recordingsApi.annotationsPut(id, { baseRevision: revision.current, labels: next.labels, trim: next.trim }));
    },
    [id, enqueue],
  );

  const history = useCallback(
    (way: "undo" | "redo") => {
      if (!isRunning(saved.current)) enqueue(() => recordingsApi[way](id));
    },
    [id, enqueue],
  );
  const undo = useCallback(() => history("undo"), [history]);
  const redo = useCallback(() => history("redo"), [history]);

  const rename = useCallback(
    async (name: string) => {
      const summary = await recordingsApi.rename(id, name);
      setDetail((d) => ({ ...d, name: summary.name }));
    },
    [id],
  );

  /** The server's current version (a recording in progress keeps growing). */
  const reload = useCallback(() => {
    enqueue(() => recordingsApi.get(id));
  }, [id, enqueue]);

  return {
    detail,
    shown,
    /** Still recording: nothing can be edited until it is stopped (and the page reloaded). */
    readOnly: isRunning(detail),
    notice,
    dismissNotice: () => setNotice(null),
    saving: pending > 0,
    // An edit still saving can be undone: its undo waits in the queue behind it.
    canUndo: detail.canUndo || pending > 0,
    canRedo: detail.canRedo,
    edit,
    undo,
    redo,
    rename,
    reload,
  };
}
