"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cx } from "@/components/ui/cx";
import { studiesApi } from "@/lib/client/studies-api";
import { PARTICIPANT_ID_PATTERN, participantIdSchema, type ParticipantInfo, type SessionStatus, type StudyDetail } from "@/lib/protocol/studies";
import { nextParticipantId } from "@/lib/studies/participant-ids";
import { FieldError, inputClass } from "./editor/fields";
import { ActionError, errorText } from "./study-shell";

const STATUS_TONE: Record<SessionStatus, Tone> = {
  consent: "info",
  running: "info",
  paused: "warn",
  complete: "good",
  stopped: "neutral",
  declined: "warn",
  interrupted: "warn",
};
const HEADERS = ["Participant", "Condition order", "Session", "Trials", "Recording", ""];
/** A session can start for a participant never run, or one who declined (they may be asked again); the server refuses the rest. */
const RUNNABLE = (p: ParticipantInfo) => p.session === null || p.session.status === "declined";
const CELL = "px-3 py-2 align-middle";
const ACTION = "inline-flex h-11 items-center rounded-lg px-3 font-medium whitespace-nowrap";

function SessionBadge({ p }: { p: ParticipantInfo }) {
  if (!p.session) return <Badge tone="idle">not run</Badge>;
  const { status } = p.session;
  return (
    <Badge tone={STATUS_TONE[status]} dot={status === "running" || status === "consent" ? "pulse" : undefined}>
      {status}
    </Badge>
  );
}

interface ParticipantsTableProps {
  study: StudyDetail;
  /** Something changed on the server: read the study again. */
  onChanged: () => void;
}

/** The study's participants (ids only), their session's progress, and adding, running and deleting them. */
export function ParticipantsTable({ study, onChanged }: ParticipantsTableProps) {
  const [typed, setTyped] = useState("");
  const [idError, setIdError] = useState<string | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleteFor, setDeleteFor] = useState<string | null>(null);
  const conditionName = new Map(study.definition.conditions.map((c) => [c.id, c.name]));
  const trialsTotal = study.definition.trials.length * study.definition.conditions.length;
  const studyPath = `/studies/${encodeURIComponent(study.id)}`;
  // The id an empty field adds: the server picks it the same way.
  const nextId = nextParticipantId(study.participants.map((p) => p.participant));
  const typedId = typed.trim();
  const addsId = typedId === "" ? nextId : PARTICIPANT_ID_PATTERN.test(typedId) ? typedId : null;

  async function add() {
    const id = typed.trim();
    setAddError(null);
    if (id !== "") {
      const parsed = participantIdSchema.safeParse(id);
      if (!parsed.success) {
        setIdError(parsed.error.issues[0]?.message ?? "not a participant id");
        return;
      }
    }
    setIdError(null);
    setAdding(true);
    try {
      await studiesApi.participantAdd(study.id, id === "" ? undefined : id);
      setTyped("");
      onChanged();
    } catch (e) {
      setAddError(errorText(e));
    } finally {
      setAdding(false);
    }
  }

  return (
    <section className="flex flex-col gap-4 rounded-2xl border border-slate-700 bg-slate-900/60 p-5">
      <div className="flex flex-wrap items-start gap-4">
        <h2 className="min-w-0 flex-1 text-xl font-semibold text-slate-50">
          Participants <span className="text-base font-normal text-slate-400">({study.participants.length})</span>
        </h2>
        <form
          className="flex flex-col gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <div className="flex items-center gap-2">
            <input
              data-testid="participant-id-input"
              aria-label={`Participant id (empty: ${nextId ?? "the next free one"})`}
              aria-invalid={idError !== null}
              aria-describedby={idError ? "participant-id-error" : undefined}
              placeholder={nextId ?? "P07"}
              value={typed}
              maxLength={5}
              onChange={(e) => setTyped(e.target.value.toUpperCase())}
              className={inputClass(idError !== null, "w-28 font-mono")}
            />
            <Button type="submit" data-testid="participant-add" disabled={adding} className="min-w-36">
              {adding ? "Adding…" : addsId ? `Add ${addsId}` : "Add participant"}
            </Button>
          </div>
          <FieldError id="participant-id-error" message={idError ?? undefined} />
        </form>
      </div>
      <ActionError message={addError} testId="participant-add-error" />

      {study.participants.length === 0 ? (
        <p className="text-base text-slate-300">No participants yet. Add one, or run a session: its participant is added then. Participants are ids only (P01, P02…), never names.</p>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="participants-table" className="w-full border-collapse text-left">
            <thead>
              <tr className="text-sm text-slate-400">
                {HEADERS.map((h, i) => (
                  <th key={i} scope="col" className={cx("px-3 py-2 font-semibold", h === "Trials" && "text-right")}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {study.participants.map((p) => (
                <tr key={p.participant} data-testid="participant-row" data-participant={p.participant} data-status={p.session?.status ?? "not-run"} className="border-t border-slate-800 text-base text-slate-200">
                  <td className={cx(CELL, "font-mono font-semibold text-slate-50")}>{p.participant}</td>
                  <td className={cx(CELL, "max-w-96")}>{p.conditionOrder.map((id) => conditionName.get(id) ?? id).join(" → ")}</td>
                  <td className={CELL}>
                    <SessionBadge p={p} />
                  </td>
                  <td className={cx(CELL, "text-right tabular-nums")}>{p.session ? `${p.session.trialsDone}/${p.session.trialsTotal}` : `0/${trialsTotal}`}</td>
                  <td className={CELL}>
                    {p.session?.recordingId ? (
                      <Link href={`/recordings/${encodeURIComponent(p.session.recordingId)}`} data-testid="participant-recording" className={cx(ACTION, "text-sky-300 hover:bg-slate-800")}>
                        Recording
                      </Link>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </td>
                  <td className={cx(CELL, "text-right whitespace-nowrap")}>
                    {RUNNABLE(p) && (
                      <Link href={`${studyPath}/run?participant=${encodeURIComponent(p.participant)}`} data-testid="participant-run" className={cx(ACTION, "text-slate-100 hover:bg-slate-800")}>
                        Run session
                      </Link>
                    )}
                    <button type="button" data-testid="participant-delete" aria-label={`Delete ${p.participant}`} onClick={() => setDeleteFor(p.participant)} className={cx(ACTION, "text-red-300 hover:bg-red-500/15")}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {deleteFor && (
        <ConfirmDialog
          title={`Delete participant ${deleteFor}?`}
          confirmLabel="Delete for good"
          busyLabel="Deleting…"
          testId="participant-delete-dialog"
          onClose={() => setDeleteFor(null)}
          onConfirm={async () => {
            await studiesApi.participantRemove(study.id, deleteFor);
            setDeleteFor(null);
            onChanged();
          }}
        >
          Their sessions and everything recorded in them (recordings, motion samples, marks and notes) are removed for good. This cannot be undone; export the study&apos;s results
          first if you may need them.
        </ConfirmDialog>
      )}
    </section>
  );
}
