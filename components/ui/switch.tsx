import type { ButtonHTMLAttributes } from "react";
import { cx } from "./cx";

export interface SwitchProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onChange"> {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
}

/** A labelled on/off button (`role="switch"`), large enough to hit on a touch screen. */
export function Switch({ checked, onChange, label, className, ...rest }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      onClick={() => onChange(!checked)}
      className={cx(
        "group inline-flex h-11 items-center gap-3 rounded-lg px-3 text-base font-medium whitespace-nowrap text-slate-100 transition-colors hover:bg-slate-800",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300",
        className,
      )}
      {...rest}
    >
      <span
        aria-hidden
        className={cx(
          "relative h-6 w-11 shrink-0 rounded-full border transition-colors",
          checked ? "border-sky-300 bg-sky-400" : "border-slate-500 bg-slate-700",
        )}
      >
        <span
          className={cx(
            "absolute top-[2px] size-[18px] rounded-full bg-white shadow transition-[left]",
            checked ? "left-[22px]" : "left-[2px]",
          )}
        />
      </span>
      {label}
    </button>
  );
}
