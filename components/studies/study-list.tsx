"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { sceneFind } from "@/components/scenes/registry";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { studiesApi } from "@/lib/client/studies-api";
import type { StudySummary } from "@/lib/protocol/studies";
import { StudyEditor } from "./editor/study-editor";
import { LoadError, StudyShell, dateText, errorText } from "./study-shell";

const HEADERS: { label: string; numeric?: boolean }[] = [
  { label: "Study" },
  { label: "Scene" },
  { label: "Conditions" },
  { label: "Trials", numeric: true },
  { label: "Participants", numeric: true },
  { label: "Complete", numeric: true },
  { label: "Updated" },
];
const CELL = "px-3 py-3 align-top";

/** /studies: every study with its size and progress, and the editor for a new one. */
export function StudyList() {
  const router = useRouter();
  const [studies, setStudies] = useState<StudySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    studiesApi.list().then(
      (list) => {
        setStudies(list);
        setError(null);
      },
      (e: unknown) => setError(`The studies could not be read: ${errorText(e)}`),
    );
  }, []);

  useEffect(load, [load]);

  function retry() {
    setError(null);
    load();
  }

  return (
    <StudyShell>
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-0 flex-1">
          <h1 className="text-4xl font-bold tracking-tight text-slate-50">Usability studies</h1>
          <p className="mt-2 max-w-3xl text-lg text-slate-300">
            A study runs the same task script with each participant under every condition (a detector and its settings), in a balanced order, and measures how well each
            condition worked.
          </p>
        </div>
        {!creating && (
          <Button variant="primary" data-testid="study-new" onClick={() => setCreating(true)}>
            New study
          </Button>
        )}
      </div>

      {creating && <StudyEditor studyId={null} initial={null} onCancel={() => setCreating(false)} onSaved={(saved) => router.push(`/studies/${encodeURIComponent(saved.id)}`)} />}

      {error && <LoadError message={error} onRetry={retry} testId="study-list-error" />}
      {studies === null && !error && <p className="text-lg text-slate-400">Loading studies…</p>}
      {studies?.length === 0 && !creating && (
        <div data-testid="study-list-empty" className="rounded-2xl border border-slate-700 bg-slate-900/60 p-6 text-lg text-slate-300">
          <p className="font-semibold text-slate-100">No studies yet.</p>
          <p className="mt-2 max-w-3xl">
            A study compares detector settings with real people: each participant gets the same prompts on the phone under every condition, and the trials are timed and
            marked as they go. Press New study to write the task script and choose the conditions.
          </p>
        </div>
      )}
      {studies && studies.length > 0 && (
        <div className="overflow-x-auto rounded-2xl border border-slate-700 bg-slate-900/60">
          <table data-testid="study-list" className="w-full border-collapse text-left">
            <thead>
              <tr className="text-sm text-slate-400">
                {HEADERS.map((h) => (
                  <th key={h.label} scope="col" className={cx("px-3 py-2 font-semibold", h.numeric && "text-right")}>
                    {h.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {studies.map((s) => (
                <tr key={s.id} data-testid="study-list-row" data-study={s.id} className="border-t border-slate-800 text-base text-slate-200">
                  <td className={cx(CELL, "max-w-96")}>
                    <Link href={`/studies/${encodeURIComponent(s.id)}`} className="-my-2.5 inline-block py-2.5 font-semibold break-words text-sky-300 underline-offset-4 hover:underline">
                      {s.name}
                    </Link>
                  </td>
                  <td className={CELL}>{sceneFind(s.sceneId)?.logic.title ?? s.sceneId}</td>
                  <td className={cx(CELL, "max-w-80")}>{s.conditions.map((c) => c.name).join(", ")}</td>
                  <td className={cx(CELL, "text-right tabular-nums")}>{s.trials}</td>
                  <td className={cx(CELL, "text-right tabular-nums")}>{s.participants}</td>
                  <td className={cx(CELL, "text-right tabular-nums")}>{s.sessionsComplete}</td>
                  <td className={cx(CELL, "whitespace-nowrap text-slate-300")}>{dateText(s.updatedAtMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StudyShell>
  );
}
