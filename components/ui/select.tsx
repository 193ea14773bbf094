import type { SelectHTMLAttributes } from "react";
import { cx } from "./cx";

/** A native select (keyboard, screen readers and touch for free), styled for the dark theme. */
export function Select({ className, compact = false, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { compact?: boolean }) {
  return (
    <select
      className={cx(
        "rounded-lg border border-slate-600 bg-slate-800 px-3 text-slate-100",
        compact ? "h-9 text-sm" : "h-11 text-base",
        "hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:opacity-50",
        className,
      )}
      {...rest}
    />
  );
}
