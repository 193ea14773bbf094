import type { StudyTrialRow } from "@/lib/protocol/studies";
import { axisNice, dotOffsets, type ReportCondition } from "@/lib/studies/report-plot";
import { secondsText } from "./report-format";
import { PlotFrame } from "./plot-frame";

const DOT_R = 4;

/** "2 s", "2.5 s": tick labels with the step's decimals only. */
function tickText(s: number): string {
  return `${Number(s.toFixed(2))} s`;
}

/**
 * Time to trigger of every trial the detector fired in, a dot each, spread across the
 * condition's band in trial order; the line is the condition's median. Trials without
 * a trigger have no time: the band's facts say how many of them had one.
 */
export function TimePlot({ conditions, trials }: { conditions: ReportCondition[]; trials: StudyTrialRow[] }) {
  const timed = conditions.map((c) => trials.filter((t) => t.condition === c.id && t.timeToTriggerMs !== null));
  const maxS = Math.max(0, ...timed.flat().map((t) => t.timeToTriggerMs! / 1000), ...conditions.map((c) => (c.figures.timeToTriggerMsP50 ?? 0) / 1000));
  const axis = axisNice(maxS);
  const bands = conditions.map((c, i) => ({
    key: c.id,
    name: c.name,
    facts: [`median ${secondsText(c.figures.timeToTriggerMsP50)}`, `${timed[i]!.length} of ${c.figures.trials} fired`],
  }));
  return (
    <figure className="flex flex-col gap-2 break-inside-avoid">
      <PlotFrame title="Time to trigger per trial" testId="report-time-plot" axis={axis} axisText={tickText} axisTitle="Time to trigger (s)" bands={bands}>
        {({ bands: layout, y }) =>
          conditions.map((c, i) => {
            const band = layout[i]!;
            const points = timed[i]!;
            const offsets = dotOffsets(points.length, band.innerPx * 0.7);
            const medianMs = c.figures.timeToTriggerMsP50;
            return (
              <g key={c.id} data-condition={c.id}>
                {points.map((t, j) => (
                  <circle
                    key={j}
                    cx={band.centerPx + offsets[j]!}
                    cy={y(t.timeToTriggerMs! / 1000)}
                    r={DOT_R}
                    strokeWidth={1}
                    className="fill-sky-300/70 stroke-slate-950 print:fill-slate-500 print:stroke-black"
                  >
                    <title>{`${t.participant}, trial ${t.trial}: ${secondsText(t.timeToTriggerMs)}`}</title>
                  </circle>
                ))}
                {medianMs !== null && (
                  <line
                    x1={band.centerPx - band.innerPx / 2}
                    x2={band.centerPx + band.innerPx / 2}
                    y1={y(medianMs / 1000)}
                    y2={y(medianMs / 1000)}
                    strokeWidth={3}
                    strokeLinecap="round"
                    className="stroke-amber-300 print:stroke-black"
                  >
                    <title>{`${c.name}: median ${secondsText(medianMs)}`}</title>
                  </line>
                )}
              </g>
            );
          })
        }
      </PlotFrame>
      <figcaption className="text-sm text-slate-400 print:text-[10px]">
        Dots: one trial each, from the prompt to the detector’s decision. Line: the condition’s median. Trials the detector did not fire in are not drawn.
      </figcaption>
    </figure>
  );
}
