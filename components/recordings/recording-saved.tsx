import Link from "next/link";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import { clockText, samplesText, totalSamples } from "./recording-format";

/** What the last recording of this screen left behind, with the ways to it. */
export function RecordingSaved({ summary, onDismiss }: { summary: RecordingSummary; onDismiss: () => void }) {
  const durationMs = (summary.endedAtMs ?? summary.startedAtMs) - summary.startedAtMs;
  const interrupted = summary.status === "interrupted";
  return (
    <div
      data-testid="recording-saved"
      data-recording-id={summary.id}
      className={`flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border px-4 py-3 ${interrupted ? "border-amber-400/60 bg-amber-400/10" : "border-emerald-400/50 bg-emerald-400/10"}`}
    >
      <p className="min-w-0 text-base text-slate-100">
        <span className="font-semibold">{interrupted ? "Saved (interrupted)" : "Saved"}:</span> {summary.name}, {clockText(durationMs)}, {samplesText(totalSamples(summary.devices))}
        {interrupted && summary.endReason ? <span className="text-amber-200"> ({summary.endReason})</span> : null}
      </p>
      <div className="ml-auto flex items-center gap-2">
        <Link href={`/recordings/${encodeURIComponent(summary.id)}`} data-testid="recording-review-link" className="inline-flex h-11 items-center rounded-lg bg-sky-400 px-4 font-medium text-slate-950 hover:bg-sky-300">
          Review
        </Link>
        <Link href="/recordings" data-testid="recording-all-link" className="inline-flex h-11 items-center rounded-lg px-3 font-medium text-slate-200 hover:bg-slate-800">
          All recordings
        </Link>
        <button type="button" onClick={onDismiss} aria-label="Dismiss" className="grid size-11 place-items-center rounded-lg text-xl text-slate-400 hover:bg-slate-800 hover:text-slate-100">
          ×
        </button>
      </div>
    </div>
  );
}
