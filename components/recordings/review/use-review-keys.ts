"use client";

import { useEffect, useRef } from "react";

export interface ReviewKeyActions {
  /** Key 1-9: `index` 0-8. */
  onDigit(index: number): void;
  onSplit(): void;
  onRemove(): void;
  onDeselect(): void;
  /** Arrow keys: a fraction of the window (negative: earlier). */
  onPan(fraction: number): void;
  onZoom(factor: number): void;
  onFit(): void;
  onUndo(): void;
  onRedo(): void;
  zoomStep: number;
  /** Still recording: the edit keys (1-9, S, Delete, undo, redo) are ignored and left to the browser; view keys work. */
  readOnly: boolean;
}

/** Typing in a field (the label name, the recording's name) must not edit labels. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The review page's keyboard: 1-9 relabel, S split, Delete remove, arrows pan, +/- zoom,
 * 0 fit, Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo. Listens on the window so
 * the keys work wherever the mouse is; the handler reads the latest actions from a
 * ref, so it is attached once rather than on every render.
 */
export function useReviewKeys(actions: ReviewKeyActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey) return;
      const a = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const edits = !a.readOnly;
      let handled = true;
      if (mod && key === "z" && edits) (e.shiftKey ? a.onRedo : a.onUndo)();
      else if (mod && key === "y" && edits) a.onRedo();
      else if (mod) handled = false;
      else if (/^[1-9]$/.test(e.key) && edits) a.onDigit(Number(e.key) - 1);
      else if (key === "s" && edits) a.onSplit();
      else if ((e.key === "Delete" || e.key === "Backspace") && edits) a.onRemove();
      else if (e.key === "Escape") a.onDeselect();
      else if (e.key === "ArrowLeft" || e.key === "ArrowRight") a.onPan((e.key === "ArrowLeft" ? -1 : 1) * (e.shiftKey ? 0.5 : 0.1));
      else if (e.key === "+" || e.key === "=") a.onZoom(a.zoomStep);
      else if (e.key === "-" || e.key === "_") a.onZoom(1 / a.zoomStep);
      else if (e.key === "0") a.onFit();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
