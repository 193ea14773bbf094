"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import { RecordingDialog } from "./recording-dialog";
import { samplesText, totalSamples } from "./recording-format";

interface RecordingDeleteProps {
  recording: RecordingSummary;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

/** Deleting a participant's recording is for real (the samples leave the database), so it asks once, plainly. */
export function RecordingDelete({ recording, onClose, onDeleted }: RecordingDeleteProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await recordingsApi.remove(recording.id);
      onDeleted(recording.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <RecordingDialog title={`Delete “${recording.name}”?`} onClose={onClose} data-testid="delete-dialog">
      <p className="text-base text-slate-300">
        Its {samplesText(totalSamples(recording.devices))}, {recording.labelCount} label{recording.labelCount === 1 ? "" : "s"} and {recording.eventCount} model event
        {recording.eventCount === 1 ? "" : "s"} are removed from the database for good. This cannot be undone; export it first if you may need it.
      </p>
      {error && (
        <p role="alert" data-testid="delete-error" className="text-sm text-amber-200">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-3">
        <Button variant="ghost" onClick={onClose}>
          Keep it
        </Button>
        <button
          type="button"
          data-testid="delete-confirm"
          onClick={() => void remove()}
          disabled={busy}
          className="inline-flex h-11 items-center rounded-lg bg-red-500 px-4 font-semibold text-white hover:bg-red-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-300 disabled:opacity-50"
        >
          {busy ? "Deleting…" : "Delete for good"}
        </button>
      </div>
    </RecordingDialog>
  );
}
