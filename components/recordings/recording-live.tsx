"use client";

import { useEffect, useState } from "react";
import { useSession } from "@/components/desktop/session-context";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { LiveRecordingInfo, RecordingDeviceInfo } from "@/lib/protocol/recordings";
import { RecordingKeyLegend } from "./recording-key-legend";
import { clockText, samplesText } from "./recording-format";

const POLL_MS = 1000;
const TICK_MS = 250;

interface RecordingLiveProps {
  recording: LiveRecordingInfo;
  onStop: () => void;
  stopping: boolean;
  /** Problems to show: a refused key press, events not stored, a failed stop. */
  errors: readonly string[];
}

/** Server time, re-read a few times a second for the clocks on screen. */
function useServerNow(): number {
  const session = useSession();
  const read = () => session.serverNowMs() ?? Date.now();
  const [now, setNow] = useState(read);
  useEffect(() => {
    const t = setInterval(() => setNow(session.serverNowMs() ?? Date.now()), TICK_MS);
    return () => clearInterval(t);
  }, [session]);
  return now;
}

/** The stored sample counts, straight from the server: proof that the recording is filling up. */
function useRecordedDevices(id: string): { devices: RecordingDeviceInfo[] | null; error: string | null } {
  const [state, setState] = useState<{ devices: RecordingDeviceInfo[] | null; error: string | null }>({ devices: null, error: null });
  useEffect(() => {
    let live = true;
    const poll = () =>
      recordingsApi.get(id).then(
        (detail) => live && setState({ devices: detail.devices, error: null }),
        (e: unknown) => live && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
      );
    void poll();
    const t = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [id]);
  return state;
}

export function RecordingLive({ recording, onStop, stopping, errors }: RecordingLiveProps) {
  const now = useServerNow();
  const { devices, error: pollError } = useRecordedDevices(recording.id);
  const prompt = recording.prompt;

  return (
    <div data-testid="recording-live" data-recording-id={recording.id} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-4">
        <span aria-hidden className="size-4 animate-pulse rounded-full bg-red-500 shadow-[0_0_12px_rgba(239,68,68,0.8)]" />
        <span className="text-lg font-semibold text-red-200">Recording</span>
        <span data-testid="recording-elapsed" className="font-mono text-2xl font-semibold text-slate-50 tabular-nums">
          {clockText(now - recording.startedAtMs)}
        </span>
        <span data-testid="recording-name" className="min-w-0 truncate text-lg text-slate-200">
          {recording.name}
        </span>
        <button
          type="button"
          data-testid="record-stop"
          onClick={onStop}
          disabled={stopping}
          className="ml-auto inline-flex h-11 min-w-32 items-center justify-center gap-2 rounded-lg border border-red-400/70 bg-red-500/20 px-4 font-semibold text-red-50 hover:bg-red-500/35 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-300 disabled:opacity-50"
        >
          <span aria-hidden className="size-3 rounded-sm bg-red-300" />
          {stopping ? "Stopping…" : "Stop"}
        </button>
      </div>

      <ul data-testid="recording-devices" className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-300">
        {devices === null && <li className="text-slate-500">Counting samples…</li>}
        {devices?.length === 0 && <li className="text-amber-200">No samples yet: is the phone streaming?</li>}
        {devices?.map((d) => (
          <li key={d.id} data-testid="recording-device" data-device={d.id} data-samples={d.samples} className="tabular-nums">
            <span className="font-semibold text-slate-100">{d.name}</span> {samplesText(d.samples)}
          </li>
        ))}
      </ul>

      {prompt && (
        <div data-testid="recording-prompt" className="flex items-center gap-4 rounded-xl border border-sky-500/40 bg-sky-500/10 px-4 py-3">
          <span className="text-sm text-sky-200 tabular-nums">
            Step {prompt.step} of {prompt.steps}
          </span>
          <span className="min-w-0 flex-1 truncate text-xl font-semibold text-slate-50">{prompt.text}</span>
          {prompt.untilMs !== null && (
            <span data-testid="recording-prompt-left" className="font-mono text-2xl font-semibold text-sky-200 tabular-nums">
              {Math.max(0, Math.ceil((prompt.untilMs - now) / 1000))} s
            </span>
          )}
        </div>
      )}

      <RecordingKeyLegend labelSet={recording.labelSet} active={recording.activeLabel} nowMs={now} />

      {[...errors, ...(pollError ? [`Sample counts unavailable: ${pollError}`] : [])].map((e) => (
        <p key={e} role="alert" className="text-sm text-amber-200">
          {e}
        </p>
      ))}
    </div>
  );
}
