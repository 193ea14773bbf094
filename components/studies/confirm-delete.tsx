"use client";

import { useState, type ReactNode } from "react";
import { RecordingDialog } from "@/components/recordings/recording-dialog";
import { Button } from "@/components/ui/button";
import { errorText } from "./study-shell";

interface ConfirmDeleteProps {
  title: string;
  /** What goes, in plain words: deleting is for real. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId: string;
}

/** Asks once before a delete that cannot be undone; the server's sentence if it refuses. */
export function ConfirmDelete({ title, children, confirmLabel, onConfirm, onClose, testId }: ConfirmDeleteProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }

  return (
    <RecordingDialog title={title} onClose={onClose} data-testid={testId}>
      <div className="text-base text-slate-300">{children}</div>
      {error && (
        <p role="alert" data-testid={`${testId}-error`} className="text-sm text-amber-200">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-3">
        <Button variant="ghost" onClick={onClose}>
          Keep it
        </Button>
        <button
          type="button"
          data-testid={`${testId}-confirm`}
          onClick={() => void confirm()}
          disabled={busy}
          className="inline-flex h-11 items-center rounded-lg bg-red-500 px-4 font-semibold text-white hover:bg-red-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-300 disabled:opacity-50"
        >
          {busy ? "Deleting…" : confirmLabel}
        </button>
      </div>
    </RecordingDialog>
  );
}
