"use client";

import { useState } from "react";
import { inputClass } from "./fields";

const MIN = 0.05;
const MAX = 1;

interface ThresholdFieldProps {
  /** The threshold in force; null when the detector's own is not known here. */
  value: number | null;
  label: string;
  onChange: (thresholdProb: number) => void;
  testId?: string;
}

/**
 * A decision threshold typed as a number. The text is the field's own while it is
 * being typed ("0." is on the way to "0.7"), and follows the value when that
 * changes from outside (settings loaded from the scene).
 */
export function ThresholdField({ value, label, onChange, testId }: ThresholdFieldProps) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value === null ? "" : String(value));
  }
  const typed = Number(text);
  const invalid = text.trim() !== "" && !(typed >= MIN && typed <= MAX);

  return (
    <span className="flex flex-col items-end gap-1">
      <span className="flex items-center gap-2 text-sm text-slate-300">
        Threshold
        <input
          type="number"
          inputMode="decimal"
          data-testid={testId}
          aria-label={label}
          aria-invalid={invalid}
          min={MIN}
          max={MAX}
          step={0.05}
          value={text}
          placeholder="own"
          onChange={(e) => {
            setText(e.target.value);
            const next = Number(e.target.value);
            if (e.target.value.trim() !== "" && next >= MIN && next <= MAX) onChange(next);
          }}
          className={inputClass(invalid, "w-24 tabular-nums")}
        />
      </span>
      {invalid && <span className="text-sm text-red-300">From {MIN} to {MAX}.</span>}
    </span>
  );
}
