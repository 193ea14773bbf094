import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { roomCodeFormat } from "@/lib/protocol/room-code";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import { RecordingExport } from "./recording-export";
import { clockText, startedText, totalSamples } from "./recording-format";

interface RecordingsRowProps {
  recording: RecordingSummary;
  /** Page time of the list's last refresh, for the running time of a recording in progress. */
  nowMs: number;
  /** Just imported: drawn out so the new rows are found at once. */
  fresh: boolean;
  onReplay: () => void;
  onDelete: () => void;
}

const CELL = "px-3 py-2 align-middle";

function Status({ r }: { r: RecordingSummary }) {
  if (r.status === "recording") {
    return (
      <Badge tone="bad" dot="pulse" data-testid="status-recording">
        recording
      </Badge>
    );
  }
  if (r.status === "interrupted") {
    return (
      <Badge tone="warn" data-testid="status-interrupted" title={r.endReason ?? undefined}>
        interrupted
      </Badge>
    );
  }
  return <span className="text-sm text-slate-400">complete</span>;
}

export function RecordingsRow({ recording: r, nowMs, fresh, onReplay, onDelete }: RecordingsRowProps) {
  const durationMs = (r.endedAtMs ?? nowMs) - r.startedAtMs;
  const filtered = r.deviceFilter === null ? null : r.devices.find((d) => d.id === r.deviceFilter)?.name ?? r.deviceFilter;
  return (
    <tr data-testid={`recording-row-${r.id}`} data-status={r.status} className={cx("border-t border-slate-800 text-base text-slate-200", fresh && "bg-sky-500/10")}>
      <td className={cx(CELL, "max-w-96")}>
        <p className="truncate font-semibold text-slate-50" title={r.name}>
          {r.name}
        </p>
        <p className="truncate text-sm text-slate-400">
          {r.room ? <span className="font-mono">{roomCodeFormat(r.room)}</span> : `imported from ${r.importedFrom ?? "a file"}`} · {startedText(r.startedAtMs)}
          {filtered && ` · only ${filtered}`}
        </p>
        {r.status === "interrupted" && r.endReason && <p className="text-xs text-amber-200/80">{r.endReason}</p>}
        {/* The actions sit under the name, not in a column of their own, so the table fits a 1024 px screen. */}
        <div className="-ml-3 mt-1 flex flex-wrap items-center gap-1">
          <Link href={`/recordings/${encodeURIComponent(r.id)}`} data-testid="review-link" className="inline-flex h-9 items-center rounded-lg px-3 font-medium text-sky-300 hover:bg-slate-800">
            Review
          </Link>
          <RecordingExport recording={r} />
          <button type="button" data-testid="replay-open" onClick={onReplay} className="inline-flex h-9 items-center rounded-lg px-3 font-medium text-slate-200 hover:bg-slate-800">
            Replay
          </button>
          <button type="button" data-testid="delete-open" onClick={onDelete} aria-label={`Delete ${r.name}`} className="inline-flex h-9 items-center rounded-lg px-3 font-medium text-red-300 hover:bg-red-500/15">
            Delete
          </button>
        </div>
      </td>
      <td className={cx(CELL, "font-mono tabular-nums")}>{clockText(durationMs)}</td>
      <td className={cx(CELL, "text-right tabular-nums")} title={r.devices.map((d) => d.name).join(", ")}>
        {r.devices.length}
      </td>
      <td className={cx(CELL, "text-right tabular-nums")}>{totalSamples(r.devices).toLocaleString()}</td>
      <td className={cx(CELL, "text-right tabular-nums")}>{r.labelCount}</td>
      <td className={cx(CELL, "text-right tabular-nums")}>{r.eventCount}</td>
      <td className={CELL}>
        <Status r={r} />
      </td>
    </tr>
  );
}
