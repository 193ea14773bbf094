"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import { modelUpload, type DroppedFile } from "@/lib/client/model-upload";
import { droppedFiles } from "./dropped-files";

type Outcome = { ok: true; text: string } | { ok: false; errors: string[] } | null;

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");

/**
 * Loading a model folder by dropping it anywhere on the page, or by picking it.
 * The server validates it; a good one becomes a new version and runs in the first
 * free slot (A if both are taken), a bad one is refused with every reason.
 */
export function ModelDrop({ detectors }: { detectors: DesktopDetectors }) {
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const upload = async (files: DroppedFile[]) => {
    setBusy(true);
    setOutcome(null);
    const r = await modelUpload(window.location.origin, files);
    setBusy(false);
    if (!r.ok) return setOutcome({ ok: false, errors: r.errors });
    await detectors.refreshCatalog();
    const slots = detectors.getState().slots;
    const slot = !slots.A.choice ? "A" : !slots.B.choice ? "B" : "A";
    detectors.choose(slot, { kind: "model", id: r.id, pinned: null });
    setOutcome({ ok: true, text: `Loaded ${r.id} v${r.version} into ${slot}.` });
  };

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void droppedFiles(e.dataTransfer).then(upload);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
    // `upload` only closes over `detectors` and state setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detectors]);

  return (
    <>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-400">
        <Button size="sm" disabled={busy} onClick={() => inputRef.current?.click()}>
          {busy ? "Loading model…" : "Load model folder…"}
        </Button>
        <span>or drop a model folder (manifest.json, model.json, weights) anywhere on this page.</span>
        <input
          ref={inputRef}
          data-testid="model-folder-input"
          type="file"
          multiple
          hidden
          {...{ webkitdirectory: "" }}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = "";
            void Promise.all(files.map(async (f) => ({ path: f.webkitRelativePath || f.name, bytes: await f.arrayBuffer() }))).then(upload);
          }}
        />
      </div>
      {outcome && (
        <div
          role={outcome.ok ? "status" : "alert"}
          data-testid="model-drop-outcome"
          data-ok={String(outcome.ok)}
          className={
            outcome.ok
              ? "flex items-start justify-between gap-3 rounded-lg border border-emerald-400/50 bg-emerald-400/10 px-3 py-2 text-sm text-emerald-100"
              : "flex items-start justify-between gap-3 rounded-lg border border-red-400/50 bg-red-500/10 px-3 py-2 text-sm text-red-100"
          }
        >
          {outcome.ok ? (
            <span>{outcome.text}</span>
          ) : (
            <div>
              <p className="font-semibold">The model folder was refused; nothing changed.</p>
              <ul className="mt-1 list-disc pl-5">
                {outcome.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          )}
          <button type="button" className="text-slate-300 hover:text-white" aria-label="Dismiss" onClick={() => setOutcome(null)}>
            ✕
          </button>
        </div>
      )}
      {dragging && (
        <div className="pointer-events-none fixed inset-0 z-50 grid place-items-center bg-slate-950/80 text-2xl font-semibold text-sky-200">
          <div className="rounded-2xl border-2 border-dashed border-sky-300 bg-slate-900 px-12 py-10 shadow-2xl shadow-black/60">Drop the model folder to load it</div>
        </div>
      )}
    </>
  );
}
