import type { ButtonHTMLAttributes } from "react";
import { cx } from "./cx";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-sky-400 text-slate-950 hover:bg-sky-300",
  secondary: "border border-slate-600 bg-slate-800/70 text-slate-100 hover:border-slate-400 hover:bg-slate-700/70",
  ghost: "text-slate-300 hover:bg-slate-800 hover:text-slate-100",
  danger: "border border-amber-400/70 bg-amber-400/15 text-amber-100 hover:bg-amber-400/25",
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "sm" | "md";
}

export function Button({ variant = "secondary", size = "md", className, type = "button", ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:cursor-not-allowed disabled:opacity-50",
        size === "sm" ? "h-9 px-3 text-sm" : "h-11 px-4 text-base",
        VARIANTS[variant],
        className,
      )}
      {...rest}
    />
  );
}
