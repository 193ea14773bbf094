"use client";

import { useEffect } from "react";

export interface StudyKeyActions {
  success: () => void;
  miss: () => void;
  falseTrigger: () => void;
  note: () => void;
  /** Space: pause, resume, or continue after a break. */
  toggle: () => void;
}

/** Typing a note or a participant id must not mark trials. */
const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

/**
 * The facilitator's single keys: S success, M miss, F false trigger, N note, Space
 * pause / resume. Ignored while typing, with a modifier held (browser shortcuts), or
 * while a dialog is open.
 */
export function useStudyKeys(enabled: boolean, actions: StudyKeyActions): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector("dialog[open]")) return;
      const key = e.key.toLowerCase();
      const action = key === "s" ? actions.success : key === "m" ? actions.miss : key === "f" ? actions.falseTrigger : key === "n" ? actions.note : key === " " ? actions.toggle : null;
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled, actions]);
}
