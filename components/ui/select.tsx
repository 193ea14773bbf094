import type { SelectHTMLAttributes } from "react";
import { cx } from "./cx";

/** A native select (keyboard, screen readers and touch for free), styled for the dark theme. */
export function Select({ className, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cx(
        "h-11 rounded-lg border border-slate-600 bg-slate-800 px-3 text-base text-slate-100",
        "hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:opacity-50",
        className,
      )}
      {...rest}
    />
  );
}
