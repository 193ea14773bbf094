"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { recordingsApi } from "@/lib/client/recordings-api";
import { roomCodeFormat } from "@/lib/protocol/room-code";
import type { ReplayInfo } from "@/lib/protocol/recordings";

interface ReplayListProps {
  replays: readonly ReplayInfo[];
  /** Recording names by id, so a replay reads as what it plays. */
  names: ReadonlyMap<string, string>;
  /** Replays started from this dialog: shown also once over, so a short fast replay does not vanish unseen. */
  mine: ReadonlySet<string>;
  onChanged: () => void;
}

const STATUS_TEXT: Record<ReplayInfo["status"], string> = { playing: "playing", done: "played to the end", stopped: "stopped", failed: "failed" };

/** Replays that play now, with how far they got and a Stop; ended ones when they failed (to say why) or were started here. */
export function ReplayList({ replays, names, mine, onChanged }: ReplayListProps) {
  const [error, setError] = useState<string | null>(null);
  const shown = replays.filter((r) => r.status === "playing" || r.status === "failed" || mine.has(r.id));
  if (shown.length === 0) return <p className="text-sm text-slate-500">No replay is playing.</p>;

  function stop(id: string) {
    setError(null);
    recordingsApi.replayStop(id).then(onChanged, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }

  return (
    <div className="flex flex-col gap-2">
      <ul data-testid="replay-list" className="flex flex-col gap-2">
        {shown.map((r) => {
          const percent = Math.round(Math.min(1, Math.max(0, r.progress)) * 100);
          return (
            <li key={r.id} data-testid="replay-item" data-status={r.status} className="flex flex-col gap-2 rounded-lg border border-slate-700 bg-slate-800/60 px-3 py-2">
              <div className="flex items-center gap-3 text-sm">
                <span className="min-w-0 flex-1 truncate text-slate-100">
                  {names.get(r.recordingId) ?? r.recordingId} → <span className="font-mono">{roomCodeFormat(r.room)}</span>
                  <span className="text-slate-400">
                    {" "}
                    · {r.speed}x{r.loop ? " · loop" : ""}
                  </span>
                </span>
                <Link href={`/?room=${encodeURIComponent(r.room)}`} className="text-sky-300 hover:underline">
                  Watch
                </Link>
                {r.status === "playing" && (
                  <Button size="sm" data-testid="replay-stop" onClick={() => stop(r.id)}>
                    Stop
                  </Button>
                )}
              </div>
              {r.status === "playing" ? (
                <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 overflow-hidden rounded-full bg-slate-700">
                  <div className="h-full rounded-full bg-sky-400 transition-[width] duration-500" style={{ width: `${percent}%` }} />
                </div>
              ) : r.status === "failed" ? (
                <p className="text-sm text-amber-200">Replay failed: {r.error ?? "no reason given"}</p>
              ) : (
                <p className="text-sm text-slate-400">{STATUS_TEXT[r.status]}</p>
              )}
            </li>
          );
        })}
      </ul>
      {error && <p className="text-sm text-amber-200">{error}</p>}
    </div>
  );
}
