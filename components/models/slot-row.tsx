"use client";

import { useCallback, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { DesktopDetectors, SlotState } from "@/lib/client/desktop-detectors";
import { catalogModel, type ModelCatalog } from "@/lib/client/model-catalog";
import { HEURISTICS } from "@/lib/models/heuristics";
import type { SlotId } from "@/lib/models/host-protocol";
import { HeuristicParams } from "./heuristic-params";
import { hasReport, ModelReport } from "./model-report";
import { choiceToValue, modelOptionLabel, valueToChoice } from "./slot-choice-options";
import { slotColor } from "./slot-colors";

const timeOfDay = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** One detector slot: what runs in it, which version, its threshold, and what went wrong. */
export interface SlotRowProps<S extends SlotId> {
  slot: S;
  state: SlotState;
  catalog: ModelCatalog;
  detectors: DesktopDetectors<S>;
  /** Shown in the slot's dot instead of its id (a scene's role, e.g. "Next"). */
  label?: string;
}

export function SlotRow<S extends SlotId>({ slot, state, catalog, detectors, label }: SlotRowProps<S>) {
  const choice = state.choice;
  const model = choice?.kind === "model" ? catalogModel(catalog, choice.id) : undefined;
  const running = state.running;
  const status = slotStatus(state);
  const [reportOpen, setReportOpen] = useState(false);
  const runningVersion = model && running ? model.versions.find((v) => running.spec.id === `model:${model.id}@${v.version}`) : undefined;
  const decision = state.decision;
  const useThreshold = useCallback(
    (thresholdProb: number) => decision && detectors.setDecision(slot, { ...decision, thresholdProb }),
    [detectors, slot, decision],
  );

  return (
    <div data-testid={`slot-${slot}`} data-running={running?.spec.id ?? ""} data-loading={state.loading ?? ""} className="flex flex-col gap-2 rounded-xl border border-slate-800 bg-slate-950/40 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span
          className={`grid h-8 min-w-8 shrink-0 place-items-center rounded-full text-sm font-bold text-slate-950 ${label ? "px-3" : ""}`}
          style={{ background: slotColor(slot, detectors.slotIds.indexOf(slot)) }}
        >
          {label ?? slot}
        </span>
        <Select
          compact
          aria-label={`Detector ${slot}`}
          className="min-w-[12rem] flex-1"
          value={choiceToValue(choice)}
          onChange={(e) => detectors.choose(slot, valueToChoice(e.target.value))}
        >
          <option value="">{slot === "A" ? "Choose a detector…" : "None (compare with A)"}</option>
          <optgroup label="Heuristics (rule-based baselines)">
            {HEURISTICS.map((h) => (
              <option key={h.name} value={`h:${h.name}`}>
                {h.title}
              </option>
            ))}
          </optgroup>
          <optgroup label={catalog.models.length ? "Models" : "Models (none yet: drop a model folder here)"}>
            {catalog.models.filter((m) => m.versions.length > 0).map((m) => (
              <option key={m.id} value={`m:${m.id}`} disabled={m.latest === null}>
                {modelOptionLabel(catalog, m.id)}
              </option>
            ))}
          </optgroup>
        </Select>
        {model && (
          <Select
            compact
            aria-label={`Version ${slot}`}
            value={choice?.kind === "model" && choice.pinned !== null ? String(choice.pinned) : ""}
            onChange={(e) => detectors.choose(slot, { kind: "model", id: model.id, pinned: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Newest{model.latest !== null ? ` (v${model.latest})` : ""}</option>
            {[...model.versions].reverse().map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version} · {timeOfDay(v.addedAtMs)}
              </option>
            ))}
          </Select>
        )}
        <Badge tone={status.tone} dot={status.tone === "info" ? "pulse" : true} data-testid={`slot-${slot}-status`}>
          {status.text}
        </Badge>
        {hasReport(runningVersion) && (
          <Button size="sm" data-testid={`slot-${slot}-report`} onClick={() => setReportOpen(true)}>
            Report
          </Button>
        )}
      </div>
      {reportOpen && runningVersion && (
        <ModelReport version={runningVersion} thresholdProb={decision?.thresholdProb ?? null} onThreshold={useThreshold} onClose={() => setReportOpen(false)} />
      )}
      {state.decision && running && (
        <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-slate-300">
          <RangeField
            label="Threshold"
            aria-label={`Threshold ${slot}`}
            min={0.05}
            max={1}
            step={0.01}
            value={state.decision.thresholdProb}
            text={state.decision.thresholdProb.toFixed(2)}
            onChange={(v) => detectors.setDecision(slot, { ...state.decision!, thresholdProb: v })}
          />
          <RangeField
            label="Smoothing"
            aria-label={`Smoothing ${slot}`}
            min={1}
            max={10}
            step={1}
            value={state.decision.smoothingWindows}
            text={`${state.decision.smoothingWindows} window${state.decision.smoothingWindows === 1 ? "" : "s"}`}
            onChange={(v) => detectors.setDecision(slot, { ...state.decision!, smoothingWindows: v })}
          />
          <span className="text-slate-400">
            {running.spec.input.rateHz} Hz · {running.spec.input.windowSamples} × {running.spec.input.channels.length} · loaded in{" "}
            {Math.round(running.loadMs + running.warmMs)} ms
          </span>
        </div>
      )}
      {choice?.kind === "heuristic" && <HeuristicParams name={choice.name} params={choice.params} onChange={(params) => detectors.choose(slot, { ...choice, params })} />}
      {state.error && (
        <pre role="alert" data-testid={`slot-${slot}-error`} className="whitespace-pre-wrap rounded-lg border border-red-400/50 bg-red-500/10 px-3 py-2 font-sans text-sm text-red-100">
          {state.error}
          {running ? `\nStill running ${running.spec.id}.` : ""}
        </pre>
      )}
    </div>
  );
}

interface RangeFieldProps {
  label: string;
  "aria-label": string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** The value as read next to the slider, with its unit. */
  text: string;
  onChange: (value: number) => void;
}

function RangeField({ label, min, max, step, value, text, onChange, ...rest }: RangeFieldProps) {
  return (
    <label className="flex items-center gap-2">
      {label}
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-label={rest["aria-label"]}
        onChange={(e) => onChange(Number(e.target.value))}
        className="w-32 accent-sky-400"
      />
      <span className="min-w-10 whitespace-nowrap tabular-nums">{text}</span>
    </label>
  );
}

function slotStatus(s: SlotState): { tone: "good" | "info" | "warn" | "bad" | "idle"; text: string } {
  if (s.loading) return { tone: "info", text: `Loading ${s.loading.replace(/^(model|heuristic):/, "")}…` };
  if (s.running) return { tone: s.error ? "warn" : "good", text: `Running ${s.running.spec.id.replace(/^(model|heuristic):/, "")}` };
  if (s.error) return { tone: "bad", text: "Not running" };
  return { tone: "idle", text: "Off" };
}
