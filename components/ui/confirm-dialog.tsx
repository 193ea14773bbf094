"use client";

import { useState, type ReactNode } from "react";
import { RecordingDialog } from "@/components/recordings/recording-dialog";
import { Button } from "./button";

interface ConfirmDialogProps {
  title: string;
  /** What happens, in plain words (a sentence or two: it sits in a paragraph). */
  children: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while `onConfirm` runs: "Deleting…". */
  busyLabel: string;
  cancelLabel?: string;
  /** Does the thing; a rejection stays in the dialog as the error line. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId: string;
  /** Default `${testId}-error`. */
  errorTestId?: string;
  /** Default `${testId}-confirm`. */
  confirmTestId?: string;
}

/**
 * Asks once before something that cannot be undone (a delete, ending a session): a red
 * confirm beside a way back. The dialog stays open until the caller unmounts it, so a
 * refusal from the server is shown here and the person can try again or back out.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  cancelLabel = "Keep it",
  onConfirm,
  onClose,
  testId,
  errorTestId = `${testId}-error`,
  confirmTestId = `${testId}-confirm`,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <RecordingDialog title={title} onClose={onClose} data-testid={testId}>
      <p className="text-base text-slate-300">{children}</p>
      {error && (
        <p role="alert" data-testid={errorTestId} className="text-sm text-amber-200">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-3">
        <Button variant="ghost" onClick={onClose}>
          {cancelLabel}
        </Button>
        {/* Button's "danger" is the amber warning look; this one is the red of no way back. */}
        <button
          type="button"
          data-testid={confirmTestId}
          onClick={() => void confirm()}
          disabled={busy}
          className="inline-flex h-11 items-center rounded-lg bg-red-500 px-4 font-semibold text-white hover:bg-red-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-300 disabled:opacity-50"
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </RecordingDialog>
  );
}
