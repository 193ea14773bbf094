import Link from "next/link";
import type { StudyTrialRow } from "@/lib/protocol/studies";
import { NONE, endUnlessImpliedText, msText, secondsText, timelineHref } from "./report-format";
import { LINK, NARROW, NUM, SECTION_NOTE, SECTION_TITLE, TABLE, TABLE_WRAP, TD, TH } from "./report-styles";

/**
 * Every column must fit the panel from 1024 px up without a scroll box: text columns
 * wrap (headers too), figures stay narrow, how the trial ended sits under its outcome,
 * and a facilitator's notes get a full-width line under their trial instead of a column.
 */
const HEADERS: { text: string; className?: string }[] = [
  { text: "Participant" },
  { text: "Condition" },
  { text: "Trial", className: `${NARROW} text-right` },
  { text: "Prompt" },
  { text: "Outcome" },
  { text: "Time\u00a0to trigger", className: `${NARROW} text-right` },
  { text: "Detection latency", className: `${NARROW} text-right` },
  { text: "False triggers", className: `${NARROW} text-right` },
  // A link is no use on paper.
  { text: "Timeline", className: `${NARROW} print:hidden` },
];
/** Notes start under the prompt: the cells before it stay empty. */
const NOTE_INDENT = 3;

const OUTCOME_TONE = { success: "text-emerald-300", miss: "text-amber-300" } as const;
const SMALL = "block text-sm text-slate-400 print:text-[9px]";

function TrialRows({ t }: { t: StudyTrialRow }) {
  const href = timelineHref(t);
  const ended = endUnlessImpliedText(t);
  const notes = t.notes.length > 0;
  return (
    // One body per trial, so a page break never falls between a trial and its notes.
    <tbody className="break-inside-avoid">
      <tr data-testid="report-trial-row" data-participant={t.participant} data-condition={t.condition} data-outcome={t.outcome}>
        <td className={`${TD} font-medium whitespace-nowrap text-slate-100`}>{t.participant}</td>
        <td className={TD}>
          {t.conditionName}
          <span className={SMALL} title="Its place in this participant's order of conditions">
            {ordinal(t.conditionPosition)} in order
          </span>
        </td>
        <td className={`${TD} ${NUM}`} title={`Trial ${t.seq} of the session`}>
          {t.trial}
        </td>
        <td className={`${TD} break-words`}>{t.prompt}</td>
        <td className={TD}>
          <span className={`font-semibold ${OUTCOME_TONE[t.outcome]}`}>{t.outcome === "success" ? "Success" : "Miss"}</span>
          <span className={`${SMALL} whitespace-nowrap`}>by {t.outcomeBy}</span>
          {ended && <span className={SMALL}>{ended}</span>}
        </td>
        <td className={`${TD} ${NUM}`}>{secondsText(t.timeToTriggerMs)}</td>
        <td className={`${TD} ${NUM}`}>{msText(t.detectionLatencyMs)}</td>
        <td className={`${TD} ${NUM}`}>{t.falseTriggers}</td>
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
      {notes && (
        <tr data-testid="report-trial-notes">
          <td colSpan={NOTE_INDENT} />
          <td colSpan={HEADERS.length - NOTE_INDENT} className="px-2 pb-3 align-top text-slate-300 xl:px-3 print:px-1 print:pb-1">
            {t.notes.map((n, i) => (
              <p key={i} className="break-words">
                <span className="font-semibold text-slate-400">Note: </span>
                {n}
              </p>
            ))}
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** "1st", "2nd", "3rd", "4th": a condition's place in the participant's order (at most 6). */
function ordinal(n: number): string {
  return `${n}${n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th"}`;
}

/** Every finished trial, in the order the server gives them (participant, then session order). */
export function ReportTrials({ trials }: { trials: StudyTrialRow[] }) {
  return (
    // Long: it may span pages, but never splits a trial and repeats its header on each page.
    <section className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900/60 p-5 print:gap-2 print:rounded-none print:border-0 print:p-0" aria-labelledby="report-trials-title">
      <h2 id="report-trials-title" className={SECTION_TITLE}>
        Trials
      </h2>
      <p className={SECTION_NOTE}>
        Outcome by facilitator: their Success or Miss key; by detector: the expected detector event, or none before the time limit. A facilitator&apos;s notes are under
        their trial.
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
          {trials.map((t, i) => (
            // A participant run twice (a stopped session re-run) repeats a seq: the index keeps keys apart.
            <TrialRows key={`${t.participant}-${t.seq}-${i}`} t={t} />
          ))}
        </table>
      </div>
    </section>
  );
}
