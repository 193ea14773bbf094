"use client";

import { useState } from "react";
import { cx } from "@/components/ui/cx";
import { recordingsApi } from "@/lib/client/recordings-api";
import { roomCodeParse } from "@/lib/protocol/room-code";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import { RecordingDialog } from "./recording-dialog";
import { ReplayList } from "./replay-list";
import { ReplayRoomField, TYPED, roomDefault, useRooms } from "./replay-room-field";
import { useReplays } from "./use-replays";

/** 1x shows a session as it happened; faster runs the same motion through a model comparison sooner. */
const SPEEDS = [1, 2, 5, 10] as const;

interface ReplayDialogProps {
  recordingId: string;
  /** Undefined while the list loads, or when the id (from a link) names no recording. */
  recording: RecordingSummary | undefined;
  names: ReadonlyMap<string, string>;
  onClose: () => void;
}

/** Streams a recording back into a room as if its phones sent it, so detectors and scenes see it live. */
export function ReplayDialog({ recordingId, recording, names, onClose }: ReplayDialogProps) {
  const rooms = useRooms();
  const { replays, error: replaysError, refresh, add } = useReplays();
  const [picked, setPicked] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [speed, setSpeed] = useState<number>(1);
  const [loop, setLoop] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());

  const choice = picked ?? (rooms.rooms ? roomDefault(rooms.rooms) : null);
  const room = choice === TYPED ? roomCodeParse(typed) : choice;
  const typedWrong = choice === TYPED && typed.trim() !== "" && room === null;

  async function start() {
    if (!room) return;
    setStarting(true);
    setError(null);
    try {
      const replay = await recordingsApi.replay(recordingId, { room, speed, loop });
      setMine((m) => new Set([...m, replay.id]));
      add(replay);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  }

  return (
    <RecordingDialog title={`Replay “${recording?.name ?? recordingId}”`} onClose={onClose} data-testid="replay-dialog">
      <ReplayRoomField {...rooms} choice={choice} onChoice={setPicked} typed={typed} onTyped={setTyped} />
      {typedWrong && <p className="text-sm text-amber-200">A room code is 6 letters and digits, e.g. K7Q-M4X.</p>}

      <div className="flex flex-wrap items-end gap-6">
        <fieldset>
          <legend className="mb-1 text-sm font-semibold text-slate-300">Speed</legend>
          <div className="flex overflow-hidden rounded-lg border border-slate-600">
            {SPEEDS.map((s) => (
              <button
                key={s}
                type="button"
                data-testid={`replay-speed-${s}`}
                aria-pressed={speed === s}
                onClick={() => setSpeed(s)}
                className={cx("h-11 min-w-14 px-3 font-medium tabular-nums", speed === s ? "bg-sky-400 text-slate-950" : "bg-slate-800 text-slate-200 hover:bg-slate-700")}
              >
                {s}x
              </button>
            ))}
          </div>
        </fieldset>
        <label className="flex h-11 items-center gap-2 text-base text-slate-200">
          <input data-testid="replay-loop" type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} className="size-5 accent-sky-400" />
          Loop
        </label>
        <button
          type="button"
          data-testid="replay-start"
          onClick={() => void start()}
          disabled={!room || starting}
          className="ml-auto inline-flex h-11 items-center rounded-lg bg-sky-400 px-5 font-semibold text-slate-950 hover:bg-sky-300 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {starting ? "Starting…" : "Play"}
        </button>
      </div>
      {error && (
        <p role="alert" data-testid="replay-error" className="text-sm text-amber-200">
          {error}
        </p>
      )}

      <div className="flex flex-col gap-2 border-t border-slate-800 pt-4">
        <h3 className="text-sm font-semibold text-slate-300">Replays on the server</h3>
        <ReplayList replays={replays} names={names} mine={mine} onChanged={refresh} />
        {replaysError && <p className="text-sm text-amber-200">Replays unavailable: {replaysError}</p>}
      </div>
    </RecordingDialog>
  );
}
