"use client";

import { Fragment, useRef } from "react";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { RecordingDetail } from "@/lib/protocol/recordings";
import { EDGE_IMPULSE_LABELS_TITLE } from "../recording-export";

export const LINK_BUTTON =
  "inline-flex h-11 cursor-pointer items-center justify-center gap-2 rounded-lg border border-slate-600 bg-slate-800/70 px-4 font-medium whitespace-nowrap text-slate-100 hover:border-slate-400 hover:bg-slate-700/70 focus-visible:outline-2 focus-visible:outline-sky-300";

/**
 * Download links for the export formats. CSV and JSON Lines hold every device; an
 * Edge Impulse data file holds one, and its labels file goes with it, so with several
 * devices they sit in a short menu, a pair per device.
 */
export function ExportMenu({ detail }: { detail: RecordingDetail }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const edge = (deviceId: string) => recordingsApi.exportUrl(detail.id, "edge-impulse", deviceId);
  const edgeLabels = (deviceId: string) => recordingsApi.exportUrl(detail.id, "edge-impulse-labels", deviceId);
  const close = () => menu.current?.removeAttribute("open");
  const only = detail.devices.length === 1 ? detail.devices[0]! : null;
  const item = "rounded-md px-3 py-2.5 text-slate-100 hover:bg-slate-800";
  return (
    <div className="flex items-center gap-2">
      <span className="text-sm text-slate-400">Export</span>
      <a href={recordingsApi.exportUrl(detail.id, "csv")} download className={LINK_BUTTON} data-testid="export-csv" title="One row per sample, every device (docs/data-formats.md)">
        CSV
      </a>
      <a href={recordingsApi.exportUrl(detail.id, "jsonl")} download className={LINK_BUTTON} data-testid="export-jsonl" title="Everything, lossless: samples, labels, events, trim">
        JSON Lines
      </a>
      {only && (
        <>
          <a href={edge(only.id)} download className={LINK_BUTTON} data-testid="export-edge-impulse" title="Edge Impulse data-acquisition JSON">
            Edge Impulse
          </a>
          <a href={edgeLabels(only.id)} download className={LINK_BUTTON} data-testid="export-edge-impulse-labels" data-device={only.id} title={EDGE_IMPULSE_LABELS_TITLE}>
            Edge Impulse labels
          </a>
        </>
      )}
      {detail.devices.length > 1 && (
        <details ref={menu} className="relative">
          <summary className={`${LINK_BUTTON} list-none`} data-testid="export-edge-impulse" title="Edge Impulse data-acquisition JSON and its labels file, one device per file">
            Edge Impulse <span aria-hidden>▾</span>
          </summary>
          <div className="absolute right-0 z-40 mt-1 flex min-w-56 flex-col rounded-lg border border-slate-600 bg-slate-900 p-1 shadow-xl">
            {detail.devices.map((d) => (
              <Fragment key={d.id}>
                <a href={edge(d.id)} download onClick={close} className={item}>
                  {d.name}
                </a>
                <a href={edgeLabels(d.id)} download onClick={close} className={item} data-testid="export-edge-impulse-labels" data-device={d.id} title={EDGE_IMPULSE_LABELS_TITLE}>
                  {d.name}: labels
                </a>
              </Fragment>
            ))}
          </div>
        </details>
      )}
    </div>
  );
}
