"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import { samplesText, totalSamples } from "./recording-format";

interface RecordingDeleteProps {
  recording: RecordingSummary;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

/** Deleting a participant's recording is for real (the samples leave the database), so it asks once, plainly. */
export function RecordingDelete({ recording, onClose, onDeleted }: RecordingDeleteProps) {
  return (
    <ConfirmDialog
      title={`Delete “${recording.name}”?`}
      confirmLabel="Delete for good"
      busyLabel="Deleting…"
      testId="delete-dialog"
      errorTestId="delete-error"
      confirmTestId="delete-confirm"
      onClose={onClose}
      onConfirm={async () => {
        await recordingsApi.remove(recording.id);
        onDeleted(recording.id);
      }}
    >
      Its {samplesText(totalSamples(recording.devices))}, {recording.labelCount} label{recording.labelCount === 1 ? "" : "s"} and {recording.eventCount} model event
      {recording.eventCount === 1 ? "" : "s"} are removed from the database for good. This cannot be undone; export it first if you may need it.
    </ConfirmDialog>
  );
}
