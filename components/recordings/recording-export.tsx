"use client";

import { Fragment, useEffect, useRef, useState } from "react";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { RecordingSummary } from "@/lib/protocol/recordings";

const ITEM = "flex h-10 items-center rounded-md px-3 text-sm whitespace-nowrap text-slate-100 hover:bg-slate-700";

/** Why the labels file exists next to the data file; shared with the review page's export menu. */
export const EDGE_IMPULSE_LABELS_TITLE =
  "Edge Impulse keeps one label per file; this labels file (structured_labels.labels) carries every labelled span. Upload it with the data file.";

/**
 * Plain download links: the browser saves the server's file as it comes (with the
 * name the server gives it), so a long recording never passes through page memory.
 * Edge Impulse's format holds one device, hence one link per device, each followed
 * by that device's labels file.
 */
/** Height the menu may need: CSV, JSON Lines and two Edge Impulse items of a device or two. */
const MENU_ROOM_PX = 260;

export function RecordingExport({ recording }: { recording: RecordingSummary }) {
  /** Where the menu hangs, in viewport px; null when closed. Fixed, because the table scrolls sideways and would clip it. */
  const [at, setAt] = useState<{ top?: number; bottom?: number; left: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const open = at !== null;

  useEffect(() => {
    if (!open) return;
    const close = () => setAt(null);
    const away = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    const escape = (e: KeyboardEvent) => e.key === "Escape" && close();
    document.addEventListener("pointerdown", away);
    document.addEventListener("keydown", escape);
    // A fixed menu would float away from its button when anything scrolls.
    window.addEventListener("scroll", close, true);
    window.addEventListener("resize", close);
    return () => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("keydown", escape);
      window.removeEventListener("scroll", close, true);
      window.removeEventListener("resize", close);
    };
  }, [open]);

  function toggle(button: HTMLElement) {
    if (open) return setAt(null);
    const r = button.getBoundingClientRect();
    // Opens upward when the rows below leave no room for it.
    const below = window.innerHeight - r.bottom > MENU_ROOM_PX;
    setAt(below ? { top: r.bottom + 4, left: r.left } : { bottom: window.innerHeight - r.top + 4, left: r.left });
  }

  return (
    <div ref={root}>
      <button
        type="button"
        data-testid="export-open"
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={(e) => toggle(e.currentTarget)}
        className="inline-flex h-9 items-center gap-1 rounded-lg px-3 font-medium text-slate-200 hover:bg-slate-800"
      >
        Export <span aria-hidden className="text-slate-400">▾</span>
      </button>
      {at && (
        <div role="menu" style={at} className="fixed z-40 flex min-w-56 flex-col rounded-lg border border-slate-600 bg-slate-800 p-1 shadow-xl shadow-black/50">
          <a role="menuitem" data-testid="export-csv" href={recordingsApi.exportUrl(recording.id, "csv")} download className={ITEM} onClick={() => setAt(null)}>
            CSV (one row per sample)
          </a>
          <a role="menuitem" data-testid="export-jsonl" href={recordingsApi.exportUrl(recording.id, "jsonl")} download className={ITEM} onClick={() => setAt(null)}>
            JSON Lines
          </a>
          {recording.devices.map((d) => (
            <Fragment key={d.id}>
              <a
                role="menuitem"
                data-testid="export-edge-impulse"
                data-device={d.id}
                href={recordingsApi.exportUrl(recording.id, "edge-impulse", d.id)}
                download
                className={ITEM}
                onClick={() => setAt(null)}
              >
                Edge Impulse: {d.name}
              </a>
              <a
                role="menuitem"
                data-testid="export-edge-impulse-labels"
                data-device={d.id}
                href={recordingsApi.exportUrl(recording.id, "edge-impulse-labels", d.id)}
                download
                title={EDGE_IMPULSE_LABELS_TITLE}
                className={ITEM}
                onClick={() => setAt(null)}
              >
                Edge Impulse labels: {d.name}
              </a>
            </Fragment>
          ))}
          {recording.devices.length === 0 && <span className="px-3 py-2 text-sm text-slate-400">Edge Impulse: no device has samples yet</span>}
        </div>
      )}
    </div>
  );
}
