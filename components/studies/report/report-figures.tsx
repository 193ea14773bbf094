import type { ReactNode } from "react";
import type { StudyFigures, StudyResults } from "@/lib/protocol/studies";
import type { ReportCondition } from "@/lib/studies/report-plot";
import { NONE, msText, perMinText, percentText, secondsText, statusText } from "./report-format";
import { NUM, ROW, SECTION, SECTION_NOTE, SECTION_TITLE, TABLE, TABLE_WRAP, TD, TH } from "./report-styles";

/** The figure columns every summary table shares, after its first (what the row is). */
const FIGURE_HEADERS = ["Trials", "Successes", "Success rate", "Time to trigger (median)", "Detection latency (mean)", "False triggers", "False triggers per minute"];

function FigureCells({ f }: { f: StudyFigures }) {
  return (
    <>
      <td className={`${TD} ${NUM}`}>{f.trials}</td>
      <td className={`${TD} ${NUM}`}>{f.successes}</td>
      <td className={`${TD} ${NUM} font-semibold text-slate-50`}>{f.trials > 0 ? percentText(f.successRate) : NONE}</td>
      <td className={`${TD} ${NUM}`}>{secondsText(f.timeToTriggerMsP50)}</td>
      <td className={`${TD} ${NUM}`}>{msText(f.detectionLatencyMsMean)}</td>
      <td className={`${TD} ${NUM}`}>{f.falseTriggers}</td>
      <td className={`${TD} ${NUM}`}>{f.trials > 0 ? perMinText(f.falseTriggersPerMin) : NONE}</td>
    </>
  );
}

/** `leading`: the headers of the columns that say what a row is, before the figures. */
function FiguresTable({ leading, testId, children }: { leading: string[]; testId: string; children: ReactNode }) {
  return (
    <div className={TABLE_WRAP}>
      <table data-testid={testId} className={TABLE}>
        <thead>
          <tr>
            {leading.map((h) => (
              <th key={h} scope="col" className={TH}>
                {h}
              </th>
            ))}
            {FIGURE_HEADERS.map((h) => (
              <th key={h} scope="col" className={`${TH} text-right`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One row per condition in the study's order, then all trials together. */
export function ConditionFigures({ conditions, overall }: { conditions: ReportCondition[]; overall: StudyFigures }) {
  return (
    <section className={SECTION} aria-labelledby="report-figures-title">
      <h2 id="report-figures-title" className={SECTION_TITLE}>
        Figures per condition
      </h2>
      <p className={SECTION_NOTE}>
        Time to trigger: prompt to the detector’s decision, over the trials it fired in. Detection latency: end of the gesture to the decision. False triggers:
        marked by the facilitator, per minute of trial time.
      </p>
      <FiguresTable leading={["Condition"]} testId="report-condition-table">
        {conditions.map((c) => (
          <tr
            key={c.id}
            data-testid="report-condition-row"
            data-condition={c.id}
            data-successes={c.figures.successes}
            data-trials={c.figures.trials}
            data-false-triggers={c.figures.falseTriggers}
            className={ROW}
          >
            <th scope="row" className={`${TD} font-medium text-slate-100`}>
              {c.name}
            </th>
            <FigureCells f={c.figures} />
          </tr>
        ))}
        <tr data-testid="report-overall-row" className={`${ROW} bg-slate-800/40`}>
          <th scope="row" className={`${TD} font-semibold text-slate-50`}>
            All
          </th>
          <FigureCells f={overall} />
        </tr>
      </FiguresTable>
    </section>
  );
}

/** One row per participant: how far their session got and their figures over all conditions. */
export function ParticipantFigures({ participants }: { participants: StudyResults["byParticipant"] }) {
  return (
    <section className={SECTION} aria-labelledby="report-participants-title">
      <h2 id="report-participants-title" className={SECTION_TITLE}>
        Participants
      </h2>
      <FiguresTable leading={["Participant", "Status"]} testId="report-participant-table">
        {participants.map((p) => (
          <tr key={p.participant} data-testid="report-participant-row" data-participant={p.participant} className={ROW}>
            <th scope="row" className={`${TD} font-medium whitespace-nowrap text-slate-100`}>
              {p.participant}
            </th>
            <td className={`${TD} whitespace-nowrap text-slate-300`}>{statusText(p.status)}</td>
            <FigureCells f={p.figures} />
          </tr>
        ))}
      </FiguresTable>
    </section>
  );
}
