import type { HTMLAttributes } from "react";
import { cx } from "./cx";

export type Tone = "neutral" | "info" | "good" | "warn" | "bad" | "idle";

const TONES: Record<Tone, string> = {
  neutral: "border-slate-600 bg-slate-800/80 text-slate-200",
  info: "border-sky-500/50 bg-sky-500/15 text-sky-200",
  good: "border-emerald-400/50 bg-emerald-400/15 text-emerald-200",
  warn: "border-amber-400/60 bg-amber-400/15 text-amber-200",
  bad: "border-red-400/70 bg-red-500/20 text-red-100",
  idle: "border-slate-700 bg-slate-800/60 text-slate-400",
};

export const DOT_TONES: Record<Tone, string> = {
  neutral: "bg-slate-300",
  info: "bg-sky-300",
  good: "bg-emerald-400",
  warn: "bg-amber-400",
  bad: "bg-red-400",
  idle: "bg-slate-500",
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: Tone;
  /** A coloured dot before the text; `pulse` for states that are still changing. */
  dot?: boolean | "pulse";
}

export function Badge({ tone = "neutral", dot, className, children, ...rest }: BadgeProps) {
  return (
    <span
      className={cx("inline-flex items-center gap-2 whitespace-nowrap rounded-full border px-3 py-1 text-sm font-medium", TONES[tone], className)}
      {...rest}
    >
      {dot && <span aria-hidden className={cx("size-2.5 shrink-0 rounded-full", DOT_TONES[tone], dot === "pulse" && "animate-pulse")} />}
      {children}
    </span>
  );
}
