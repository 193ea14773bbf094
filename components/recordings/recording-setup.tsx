"use client";

import { useState } from "react";
import { Select } from "@/components/ui/select";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { DeviceInfo } from "@/lib/protocol/events";
import { LabelKeys } from "./label-keys";
import { ProtocolEditor } from "./protocol-editor";
import { protocolParse } from "./recording-protocol-text";
import { useLabelSet } from "./use-label-set";

interface RecordingSetupProps {
  room: string;
  devices: readonly DeviceInfo[];
}

const WHOLE_ROOM = "";

/**
 * What to record and how to label it, then Record. The recording itself runs on the
 * server: once it starts, the room's state says so and the panel switches to the live view.
 */
export function RecordingSetup({ room, devices }: RecordingSetupProps) {
  const [target, setTarget] = useState(WHOLE_ROOM);
  const [name, setName] = useState("");
  const [labels, setLabels] = useLabelSet();
  const [protocol, setProtocol] = useState("");
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parsed = protocolParse(protocol);
  // A device that left the room since it was picked falls back to the whole room rather than a failing request.
  const deviceId = devices.some((d) => d.id === target) ? target : WHOLE_ROOM;

  async function start() {
    setStarting(true);
    setError(null);
    try {
      await recordingsApi.start({
        room,
        ...(deviceId === WHOLE_ROOM ? {} : { deviceId }),
        ...(name.trim() ? { name: name.trim() } : {}),
        labelSet: labels,
        ...(parsed.steps.length > 0 ? { protocol: parsed.steps } : {}),
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  }

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="flex flex-col gap-4">
        <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-3">
          <label className="flex flex-col gap-1 text-sm font-semibold text-slate-300">
            Record
            <Select data-testid="record-target" value={deviceId} onChange={(e) => setTarget(e.target.value)}>
              <option value={WHOLE_ROOM}>Whole room ({devices.length} device{devices.length === 1 ? "" : "s"})</option>
              {devices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                  {d.connected ? "" : " (offline)"}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold text-slate-300">
            Name <span className="sr-only">(optional)</span>
            <input
              data-testid="record-name"
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              placeholder="Optional, e.g. P07 session 2"
              className="h-11 rounded-lg border border-slate-600 bg-slate-800 px-3 text-base font-normal text-slate-100 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-sky-300"
            />
          </label>
        </div>
        <LabelKeys labels={labels} onChange={setLabels} />
      </div>
      <div className="flex flex-col gap-4">
        <ProtocolEditor text={protocol} onChange={setProtocol} labelSet={labels} />
        <div className="mt-auto flex flex-col gap-2">
          <button
            type="button"
            data-testid="record-start"
            onClick={() => void start()}
            disabled={starting || parsed.error !== null}
            className="inline-flex h-14 items-center justify-center gap-3 rounded-lg bg-red-500 px-6 text-lg font-semibold text-white transition-colors hover:bg-red-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-300 disabled:cursor-not-allowed disabled:opacity-50"
          >
            <span aria-hidden className="size-4 rounded-full bg-white" />
            {starting ? "Starting…" : "Record"}
          </button>
          {error && (
            <p role="alert" data-testid="record-error" className="text-sm text-amber-200">
              {error}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
