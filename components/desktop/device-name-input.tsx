"use client";

import { useState } from "react";
import { LIMITS } from "@/lib/protocol/limits";
import { useSession } from "./session-context";

/**
 * The device's name, editable in place: Enter or leaving the field renames it for
 * everyone (and on the phone itself); Escape puts the current name back.
 */
export function DeviceNameInput({ deviceId, name }: { deviceId: string; name: string }) {
  const session = useSession();
  // null while not editing, so renames from elsewhere show up immediately.
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    const next = (draft ?? "").trim();
    if (next && next !== name) session.rename(deviceId, next);
    setDraft(null);
  };

  return (
    <input
      data-testid="device-name-input"
      aria-label="Device name"
      title="Rename this device"
      value={draft ?? name}
      maxLength={LIMITS.deviceNameMaxChars}
      spellCheck={false}
      onFocus={() => setDraft(name)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        else if (e.key === "Escape") setDraft(name);
      }}
      className="field-sizing-content h-11 max-w-[24rem] min-w-[8ch] rounded-lg border border-transparent bg-transparent px-2 text-2xl font-semibold text-slate-50 hover:border-slate-600 focus:border-sky-400 focus:bg-slate-950 focus:outline-none"
    />
  );
}
