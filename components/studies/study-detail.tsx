"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { sceneFind } from "@/components/scenes/registry";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cx } from "@/components/ui/cx";
import { studiesApi } from "@/lib/client/studies-api";
import type { StudyDetail as StudyDetailData } from "@/lib/protocol/studies";
import { StudyEditor } from "./editor/study-editor";
import { ParticipantsTable } from "./participants-table";
import { StudyDefinitionView } from "./study-definition-view";
import { LoadError, StudyShell, dateText, errorText } from "./study-shell";

/** A session in progress changes its participant's row; every few seconds is enough for a table. */
const POLL_MS = 3000;
const LIVE = new Set(["consent", "running", "paused"]);
const LINK = "inline-flex h-11 items-center rounded-lg px-4 font-medium whitespace-nowrap";

/** /studies/ID: the study's definition (or its editor), its participants, and the ways to run, observe and report it. */
export function StudyDetail({ id }: { id: string }) {
  const router = useRouter();
  const [study, setStudy] = useState<StudyDetailData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const path = `/studies/${encodeURIComponent(id)}`;

  const load = useCallback(() => {
    studiesApi.get(id).then(
      (s) => {
        setStudy(s);
        setError(null);
      },
      (e: unknown) => setError(`The study could not be read: ${errorText(e)}`),
    );
  }, [id]);

  useEffect(load, [load]);

  const live = study?.participants.some((p) => p.session && LIVE.has(p.session.status)) ?? false;
  useEffect(() => {
    if (!live) return;
    const t = setInterval(load, POLL_MS);
    return () => clearInterval(t);
  }, [live, load]);

  function retry() {
    setError(null);
    load();
  }

  if (!study) {
    return (
      <StudyShell>
        {error ? <LoadError message={error} onRetry={retry} testId="study-error" /> : <p className="text-lg text-slate-400">Loading the study…</p>}
        <Link href="/studies" className="self-start text-sky-300 underline underline-offset-4">
          All studies
        </Link>
      </StudyShell>
    );
  }

  const { definition } = study;
  const sessionsRan = study.participants.some((p) => p.session !== null);
  const scene = sceneFind(definition.sceneId)?.logic.title ?? definition.sceneId;

  return (
    <StudyShell>
      <div className="flex flex-wrap items-start gap-4">
        {/* The title keeps a readable width: below it the actions wrap under it instead of squeezing it. */}
        <div className="min-w-0 flex-1 basis-[36rem]">
          <Link href="/studies" className="text-sm text-sky-300 underline-offset-4 hover:underline">
            All studies
          </Link>
          <h1 data-testid="study-title" className="mt-1 text-4xl font-bold tracking-tight break-words text-slate-50">
            {definition.name}
          </h1>
          <p className="mt-1 text-base text-slate-400">
            {scene} · {definition.conditions.length} condition{definition.conditions.length === 1 ? "" : "s"} × {definition.trials.length} trial
            {definition.trials.length === 1 ? "" : "s"} · updated {dateText(study.updatedAtMs)}
          </p>
        </div>
        <nav aria-label="Study actions" className="flex flex-wrap items-center gap-2">
          <Link href={`${path}/run`} data-testid="study-run-link" className={cx(LINK, "bg-sky-400 text-slate-950 hover:bg-sky-300")}>
            Run a session
          </Link>
          <Link href={`${path}/observe`} data-testid="study-observe-link" className={cx(LINK, "border border-slate-600 bg-slate-800/70 text-slate-100 hover:bg-slate-700/70")}>
            Observer view
          </Link>
          <Link href={`${path}/report`} data-testid="study-report-link" className={cx(LINK, "border border-slate-600 bg-slate-800/70 text-slate-100 hover:bg-slate-700/70")}>
            Report
          </Link>
          {!editing && (
            <Button data-testid="study-edit" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          <Button variant="danger" data-testid="study-delete" onClick={() => setDeleting(true)}>
            Delete study
          </Button>
        </nav>
      </div>

      {error && <LoadError message={error} onRetry={retry} testId="study-error" />}

      {editing ? (
        <StudyEditor
          studyId={study.id}
          initial={definition}
          sessionsRan={sessionsRan}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setStudy(saved);
            setEditing(false);
          }}
        />
      ) : (
        <StudyDefinitionView definition={definition} />
      )}

      <ParticipantsTable study={study} onChanged={load} />

      {deleting && (
        <ConfirmDialog
          title={`Delete “${definition.name}”?`}
          confirmLabel="Delete the study"
          busyLabel="Deleting…"
          testId="study-delete-dialog"
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await studiesApi.remove(study.id);
            router.push("/studies");
          }}
        >
          The study, its {study.participants.length} participant{study.participants.length === 1 ? "" : "s"} and everything recorded for them (recordings, motion samples, marks and
          notes) are removed for good. This cannot be undone; export the results from the Report page first if you may need them.
        </ConfirmDialog>
      )}
    </StudyShell>
  );
}
