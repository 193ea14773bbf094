import type { ReactNode } from "react";
import type { Tone } from "./badge";
import { cx } from "./cx";

const VALUE_TONES: Record<Tone, string> = {
  neutral: "text-slate-50",
  info: "text-sky-200",
  good: "text-emerald-300",
  warn: "text-amber-300",
  bad: "text-red-300",
  idle: "text-slate-500",
};

const EDGE_TONES: Record<Tone, string> = {
  neutral: "border-l-slate-600",
  info: "border-l-sky-400",
  good: "border-l-emerald-400",
  warn: "border-l-amber-400",
  bad: "border-l-red-400",
  idle: "border-l-slate-700",
};

export interface StatProps {
  label: string;
  tone?: Tone;
  /** Smaller line under the value: context such as the nominal rate or the server's figure. */
  hint?: ReactNode;
  className?: string;
  /** The value; numbers in their own element so tests and styles can target them. */
  children: ReactNode;
}

/** One labelled figure of a metrics panel; the coloured edge carries the tone at a glance from across a room. */
export function Stat({ label, tone = "neutral", hint, className, children }: StatProps) {
  return (
    <div className={cx("min-w-0 rounded-lg border border-l-4 border-slate-700/80 bg-slate-900/70 px-3 py-2", EDGE_TONES[tone], className)}>
      <div className="truncate text-xs font-semibold tracking-wide text-slate-400 uppercase">{label}</div>
      <div className={cx("mt-0.5 flex items-baseline gap-1 text-2xl font-semibold tabular-nums", VALUE_TONES[tone])}>{children}</div>
      {hint && <div className="mt-0.5 truncate text-xs text-slate-400">{hint}</div>}
    </div>
  );
}

/** The unit after a {@link Stat} value, quieter than the number. */
export function Unit({ children }: { children: ReactNode }) {
  return <span className="text-sm font-medium text-slate-400">{children}</span>;
}
