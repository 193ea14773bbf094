"use client";

import { LIMITS } from "@/lib/protocol/limits";

interface NameFieldProps {
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** The name the computer shows for this phone, e.g. "left wrist". */
export function NameField({ value, onChange, onBlur }: NameFieldProps) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="phone-name" className="text-base text-[#9da7b3]">
        Name of this phone
      </label>
      <input
        id="phone-name"
        data-testid="phone-name"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
        placeholder="left wrist"
        maxLength={LIMITS.deviceNameMaxChars}
        autoComplete="off"
        enterKeyHint="done"
        className="h-14 w-full rounded-xl border-2 border-[#30363d] bg-[#0d1117] px-4 text-xl outline-none placeholder:text-[#3b434c] focus:border-[#2f81f7]"
      />
    </div>
  );
}
