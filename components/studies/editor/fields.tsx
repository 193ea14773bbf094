import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** Text and number inputs of the study editor: the select's look, red-edged while their field has a message. */
export function inputClass(invalid: boolean, extra?: string): string {
  return cx(
    "h-11 rounded-lg border bg-slate-800 px-3 text-base text-slate-100 placeholder:text-slate-500",
    "hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:opacity-50",
    invalid ? "border-red-400" : "border-slate-600",
    extra,
  );
}

/** A field's message under it, tied to the input with `aria-describedby={id}`. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} data-testid="field-error" className="text-sm text-red-300">
      {message}
    </p>
  );
}

/** A label above its control, with an optional hint and the field's message below (outside the label, so it is not read as the name). */
export function Field({ label, hint, error, errorId, children, className }: { label: string; hint?: string; error?: string; errorId: string; children: ReactNode; className?: string }) {
  return (
    <div className={cx("flex min-w-0 flex-col gap-1.5", className)}>
      <label className="flex min-w-0 flex-col gap-1.5">
        <span className="text-sm font-semibold text-slate-300">{label}</span>
        {children}
      </label>
      {hint && <p className="text-sm text-slate-400">{hint}</p>}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A panel of the editor with its heading. */
export function EditorSection({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="flex flex-col gap-4 rounded-2xl border border-slate-700 bg-slate-900/60 p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="min-w-0 flex-1 text-xl font-semibold text-slate-50">{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** A square icon button (move, remove) with its action spelled out for screen readers. */
export function IconButton({ label, onClick, disabled, children, testId, danger }: { label: string; onClick: () => void; disabled?: boolean; children: ReactNode; testId?: string; danger?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={onClick}
      disabled={disabled}
      className={cx(
        "grid size-11 shrink-0 place-items-center rounded-lg text-lg font-semibold disabled:cursor-not-allowed disabled:opacity-30",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300",
        danger ? "text-red-300 hover:bg-red-500/15" : "text-slate-200 hover:bg-slate-800",
      )}
    >
      {children}
    </button>
  );
}
