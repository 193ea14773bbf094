import type { RecordedEvent, RecordingTrim } from "@/lib/protocol/recordings";
import type { TimeWindow } from "@/lib/review/timeline-view";
import { eventColor } from "./label-colors";
import { LaneRow } from "./lane-row";
import { TrimShade, viewPct } from "./trim-shade";

/**
 * The model events recorded live, as markers at the moment the detector decided,
 * so a researcher can see where a model fired against where the label says the
 * gesture was. Hovering a marker names the interaction and the detector.
 */
export function EventLane({ events, view, trim }: { events: readonly RecordedEvent[]; view: TimeWindow; trim: RecordingTrim | null }) {
  const visible = events.filter((e) => e.tMs >= view.startMs && e.tMs <= view.endMs);
  return (
    <LaneRow title="Events">
      <div className="relative h-8 rounded-md border border-slate-800 bg-slate-900/40">
        {events.length === 0 && (
          <div className="pointer-events-none absolute inset-0 grid place-items-center text-sm text-slate-500">No model events were recorded</div>
        )}
        {visible.map((e, i) => (
          <div
            key={`${e.tMs}:${i}`}
            data-testid="event-marker"
            className="group absolute inset-y-0 z-10 -ml-2 w-4 cursor-help"
            style={{ left: `${viewPct(view, e.tMs)}%` }}
          >
            <span aria-hidden className="absolute inset-y-1 left-1/2 w-0.5 -translate-x-1/2" style={{ background: eventColor(e.interaction) }} />
            <span aria-hidden className="absolute top-1/2 left-1/2 size-2.5 -translate-1/2 rotate-45" style={{ background: eventColor(e.interaction) }} />
            <span
              role="tooltip"
              className="pointer-events-none absolute bottom-full left-1/2 z-30 mb-1 hidden -translate-x-1/2 rounded-md border border-slate-600 bg-slate-900 px-2 py-1 text-sm whitespace-nowrap text-slate-100 shadow-lg group-hover:block"
            >
              <span className="font-semibold">{e.interaction}</span>
              <span className="text-slate-400"> · {e.detector}</span>
              {e.score !== null && <span className="text-slate-400"> · {e.score.toFixed(2)}</span>}
            </span>
          </div>
        ))}
        <TrimShade view={view} trim={trim} />
      </div>
    </LaneRow>
  );
}
