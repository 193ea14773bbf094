"use client";

import { useState, type DragEvent } from "react";
import { cx } from "@/components/ui/cx";
import { recordingsApi } from "@/lib/client/recordings-api";
import { IMPORT_MAX_BYTES, type RecordingSummary } from "@/lib/protocol/recordings";

const ACCEPT = ".csv,.jsonl,.json";

type ImportStatus = { kind: "idle" } | { kind: "busy"; file: string } | { kind: "done"; text: string } | { kind: "failed"; file: string; message: string };

/**
 * Import by file button or by dropping files. The server detects the format and
 * either stores the file whole or refuses it with one sentence naming the problem,
 * which is shown as it is: it says what to fix in the file.
 */
export function ImportDrop({ onImported }: { onImported: (recordings: RecordingSummary[]) => void }) {
  const [status, setStatus] = useState<ImportStatus>({ kind: "idle" });
  const [over, setOver] = useState(false);

  async function importFiles(files: readonly File[]) {
    const added: RecordingSummary[] = [];
    for (const file of files) {
      // Refused here rather than after uploading the lot: the server would refuse it too (413).
      if (file.size > IMPORT_MAX_BYTES) {
        setStatus({ kind: "failed", file: file.name, message: `The file is ${(file.size / 2 ** 20).toFixed(0)} MB; imports are limited to ${IMPORT_MAX_BYTES / 2 ** 20} MB.` });
        return;
      }
      setStatus({ kind: "busy", file: file.name });
      try {
        const recordings = await recordingsApi.import(file, file.name);
        added.push(...recordings);
        onImported(recordings);
      } catch (e) {
        setStatus({ kind: "failed", file: file.name, message: e instanceof Error ? e.message : String(e) });
        return;
      }
    }
    if (added.length > 0) {
      setStatus({ kind: "done", text: `Imported ${added.length} recording${added.length === 1 ? "" : "s"}: ${added.map((r) => r.name).join(", ")}.` });
    }
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    void importFiles([...e.dataTransfer.files]);
  }

  const busy = status.kind === "busy";
  return (
    <section
      aria-label="Import recordings"
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={cx("flex flex-col gap-3 rounded-2xl border-2 border-dashed p-5 transition-colors", over ? "border-sky-400 bg-sky-500/10" : "border-slate-700 bg-slate-900/40")}
    >
      <div className="flex flex-wrap items-center gap-4">
        <label className={cx("inline-flex h-11 cursor-pointer items-center rounded-lg border border-slate-600 bg-slate-800/70 px-4 font-medium text-slate-100 hover:border-slate-400", busy && "pointer-events-none opacity-50")}>
          Import a file…
          <input
            data-testid="import-input"
            type="file"
            accept={ACCEPT}
            multiple
            disabled={busy}
            className="sr-only"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              // Cleared, so choosing the same file again (after fixing it) imports it again.
              e.target.value = "";
              void importFiles(files);
            }}
          />
        </label>
        <p className="text-base text-slate-300">
          or drop files here: CSV, JSON Lines or Edge Impulse JSON as Wristlab exports them, and the training datasets&apos; formats; up to {IMPORT_MAX_BYTES / 2 ** 20} MB each.
        </p>
      </div>
      {status.kind === "busy" && (
        <p data-testid="import-busy" className="text-sm text-slate-300">
          Importing {status.file}…
        </p>
      )}
      {status.kind === "done" && (
        <p data-testid="import-result" className="text-sm text-emerald-200">
          {status.text}
        </p>
      )}
      {status.kind === "failed" && (
        <div role="alert" className="rounded-lg border border-amber-400/60 bg-amber-400/10 px-3 py-2 text-sm">
          <p className="font-semibold text-amber-100">{status.file} was not imported; nothing was stored.</p>
          <p data-testid="import-error" className="text-amber-200">
            {status.message}
          </p>
        </div>
      )}
    </section>
  );
}
