"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { cx } from "@/components/ui/cx";
import { useRoomState } from "@/components/desktop/session-context";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { DeviceInfo } from "@/lib/protocol/events";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import { RecordingLive } from "./recording-live";
import { RecordingSaved } from "./recording-saved";
import { RecordingSetup } from "./recording-setup";
import { useRecordingEvents } from "./use-recording-events";
import { useRecordingKeys } from "./use-recording-keys";

/** Stop waits this long at most for the last model events: the researcher asked to stop, not to wait. */
const FLUSH_BEFORE_STOP_MS = 2000;

/**
 * Recording on the room page: set up and start, label live while it runs, see what was
 * saved. Whether a recording runs comes from the room's state, which the server
 * broadcasts, so every desktop watching the room shows the same recording and a
 * reloaded tab finds it running.
 */
export function RecordingPanel({ room, devices }: { room: string; devices: readonly DeviceInfo[] }) {
  const roomState = useRoomState();
  const recording = roomState?.recording ?? null;
  // A usability study session owns the room while it runs: its console stores the events and
  // marks, and keys or Stop here would mix into (or cut) the participant's recording.
  const study = roomState?.study && roomState.study.phase !== "done" ? roomState.study : null;
  const own = study ? null : recording;
  const events = useRecordingEvents(own);
  const [keyError, setKeyError] = useState<string | null>(null);
  useRecordingKeys(own, setKeyError);
  const [stopping, setStopping] = useState(false);
  const [stopError, setStopError] = useState<string | null>(null);
  const [saved, setSaved] = useState<RecordingSummary | null>(null);

  // A recording can also end elsewhere (another desktop's Stop, the server): show what it saved all the same.
  const shownId = useRef<string | null>(null);
  const id = recording?.id ?? null;
  useEffect(() => {
    const ended = shownId.current;
    shownId.current = id;
    if (ended === null || ended === id) return;
    recordingsApi.get(ended).then(setSaved, () => undefined);
  }, [id]);

  async function stop() {
    if (!recording) return;
    setStopping(true);
    setStopError(null);
    setKeyError(null);
    try {
      await Promise.race([events.flush(), new Promise((r) => setTimeout(r, FLUSH_BEFORE_STOP_MS))]);
      setSaved(await recordingsApi.stop(recording.id));
    } catch (e) {
      setStopError(`Could not stop: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setStopping(false);
    }
  }

  const errors = [keyError, events.error, stopError].filter((e): e is string => e !== null);

  return (
    <section
      aria-label="Recording"
      data-testid="recording-panel"
      data-state={study ? "study" : recording ? "recording" : "idle"}
      className={cx(
        "flex flex-col gap-4 rounded-2xl border bg-slate-900/60 p-4 shadow-xl shadow-black/30",
        recording ? "border-red-500/60" : "border-slate-700",
      )}
    >
      {study ? (
        <p data-testid="recording-study" className="text-lg text-slate-200">
          <span className="font-semibold text-slate-50">Study session running</span>: {study.participant} in “{study.studyName}”. It records this room; control it from the{" "}
          <Link href={`/studies/${encodeURIComponent(study.studyId)}/run?room=${room}`} className="text-sky-300 underline-offset-4 hover:underline">
            study console
          </Link>
          .
        </p>
      ) : recording ? (
        <RecordingLive recording={recording} onStop={() => void stop()} stopping={stopping} errors={errors} />
      ) : (
        <>
          <header className="flex items-center gap-3">
            <h2 className="text-lg font-semibold text-slate-100">Record</h2>
            <p className="text-sm text-slate-400">Recorded on the server: closing this tab loses nothing.</p>
            <Link href="/recordings" className="ml-auto text-sm text-sky-300 underline-offset-4 hover:underline">
              All recordings
            </Link>
          </header>
          {saved && <RecordingSaved summary={saved} onDismiss={() => setSaved(null)} />}
          <RecordingSetup room={room} devices={devices} />
        </>
      )}
    </section>
  );
}
