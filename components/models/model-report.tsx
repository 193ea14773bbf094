"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { EvalReport } from "@/lib/eval/evaluate";
import { REPORT_FILE } from "@/lib/models/model-files";
import type { ModelVersionInfo } from "@/lib/protocol/events";
import { ConfusionTable } from "./confusion-table";
import { SweepChart } from "./sweep-chart";

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
const num = (v: number | null, digits = 1) => (v === null ? "—" : v.toFixed(digits));
const ms = (v: number | null) => (v === null ? "—" : `${Math.round(v)} ms`);

export function hasReport(v: ModelVersionInfo | undefined): boolean {
  return !!v?.files.includes(REPORT_FILE);
}

type Loaded = { ok: true; report: EvalReport } | { ok: false; error: string } | null;

/**
 * A checkpoint's event-level evaluation, as `npm run eval` wrote it next to the
 * model: headline figures, per-class table, precision / recall / false triggers
 * against the threshold (click to use a threshold live), and the confusion matrix.
 */
export function ModelReport({
  version,
  thresholdProb,
  onThreshold,
  onClose,
}: {
  version: ModelVersionInfo;
  thresholdProb: number | null;
  onThreshold: (t: number) => void;
  onClose: () => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    let live = true;
    fetch(version.baseUrl + REPORT_FILE)
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return (await res.json()) as EvalReport;
      })
      .then((report) => live && setLoaded({ ok: true, report }))
      .catch((e: unknown) => live && setLoaded({ ok: false, error: `${REPORT_FILE} could not be read: ${(e as Error).message}` }));
    return () => {
      live = false;
    };
  }, [version.baseUrl]);

  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", key);
    return () => window.removeEventListener("keydown", key);
  }, [onClose]);

  const m = version.manifest;
  // `npm run train --data synth` says so first; real data with simulated background (--negatives synth) is not "synthetic".
  const synthetic = /^synthetic/i.test(m.provenance.trainedOn);
  return (
    <div className="fixed inset-0 z-40 grid place-items-center bg-slate-950/80 p-6" onClick={onClose}>
      <section
        role="dialog"
        aria-label={`Evaluation of ${m.name}`}
        data-testid="model-report"
        className="flex max-h-full w-full max-w-5xl flex-col gap-4 overflow-y-auto rounded-2xl border border-slate-700 bg-slate-900 p-5 shadow-2xl"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="flex flex-wrap items-start gap-3">
          <div className="min-w-0 flex-1">
            <h2 className="text-xl font-semibold text-slate-50">
              {m.name} <span className="font-normal text-slate-400">v{version.version}</span>
            </h2>
            <p className="text-sm text-slate-400">
              Trained on {m.provenance.trainedOn} ({m.provenance.trainedAt})
            </p>
          </div>
          <Button size="sm" onClick={onClose}>
            Close
          </Button>
        </header>
        {synthetic && (
          <p data-testid="synthetic-note" className="rounded-lg border border-amber-400/50 bg-amber-400/10 px-3 py-2 text-sm text-amber-100">
            Trained on simulated motion: a starting point. Retrain it on recordings of real wrists before trusting these figures.
          </p>
        )}
        {!loaded && <p className="text-slate-400">Loading the report…</p>}
        {loaded && !loaded.ok && <p role="alert" className="text-red-200">{loaded.error}</p>}
        {loaded?.ok && <ReportBody report={loaded.report} thresholdProb={thresholdProb} onThreshold={onThreshold} />}
      </section>
    </div>
  );
}

function ReportBody({ report: r, thresholdProb, onThreshold }: { report: EvalReport; thresholdProb: number | null; onThreshold: (t: number) => void }) {
  const ft = r.falseTriggers.negativeStreams;
  return (
    <>
      <p className="text-sm text-slate-400">
        Evaluated on {r.dataset.name}: {r.counts.recordings} recordings, {r.counts.segments} gestures, {num(r.durations.totalHours, 2)} h, of which{" "}
        {num(r.durations.negativeHours, 2)} h without the gesture; threshold {r.decision.thresholdProb.toFixed(2)}, events matched within{" "}
        {r.matching.toleranceMs} ms after a gesture.
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Figure label="Event F1" value={pct(r.overall.f1)} testId="report-f1" />
        <Figure label="Precision" value={pct(r.overall.precision)} />
        <Figure label="Recall" value={pct(r.overall.recall)} />
        <Figure label="False triggers / h" value={num(ft.perHour)} hint={`${ft.events} in ${num(ft.hours, 2)} h of other motion`} />
        <Figure label="Delay p50 / p95" value={`${ms(r.overall.delayMs.p50)} / ${ms(r.overall.delayMs.p95)}`} hint="gesture end to decision" />
      </dl>
      <table className="w-full text-left text-sm tabular-nums">
        <thead className="text-slate-400">
          <tr>
            {["class", "gestures", "events", "found", "false", "doubles", "missed", "precision", "recall", "F1", "delay p50"].map((h) => (
              <th key={h} className="py-1 pr-3 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="text-slate-200">
          {r.classes.map((c) => (
            <tr key={c.label} className="border-t border-slate-800">
              <td className="py-1 pr-3 font-semibold">{c.label}</td>
              <td className="pr-3">{c.segments}</td>
              <td className="pr-3">{c.events}</td>
              <td className="pr-3">{c.tp}</td>
              <td className="pr-3">{c.fp}</td>
              <td className="pr-3">{c.doubles}</td>
              <td className="pr-3">{c.missed}</td>
              <td className="pr-3">{pct(c.precision)}</td>
              <td className="pr-3">{pct(c.recall)}</td>
              <td className="pr-3">{pct(c.f1)}</td>
              <td className="pr-3">{ms(c.delayMs.p50)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <figure className="flex min-w-0 flex-col gap-2">
          <figcaption className="text-sm font-semibold text-slate-200">
            Against the threshold <span className="font-normal text-slate-400">(click to use a threshold live)</span>
          </figcaption>
          <SweepChart sweep={r.sweep} thresholdProb={thresholdProb} onPick={onThreshold} />
        </figure>
        <figure className="flex min-w-0 flex-col gap-2">
          <figcaption className="text-sm font-semibold text-slate-200">Confusion (gestures × what was detected)</figcaption>
          <ConfusionTable confusion={r.confusion} />
        </figure>
      </div>
    </>
  );
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="rounded-xl border border-slate-700 bg-slate-950/50 px-3 py-2">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-400">{label}</dt>
      <dd data-testid={testId} className="text-2xl font-semibold tabular-nums text-slate-50">
        {value}
      </dd>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
