"use client";

import { useEffect, useRef, type ReactNode } from "react";

interface RecordingDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  "data-testid"?: string;
}

/**
 * A modal on the native `<dialog>`: focus trapping, Escape and the inert page behind
 * come with the browser. Open while mounted; unmounting removes it from the page,
 * which also ends the modal state, so there is nothing to close by hand (closing in a
 * cleanup would fire `close` after StrictMode's remount and shut it at once).
 */
export function RecordingDialog({ title, onClose, children, ...rest }: RecordingDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={title}
      data-testid={rest["data-testid"]}
      className="fixed inset-0 m-auto h-fit max-h-[calc(100vh-2rem)] w-[36rem] max-w-[calc(100vw-2rem)] overflow-y-auto rounded-2xl border border-slate-700 bg-slate-900 p-0 text-slate-100 shadow-2xl shadow-black backdrop:bg-black/70"
    >
      <div className="flex flex-col gap-4 p-5">
        <header className="flex items-start gap-3">
          <h2 className="min-w-0 flex-1 text-xl font-semibold break-words text-slate-50">{title}</h2>
          <button type="button" onClick={onClose} aria-label="Close" className="-mt-1 -mr-1 grid size-10 shrink-0 place-items-center rounded-lg text-2xl text-slate-400 hover:bg-slate-800 hover:text-slate-100">
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
