"use client";

import { useEffect, useState } from "react";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import type { InteractionEvent } from "@/lib/models/detector";
import type { SlotId } from "@/lib/models/host-protocol";
import { slotColor } from "./slot-colors";

const SHOWN = 8;

interface Row {
  key: number;
  slot: string;
  event: InteractionEvent;
}

const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 1, hour12: false } as Intl.DateTimeFormatOptions);

/** The newest events of both slots, as the bus delivers them; the detection cost is the time from the window's end to the decision. */
export function EventLog<S extends SlotId>({ detectors }: { detectors: DesktopDetectors<S> }) {
  const [rows, setRows] = useState<Row[]>([]);

  useEffect(() => {
    let key = 0;
    // Events are rare (a few a minute), so React state is fine here, unlike scores.
    return detectors.bus.onEvent((event, slot) => {
      if (slot !== undefined && (detectors.slotIds as readonly string[]).includes(slot)) setRows((r) => [{ key: key++, slot, event }, ...r].slice(0, SHOWN));
    });
  }, [detectors]);

  if (rows.length === 0) return <p className="text-sm text-slate-500">No events yet. Perform the gesture with the phone, or start the simulated phone.</p>;
  return (
    <ol data-testid="event-log" className="flex flex-col gap-1 text-sm">
      {rows.map(({ key, slot, event }) => (
        <li key={key} data-testid="event-row" data-label={event.label} data-detector={event.detectorId} className="grid grid-cols-[auto_auto_minmax(0,1fr)_auto_auto] items-center gap-3 tabular-nums">
          <span className="text-slate-400">{clock(event.tEndMs)}</span>
          <span className="grid size-6 place-items-center rounded-full text-xs font-bold text-slate-950" style={{ background: slotColor(slot, (detectors.slotIds as readonly string[]).indexOf(slot)) }}>
            {slot}
          </span>
          <span className="truncate text-slate-100">
            <span className="font-semibold">{event.label}</span> <span className="text-slate-400">· {detectors.detectorName(event.detectorId)}</span>
          </span>
          <span className="text-slate-300">{Math.round(event.confidence * 100)}%</span>
          <span className="text-slate-400" title="Age of the gesture's last sample when the decision was made: phone to screen plus the detector's own time">
            +{Math.max(0, Math.round(event.detectedAtMs - event.tEndMs))} ms
          </span>
        </li>
      ))}
    </ol>
  );
}
