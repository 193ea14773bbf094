"use client";

import { useState, type FormEvent } from "react";

/**
 * The recording's name as the page title, renamed in place: click, type, Enter (or
 * click away) saves, Escape keeps the old name. A refused name stays in the field
 * with the server's reason under it, so nothing typed is lost.
 */
export function ReviewName({ name, onRename }: { name: string; onRename(name: string): Promise<void> }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (draft === null || busy) return;
    const next = draft.trim();
    if (next === "" || next === name) {
      setDraft(null);
      setError(null);
      return;
    }
    setBusy(true);
    try {
      await onRename(next);
      setDraft(null);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (draft === null) {
    return (
      <h1 className="min-w-0">
        <button
          type="button"
          data-testid="review-name"
          title="Rename"
          onClick={() => setDraft(name)}
          className="group flex max-w-full items-center gap-3 rounded-lg px-1 text-left text-3xl font-bold text-slate-50 hover:bg-slate-800/70"
        >
          <span className="truncate">{name}</span>
          <span aria-hidden className="text-lg font-normal text-slate-500 group-hover:text-slate-300">
            ✎
          </span>
        </button>
      </h1>
    );
  }
  return (
    <form onSubmit={save} className="flex min-w-0 flex-col gap-1">
      <input
        autoFocus
        aria-label="Recording name"
        data-testid="review-name-input"
        value={draft}
        maxLength={80}
        disabled={busy}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setDraft(null);
            setError(null);
          }
        }}
        className="h-12 w-[min(36rem,100%)] rounded-lg border border-sky-400 bg-slate-900 px-3 text-2xl font-bold text-slate-50 focus-visible:outline-none"
      />
      {error && <p className="text-sm text-red-300">{error}</p>}
    </form>
  );
}
