import { cx } from "@/components/ui/cx";
import type { LiveRecordingInfo } from "@/lib/protocol/recordings";
import { clockText } from "./recording-format";

interface RecordingKeyLegendProps {
  labelSet: readonly string[];
  active: LiveRecordingInfo["activeLabel"];
  /** Server time, for how long the open label has run. */
  nowMs: number;
}

/** Which key labels what, with the open label lit: the researcher's eyes stay on the participant, so it must read at a glance. */
export function RecordingKeyLegend({ labelSet, active, nowMs }: RecordingKeyLegendProps) {
  if (labelSet.length === 0) return <p className="text-sm text-slate-500">No label set: this recording has no live labels.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ol data-testid="recording-keys" className="contents">
        {labelSet.map((label, i) => {
          const on = active?.label === label;
          return (
            <li
              key={label}
              data-testid="recording-key"
              data-label={label}
              data-active={on}
              className={cx(
                "flex h-10 items-center gap-2 rounded-full border pr-3 pl-1 text-sm transition-colors",
                on ? "border-red-400 bg-red-500/25 font-semibold text-red-50 shadow-[0_0_14px_rgba(239,68,68,0.45)]" : "border-slate-600 bg-slate-800 text-slate-200",
              )}
            >
              <kbd className={cx("grid size-8 place-items-center rounded-full font-mono text-base font-bold", on ? "bg-red-500 text-white" : "bg-slate-950 text-sky-300")}>{i + 1}</kbd>
              {label}
              {on && <span className="font-mono tabular-nums">{clockText(nowMs - active.sinceMs)}</span>}
            </li>
          );
        })}
      </ol>
      <span className="text-sm text-slate-400">
        <kbd className="rounded bg-slate-800 px-1.5 font-mono">0</kbd> or <kbd className="rounded bg-slate-800 px-1.5 font-mono">Esc</kbd> ends the label
      </span>
    </div>
  );
}
