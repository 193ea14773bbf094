import type { StudyFigures, StudyResults } from "@/lib/protocol/studies";
import type { ReportCondition } from "@/lib/studies/report-plot";
import { NONE, perMinDiffText, perMinText, percentText, pointsDiffText, secondsDiffText, secondsText } from "./report-format";
import { NUM, ROW, SECTION, SECTION_NOTE, SECTION_TITLE, TABLE, TABLE_WRAP, TD, TH } from "./report-styles";

/** A few columns: on a wide screen they stay together instead of spreading across it. */
const COMPACT = "xl:w-auto xl:min-w-[48rem]";
const SMALL = "block text-sm text-slate-400 print:text-[10px]";

function DiffCell({ diff, values }: { diff: string; values: string }) {
  return (
    <td className={`${TD} ${NUM}`}>
      <span className="font-semibold text-slate-50">{diff}</span>
      <span className={SMALL}>{values}</span>
    </td>
  );
}

/** Each condition against the first: what changes in success, speed and false triggers. */
function Differences({ base, others }: { base: ReportCondition; others: ReportCondition[] }) {
  const b = base.figures;
  const rate = (f: StudyFigures) => (f.trials > 0 ? percentText(f.successRate) : NONE);
  return (
    <div className={TABLE_WRAP}>
      <table data-testid="report-differences" className={`${TABLE} ${COMPACT}`}>
        <thead>
          <tr>
            <th scope="col" className={TH}>
              Condition vs {base.name}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Success rate
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Time to trigger (median)
            </th>
            <th scope="col" className={`${TH} text-right`}>
              False triggers per minute
            </th>
          </tr>
        </thead>
        <tbody>
          {others.map((c) => {
            const f = c.figures;
            const both = f.trials > 0 && b.trials > 0;
            const timeDiffMs = f.timeToTriggerMsP50 !== null && b.timeToTriggerMsP50 !== null ? f.timeToTriggerMsP50 - b.timeToTriggerMsP50 : null;
            return (
              <tr key={c.id} data-testid="report-comparison-row" data-condition={c.id} className={ROW}>
                <th scope="row" className={`${TD} font-medium text-slate-100`}>
                  {c.name}
                </th>
                <DiffCell diff={both ? pointsDiffText(f.successRate - b.successRate) : NONE} values={`${rate(f)} vs ${rate(b)}`} />
                <DiffCell diff={secondsDiffText(timeDiffMs)} values={`${secondsText(f.timeToTriggerMsP50)} vs ${secondsText(b.timeToTriggerMsP50)}`} />
                <DiffCell
                  diff={both ? perMinDiffText(f.falseTriggersPerMin - b.falseTriggersPerMin) : NONE}
                  values={`${both ? perMinText(f.falseTriggersPerMin) : NONE} vs ${both ? perMinText(b.falseTriggersPerMin) : NONE}`}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Every participant did every condition, so each one's rates side by side show whether
 * a difference holds for most people or comes from one or two.
 */
function PairedRates({ conditions, participants, cells }: { conditions: ReportCondition[]; participants: string[]; cells: StudyResults["cells"] }) {
  const cellOf = new Map(cells.map((c) => [`${c.participant}\n${c.condition}`, c.figures]));
  // With two conditions the per-person difference is one more column; with more it would crowd the table.
  const pair = conditions.length === 2 ? ([conditions[0]!, conditions[1]!] as const) : null;
  return (
    <div className={TABLE_WRAP}>
      <table data-testid="report-paired" className={`${TABLE} ${COMPACT}`}>
        <thead>
          <tr>
            <th scope="col" className={TH}>
              Participant
            </th>
            {conditions.map((c) => (
              <th key={c.id} scope="col" className={`${TH} text-right`}>
                {c.name}
              </th>
            ))}
            {pair && (
              <th scope="col" className={`${TH} text-right`}>
                {pair[1].name} − {pair[0].name}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => {
            const fig = (condition: string) => cellOf.get(`${p}\n${condition}`);
            const a = pair ? fig(pair[0].id) : undefined;
            const b = pair ? fig(pair[1].id) : undefined;
            return (
              <tr key={p} data-testid="report-paired-row" data-participant={p} className={ROW}>
                <th scope="row" className={`${TD} font-medium text-slate-100`}>
                  {p}
                </th>
                {conditions.map((c) => {
                  const f = fig(c.id);
                  return (
                    <td key={c.id} className={`${TD} ${NUM}`} data-condition={c.id}>
                      {f && f.trials > 0 ? (
                        <>
                          {percentText(f.successRate)}
                          <span className={SMALL}>
                            {f.successes} of {f.trials}
                          </span>
                        </>
                      ) : (
                        NONE
                      )}
                    </td>
                  );
                })}
                {pair && <td className={`${TD} ${NUM} font-semibold text-slate-50`}>{a && b && a.trials > 0 && b.trials > 0 ? pointsDiffText(b.successRate - a.successRate) : NONE}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The comparison of conditions; a study of one condition has nothing to compare. `participants`: those with a finished trial. */
export function ReportComparison({ conditions, participants, cells }: { conditions: ReportCondition[]; participants: string[]; cells: StudyResults["cells"] }) {
  const [base, ...others] = conditions;
  if (!base || others.length === 0) return null;
  return (
    <section data-testid="report-comparison" className={SECTION} aria-labelledby="report-comparison-title">
      <h2 id="report-comparison-title" className={SECTION_TITLE}>
        Conditions compared
      </h2>
      <p className={SECTION_NOTE}>
        Differences against {base.name}, the first condition: success rate in percentage points (pp), seconds, and false triggers per minute. A negative time is
        faster. Under each: the condition’s figure vs {base.name}’s.
      </p>
      <Differences base={base} others={others} />
      <h3 className="mt-2 text-lg font-semibold text-slate-100 print:text-sm">Success rate per participant</h3>
      <PairedRates conditions={conditions} participants={participants} cells={cells} />
    </section>
  );
}
