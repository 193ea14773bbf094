import type { StudyResults } from "@/lib/protocol/studies";
import { dotOffsets, type PlotAxis, type ReportCondition } from "@/lib/studies/report-plot";
import { NONE, percentText } from "./report-format";
import { PlotFrame } from "./plot-frame";

const RATE_AXIS: PlotAxis = { max: 1, step: 0.25, ticks: [0, 0.25, 0.5, 0.75, 1] };
const BAR_MAX_PX = 110;
const DOT_R = 5;

/**
 * Success rate per condition as bars, each participant's own rate in it as a dot.
 * A participant keeps the same place in every band (left to right in participant
 * order), so one person's change between conditions can be followed by eye.
 */
export function RatePlot({ conditions, participants, cells }: { conditions: ReportCondition[]; participants: string[]; cells: StudyResults["cells"] }) {
  const cellOf = new Map(cells.map((c) => [`${c.participant}\n${c.condition}`, c.figures]));
  const bands = conditions.map((c) => ({
    key: c.id,
    name: c.name,
    facts: [c.figures.trials > 0 ? percentText(c.figures.successRate) : NONE, `${c.figures.trials} trials`],
  }));
  return (
    <figure className="flex flex-col gap-2 break-inside-avoid">
      <PlotFrame title="Success rate per condition" testId="report-rate-plot" axis={RATE_AXIS} axisText={percentText} axisTitle="Success rate (%)" bands={bands}>
        {({ bands: layout, y }) =>
          conditions.map((c, i) => {
            const band = layout[i]!;
            const barPx = Math.min(BAR_MAX_PX, band.innerPx);
            const offsets = dotOffsets(participants.length, Math.max(0, barPx - 2 * DOT_R - 4));
            return (
              <g key={c.id} data-condition={c.id}>
                {c.figures.trials > 0 && (
                  <rect
                    x={band.centerPx - barPx / 2}
                    y={y(c.figures.successRate)}
                    width={barPx}
                    height={y(0) - y(c.figures.successRate)}
                    strokeWidth={1.5}
                    className="fill-sky-500/45 stroke-sky-300 print:fill-slate-300 print:stroke-black"
                  >
                    <title>{`${c.name}: ${percentText(c.figures.successRate)} (${c.figures.successes} of ${c.figures.trials} trials)`}</title>
                  </rect>
                )}
                {participants.map((p, j) => {
                  const f = cellOf.get(`${p}\n${c.id}`);
                  if (!f || f.trials === 0) return null;
                  return (
                    <circle
                      key={p}
                      cx={band.centerPx + offsets[j]!}
                      cy={y(f.successRate)}
                      r={DOT_R}
                      strokeWidth={1.5}
                      className="fill-amber-300 stroke-slate-950 print:fill-black print:stroke-white"
                    >
                      <title>{`${p}, ${c.name}: ${percentText(f.successRate)} (${f.successes} of ${f.trials})`}</title>
                    </circle>
                  );
                })}
              </g>
            );
          })
        }
      </PlotFrame>
      <figcaption className="text-sm text-slate-400 print:text-[10px]">
        Bars: the condition’s success rate over all its trials. Dots: one participant each, in the same place in every condition (left to right:{" "}
        {participants.join(", ")}).
      </figcaption>
    </figure>
  );
}
