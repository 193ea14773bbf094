"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { DesktopHeader } from "@/components/desktop/desktop-header";
import { PageError } from "@/components/ui/page-error";
import { useFetched } from "@/components/ui/use-fetched";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { RecordingDetail } from "@/lib/protocol/recordings";
import type { TimeWindow } from "@/lib/review/timeline-view";
import { ReviewHeader } from "./review-header";
import { ReviewTimeline } from "./review-timeline";
import { useReviewAnnotations } from "./use-review-annotations";

/**
 * /recordings/<id>: loads the recording, then shows it for review; a clear screen when it cannot.
 * `span`: a linked stretch of the recording clock to open zoomed to (review-link.ts), else the whole recording.
 */
export function ReviewPage({ id, span = null }: { id: string; span?: TimeWindow | null }) {
  const { state: load, retry } = useFetched(useCallback(() => recordingsApi.get(id), [id]));

  return (
    <div data-testid="review-page" className="flex min-h-screen flex-col">
      <DesktopHeader>
        <Link href="/recordings" data-testid="all-recordings" className="inline-flex h-11 items-center rounded-lg px-4 text-slate-300 hover:bg-slate-800 hover:text-slate-100">
          ← All recordings
        </Link>
      </DesktopHeader>
      {load.status === "loading" && <p className="animate-pulse p-10 text-center text-2xl text-slate-300">Opening the recording…</p>}
      {load.status === "error" && (
        <PageError id={id} noun="recording" error={load.error} retry={retry} failedTitle="Cannot open this recording" backHref="/recordings" backLabel="All recordings" testId="review-error" />
      )}
      {load.status === "ready" && <ReviewLoaded key={load.value.id} initial={load.value} span={span} />}
    </div>
  );
}

/** The loaded recording: header, notices about saving, and the timeline, all on one saved state. */
function ReviewLoaded({ initial, span }: { initial: RecordingDetail; span: TimeWindow | null }) {
  const a = useReviewAnnotations(initial);
  // A recording in progress grows: reloading remounts the timeline so that it fetches the samples again.
  const [reloads, setReloads] = useState(0);
  const reload = () => {
    a.reload();
    setReloads((r) => r + 1);
  };
  return (
    <main className="flex flex-col gap-3 px-6 py-3">
      <ReviewHeader detail={a.detail} labelCount={a.shown.labels.length} onRename={a.rename} />
      {a.readOnly && (
        // Said up front rather than left to a refused save: the server takes no label edits until Stop.
        <div role="status" data-testid="review-still-recording" className="flex items-center gap-4 rounded-lg border border-sky-400/60 bg-sky-400/10 px-4 py-3 text-sky-100">
          <span className="flex-1">
            Still recording: labels can be edited after Stop. <span className="text-sky-200/80">Reload shows what has been recorded since this page opened.</span>
          </span>
          <Button size="sm" data-testid="review-reload" onClick={reload}>
            Reload
          </Button>
        </div>
      )}
      {a.notice && (
        <div
          role="alert"
          className={cx(
            "flex items-center gap-4 rounded-lg border px-4 py-3",
            a.notice.tone === "warn" ? "border-amber-400/60 bg-amber-400/10 text-amber-100" : "border-red-400/60 bg-red-500/10 text-red-100",
          )}
        >
          <span className="flex-1">{a.notice.text}</span>
          <Button variant="ghost" size="sm" onClick={a.dismissNotice}>
            Dismiss
          </Button>
        </div>
      )}
      <ReviewTimeline
        // A new linked span (same recording, other trial) opens anew on it, as a first visit would.
        key={`${reloads} ${span ? `${span.startMs}-${span.endMs}` : "fit"}`}
        detail={a.detail}
        span={span}
        shown={a.shown}
        readOnly={a.readOnly}
        onEdit={a.edit}
        onUndo={a.undo}
        onRedo={a.redo}
        canUndo={a.canUndo}
        canRedo={a.canRedo}
        saving={a.saving}
      />
    </main>
  );
}
