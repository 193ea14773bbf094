"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { studiesApi } from "@/lib/client/studies-api";
import type { DeviceInfo } from "@/lib/protocol/events";
import { conditionOrder } from "@/lib/studies/latin-square";
import { nextFreeParticipant, orderFor } from "@/lib/studies/study-console";
import type { StudyDetail } from "@/lib/protocol/studies";

interface SessionSetupProps {
  room: string;
  study: StudyDetail;
  devices: readonly DeviceInfo[];
  deviceId: string | null;
  chooseDevice: (id: string) => void;
  /** The participant asked for in the URL (from the study page's "Run session"). */
  initialParticipant: string | null;
  previewCondition: (id: string) => void;
  onStarted: () => void;
}

const field = "h-11 rounded-lg border border-slate-600 bg-slate-950 px-3 text-lg text-slate-100";

/**
 * Before a session: who (a participant id, never a name), on which phone of the room,
 * and the condition order they will get. Starting shows the consent screen on that
 * phone; nothing is recorded until the participant agrees there.
 */
export function SessionSetup({ room, study, devices, deviceId, chooseDevice, initialParticipant, previewCondition, onStarted }: SessionSetupProps) {
  const [participant, setParticipant] = useState(() => initialParticipant ?? nextFreeParticipant(study));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = orderFor(study, participant);
  const conditions = study.definition.conditions;
  // A new id is added at the next place of the Latin square, as the server does (study-store participantAdd).
  const nextPosition = study.participants.reduce((m, p) => Math.max(m, p.position + 1), 0);
  const order = known ?? conditionOrder(conditions.length, nextPosition).map((i) => conditions[i]!.id);
  // The scene runs the condition this participant starts with, so the facilitator checks what they will get.
  const first = order[0];
  useEffect(() => {
    if (first) previewCondition(first);
  }, [first, previewCondition]);
  const id = participant.trim().toUpperCase();
  // The server refuses a second session for a participant who ran (see RUNNABLE on the study page); say so before Start.
  const ran = study.participants.find((p) => p.participant === id && p.session !== null && p.session.status !== "declined");
  const names = new Map(conditions.map((c) => [c.id, c.name]));
  const online = devices.filter((d) => d.connected);

  const start = async () => {
    if (!deviceId) return;
    setBusy(true);
    setError(null);
    try {
      await studiesApi.sessionStart(study.id, { participant: id, room, deviceId });
      onStarted();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="Start a session" data-testid="session-setup" className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold text-slate-50">Start a session</h2>
      <label className="flex flex-col gap-1 text-slate-300">
        Participant id
        <input data-testid="session-participant" className={field} value={participant} onChange={(e) => setParticipant(e.target.value)} placeholder="P01" autoComplete="off" spellCheck={false} />
        {ran?.session ? (
          <span data-testid="session-participant-ran" className="text-sm text-amber-200">
            {id} already has a session ({ran.session.status}). Pick another id; to run {id} again, delete them on the study page first.
          </span>
        ) : (
          <span className="text-sm text-slate-400">An id like P01: no names are stored.</span>
        )}
      </label>
      <label className="flex flex-col gap-1 text-slate-300">
        Participant&apos;s phone
        <select data-testid="session-device" className={field} value={deviceId ?? ""} onChange={(e) => chooseDevice(e.target.value)}>
          {online.length === 0 && <option value="">No phone connected to room {room}</option>}
          {online.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <div className="text-slate-300">
        {known ? `${id}'s condition order` : "Condition order for a new participant"}
        <span className="block text-sm text-slate-400">
          {known ? "" : "The next row of the balanced Latin square. "}Press one to try its detectors on the scene now.
        </span>
        <ol className="mt-2 flex flex-wrap gap-2">
          {order.map((c, i) => (
            <li key={c}>
              <button type="button" onClick={() => previewCondition(c)} className="h-11 rounded-full border border-slate-600 px-4 text-left text-slate-100 hover:border-slate-400" title="Run the scene with this condition's detectors now, to check it">
                {i + 1}. {names.get(c) ?? c}
              </button>
            </li>
          ))}
        </ol>
      </div>
      {error && (
        <p role="alert" data-testid="session-start-error" className="rounded-lg border border-amber-400/60 bg-amber-400/10 px-3 py-2 text-amber-100">
          {error}
        </p>
      )}
      <Button data-testid="session-start" variant="primary" disabled={busy || !deviceId || id === "" || ran !== undefined} onClick={() => void start()}>
        {busy ? "Starting…" : "Start: show the consent screen"}
      </Button>
    </section>
  );
}
