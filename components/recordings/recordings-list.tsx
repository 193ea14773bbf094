"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { PageShell } from "@/components/desktop/page-shell";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import { ImportDrop } from "./import-drop";
import { RecordingDelete } from "./recording-delete";
import { RecordingsRow } from "./recordings-row";
import { ReplayDialog } from "./replay-dialog";

/** While a recording runs its counts grow; every 2 s is enough for a list. */
const POLL_MS = 2000;
const HEADERS = ["Name", "Duration", "Devices", "Samples", "Labels", "Events", "Status"];
const LINKS = [
  { href: "/", label: "Back to the room" },
  { href: "/scenes", label: "Scenes" },
];

/** /recordings: every stored recording, newest first, with review, export, replay, delete and import. */
export function RecordingsList({ replayId }: { replayId: string | null }) {
  const [recordings, setRecordings] = useState<RecordingSummary[] | null>(null);
  const [loadedAtMs, setLoadedAtMs] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [replayFor, setReplayFor] = useState<string | null>(replayId);
  const [deleteFor, setDeleteFor] = useState<RecordingSummary | null>(null);

  const load = useCallback(() => {
    recordingsApi.list().then(
      (list) => {
        setRecordings(list);
        setLoadedAtMs(Date.now());
        setError(null);
      },
      (e: unknown) => setError(`The recordings could not be read: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, []);

  useEffect(load, [load]);

  const running = recordings?.some((r) => r.status === "recording") ?? false;
  useEffect(() => {
    if (!running) return;
    const t = setInterval(load, POLL_MS);
    return () => clearInterval(t);
  }, [running, load]);

  const names = useMemo(() => new Map((recordings ?? []).map((r) => [r.id, r.name])), [recordings]);

  function imported(added: RecordingSummary[]) {
    const ids = new Set(added.map((r) => r.id));
    setRecordings((list) => [...added, ...(list ?? []).filter((r) => !ids.has(r.id))]);
    setFresh((f) => new Set([...f, ...ids]));
  }

  function deleted(id: string) {
    setRecordings((list) => (list ?? []).filter((r) => r.id !== id));
    setDeleteFor(null);
  }

  function replayClose() {
    setReplayFor(null);
    // A reload should not open the dialog again once it was closed.
    if (new URLSearchParams(window.location.search).has("replay")) window.history.replaceState(window.history.state, "", "/recordings");
  }

  return (
    <PageShell
      links={LINKS}
      overlay={
        <>
          {replayFor !== null && <ReplayDialog recordingId={replayFor} recording={recordings?.find((r) => r.id === replayFor)} names={names} onClose={replayClose} />}
          {deleteFor && <RecordingDelete recording={deleteFor} onClose={() => setDeleteFor(null)} onDeleted={deleted} />}
        </>
      }
    >
      <div>
        <h1 className="text-4xl font-bold tracking-tight text-slate-50">Recordings</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-300">Motion sessions stored on this server: review and fix their labels, replay them through the live detectors, or take them to a notebook or Edge Impulse.</p>
      </div>

      {error && (
        <p role="alert" data-testid="list-error" className="rounded-lg border border-amber-400/60 bg-amber-400/10 px-4 py-3 text-amber-100">
          {error}
        </p>
      )}

      {recordings === null && !error && <p className="text-lg text-slate-400">Loading recordings…</p>}
      {recordings?.length === 0 && (
        <div data-testid="recordings-empty" className="rounded-2xl border border-slate-700 bg-slate-900/60 p-6 text-lg text-slate-300">
          <p className="font-semibold text-slate-100">No recordings yet.</p>
          <p className="mt-2">
            Open <Link href="/" className="text-sky-300 underline underline-offset-4">the room</Link>, connect a phone (or switch on the simulated phone), choose labels and press
            Record above the 3D wrist. Press 1-9 while it records to label what the participant does; Stop saves it here. Or import a file below.
          </p>
        </div>
      )}
      {recordings && recordings.length > 0 && (
        <div className="overflow-x-auto rounded-2xl border border-slate-700 bg-slate-900/60">
          <table data-testid="recordings-table" className="w-full border-collapse text-left">
            <thead>
              <tr className="text-sm text-slate-400">
                {HEADERS.map((h) => (
                  <th key={h} scope="col" className={`px-3 py-2 font-semibold ${["Devices", "Samples", "Labels", "Events"].includes(h) ? "text-right" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {recordings.map((r) => (
                <RecordingsRow key={r.id} recording={r} nowMs={loadedAtMs} fresh={fresh.has(r.id)} onReplay={() => setReplayFor(r.id)} onDelete={() => setDeleteFor(r)} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ImportDrop onImported={imported} />
    </PageShell>
  );
}
