"use client";

import Link from "next/link";
import { useCallback } from "react";
import { DesktopHeader } from "@/components/desktop/desktop-header";
import { sceneFind } from "@/components/scenes/registry";
import { PageError } from "@/components/ui/page-error";
import { useFetched } from "@/components/ui/use-fetched";
import { studiesApi } from "@/lib/client/studies-api";
import type { StudyResults } from "@/lib/protocol/studies";
import { reportConditions, reportParticipants } from "@/lib/studies/report-plot";
import { RatePlot } from "./rate-plot";
import { ConditionFigures, ParticipantFigures } from "./report-figures";
import { ReportComparison } from "./report-comparison";
import { ReportExport } from "./report-export";
import { LINK, SECTION, SECTION_TITLE } from "./report-styles";
import { ReportTrials } from "./report-trials";
import { TimePlot } from "./time-plot";

const NAV_LINK = "inline-flex h-11 items-center rounded-lg px-4 text-slate-300 hover:bg-slate-800 hover:text-slate-100";

/**
 * The page itself is dark like the app; on paper it must be white with black text,
 * whatever the global stylesheet gives the body. Only while the report is mounted.
 */
const PRINT_PAGE_CSS = "@media print { html, body { background: #fff !important; color: #000 !important; color-scheme: light; } @page { margin: 12mm; } }";

/**
 * Print: white paper, black text and thin grey rules everywhere below the root; the
 * app header goes (the export bar and links hide themselves).
 */
const PRINT_ROOT = "print:min-h-0 print:bg-white print:text-black print:**:border-slate-400 print:**:bg-transparent print:**:text-black print:[&>header]:hidden";

/** /studies/<id>/report: the study's results as tables and plots, with exports and a printout. */
export function StudyReport({ id }: { id: string }) {
  const { state: load, retry } = useFetched(useCallback(() => studiesApi.results(id).then((results) => ({ results, loadedAtMs: Date.now() })), [id]));

  return (
    <div className={`flex min-h-screen flex-col ${PRINT_ROOT}`}>
      <style>{PRINT_PAGE_CSS}</style>
      <DesktopHeader>
        <Link href={`/studies/${encodeURIComponent(id)}`} data-testid="report-study-link" className={NAV_LINK}>
          ← Study
        </Link>
        <Link href="/studies" className={NAV_LINK}>
          All studies
        </Link>
      </DesktopHeader>
      {load.status === "loading" && <p className="animate-pulse p-10 text-center text-2xl text-slate-300">Reading the results…</p>}
      {load.status === "error" && (
        <PageError
          id={id}
          noun="study"
          error={load.error}
          retry={retry}
          failedTitle="Cannot make the report"
          backHref="/studies"
          backLabel="All studies"
          testId="report-error"
          retryTestId="report-retry"
        />
      )}
      {load.status === "ready" && <ReportBody id={id} results={load.value.results} loadedAtMs={load.value.loadedAtMs} />}
    </div>
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function ReportBody({ id, results, loadedAtMs }: { id: string; results: StudyResults; loadedAtMs: number }) {
  const conditions = reportConditions(results);
  const participants = reportParticipants(results);
  const sceneTitle = sceneFind(results.study.sceneId)?.logic.title ?? results.study.sceneId;
  const complete = results.byParticipant.filter((p) => p.status === "complete").length;
  const empty = results.trials.length === 0;
  const summary = [
    `${plural(results.byParticipant.length, "participant")} (${complete} complete)`,
    `${plural(results.overall.trials, "trial")} finished`,
    `${plural(conditions.length, "condition")}: ${conditions.map((c) => c.name).join(", ")}`,
    `as of ${new Date(loadedAtMs).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}`,
  ];

  return (
    <main data-testid="report" className="mx-auto flex w-full max-w-[110rem] flex-col gap-6 p-8 print:max-w-none print:gap-5 print:p-0">
      <header className="flex flex-wrap items-end gap-x-8 gap-y-4">
        <div className="min-w-0 flex-1 basis-96">
          <p className="text-base text-slate-400 print:text-xs">Study report · scene {sceneTitle}</p>
          <h1 className="text-4xl font-bold tracking-tight break-words text-slate-50 print:text-2xl">{results.study.name}</h1>
          <p data-testid="report-summary" className="mt-2 text-lg text-slate-300 print:text-xs">
            {summary.join(" · ")}
          </p>
        </div>
        {!empty && <ReportExport studyId={id} />}
      </header>

      {empty ? (
        <section data-testid="report-empty" className={SECTION}>
          <p className="text-xl font-semibold text-slate-100">No trials yet: run a session from the study page.</p>
          <p className="text-lg text-slate-300">
            The report fills in as trials finish. Open{" "}
            <Link href={`/studies/${encodeURIComponent(id)}`} className={LINK}>
              the study page
            </Link>
            , add a participant and start their session with a connected phone.
          </p>
        </section>
      ) : (
        <>
          <ConditionFigures conditions={conditions} overall={results.overall} />
          <section className={SECTION} aria-labelledby="report-plots-title">
            <h2 id="report-plots-title" className={SECTION_TITLE}>
              Plots
            </h2>
            <div className="grid gap-8 xl:grid-cols-2 print:grid-cols-1 print:gap-4">
              <div className="w-full max-w-3xl print:max-w-[14cm]">
                <RatePlot conditions={conditions} participants={participants} cells={results.cells} />
              </div>
              <div className="w-full max-w-3xl print:max-w-[14cm]">
                <TimePlot conditions={conditions} trials={results.trials} />
              </div>
            </div>
          </section>
          <ReportComparison conditions={conditions} participants={participants} cells={results.cells} />
          <ParticipantFigures participants={results.byParticipant} />
          <ReportTrials trials={results.trials} />
        </>
      )}
    </main>
  );
}
