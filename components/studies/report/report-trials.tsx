import Link from "next/link";
import type { StudyTrialRow } from "@/lib/protocol/studies";
import { NONE, endReasonText, msText, secondsText, timelineHref } from "./report-format";
import { LINK, NUM, ROW, SECTION_NOTE, SECTION_TITLE, TABLE, TABLE_WRAP, TD, TH } from "./report-styles";

const HEADERS: { text: string; className?: string }[] = [
  { text: "Participant" },
  { text: "Condition" },
  { text: "Trial", className: "text-right" },
  { text: "Prompt" },
  { text: "Outcome" },
  { text: "End" },
  { text: "Time to trigger", className: "text-right" },
  { text: "Detection latency", className: "text-right" },
  { text: "False triggers", className: "text-right" },
  { text: "Notes" },
  // A link is no use on paper.
  { text: "Timeline", className: "print:hidden" },
];

const OUTCOME_TONE = { success: "text-emerald-300", miss: "text-amber-300" } as const;

function TrialRow({ t }: { t: StudyTrialRow }) {
  const href = timelineHref(t);
  return (
    <tr data-testid="report-trial-row" data-participant={t.participant} data-condition={t.condition} data-outcome={t.outcome} className={ROW}>
      <td className={`${TD} font-medium whitespace-nowrap text-slate-100`}>{t.participant}</td>
      <td className={`${TD} min-w-32 print:min-w-0`}>
        {t.conditionName}
        <span className="block text-sm text-slate-400 print:text-[9px]" title="Its place in this participant's order of conditions">
          {ordinal(t.conditionPosition)}
        </span>
      </td>
      <td className={`${TD} ${NUM}`} title={`Trial ${t.seq} of the session`}>
        {t.trial}
      </td>
      <td className={`${TD} min-w-40 print:min-w-0`}>{t.prompt}</td>
      <td className={`${TD} whitespace-nowrap`}>
        <span className={`font-semibold ${OUTCOME_TONE[t.outcome]}`}>{t.outcome === "success" ? "Success" : "Miss"}</span>
        <span className="block text-sm text-slate-400 print:text-[9px]">by {t.outcomeBy}</span>
      </td>
      <td className={`${TD} whitespace-nowrap`}>{endReasonText(t.endReason)}</td>
      <td className={`${TD} ${NUM}`}>{secondsText(t.timeToTriggerMs)}</td>
      <td className={`${TD} ${NUM}`}>{msText(t.detectionLatencyMs)}</td>
      <td className={`${TD} ${NUM}`}>{t.falseTriggers}</td>
      <td className={`${TD} min-w-48 text-slate-300 print:min-w-0`}>
        {t.notes.length === 0 ? (
          <span className="text-slate-500">{NONE}</span>
        ) : (
          t.notes.map((n, i) => (
            <p key={i} className="break-words">
              {n}
            </p>
          ))
        )}
      </td>
      <td className={`${TD} whitespace-nowrap print:hidden`}>
        {href ? (
          <Link href={href} className={`${LINK} -my-2.5 inline-flex h-11 items-center`} data-testid="report-trial-timeline" title="The recording's timeline, zoomed to this trial">
            Timeline
          </Link>
        ) : (
          <span className="text-slate-500" title="This trial has no recording">
            {NONE}
          </span>
        )}
      </td>
    </tr>
  );
}

/** "1st", "2nd", "3rd", "4th": a condition's place in the participant's order (at most 6). */
function ordinal(n: number): string {
  return `${n}${n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th"}`;
}

/** Every finished trial, in the order the server gives them (participant, then session order). */
export function ReportTrials({ trials }: { trials: StudyTrialRow[] }) {
  return (
    // Long: it may span pages, but never splits a row (ROW) and repeats its header on each page.
    <section className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900/60 p-5 print:gap-2 print:rounded-none print:border-0 print:p-0" aria-labelledby="report-trials-title">
      <h2 id="report-trials-title" className={SECTION_TITLE}>
        Trials
      </h2>
      <p className={SECTION_NOTE}>
        Outcome by facilitator: their Success or Miss key; by detector: the expected detector event, or none before the time limit.
        <span className="print:hidden"> Timeline opens the recording zoomed to the trial, 2 s either side.</span>
      </p>
      <div className={TABLE_WRAP}>
        <table data-testid="report-trials" className={TABLE}>
          <thead className="table-header-group">
            <tr>
              {HEADERS.map((h) => (
                <th key={h.text} scope="col" className={`${TH} ${h.className ?? ""}`}>
                  {h.text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trials.map((t, i) => (
              // A participant run twice (a stopped session re-run) repeats a seq: the index keeps keys apart.
              <TrialRow key={`${t.participant}-${t.seq}-${i}`} t={t} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
