import type { ReactNode } from "react";

export interface ToastProps {
  title: string;
  children: ReactNode;
  onDismiss: () => void;
}

export function Toast({ title, children, onDismiss }: ToastProps) {
  return (
    <div
      role="alert"
      className="pointer-events-auto flex w-[26rem] max-w-[calc(100vw-2rem)] gap-3 rounded-xl border border-amber-400/60 bg-slate-900 p-4 shadow-2xl shadow-black/60"
    >
      <span aria-hidden className="mt-0.5 grid size-7 shrink-0 place-items-center rounded-full bg-amber-400 font-bold text-slate-950">
        !
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-semibold text-amber-100">{title}</p>
        <div className="mt-1 text-sm break-words text-slate-300">{children}</div>
      </div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="-mt-1 -mr-1 grid size-8 shrink-0 place-items-center rounded-md text-xl text-slate-400 hover:bg-slate-800 hover:text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-300"
      >
        ×
      </button>
    </div>
  );
}
