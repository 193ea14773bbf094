"use client";

import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { SceneOptionSpec, SceneOptionValue } from "@/lib/scenes/scene-types";

/** One scene option: a slider with its unit, a switch, or a list. */
export function SceneOptionField({ spec, value, onChange }: { spec: SceneOptionSpec; value: SceneOptionValue; onChange: (v: SceneOptionValue) => void }) {
  switch (spec.kind) {
    case "number":
      return (
        <label className="flex flex-col gap-1 text-sm" title={spec.description}>
          <span className="flex justify-between gap-2 text-slate-300">
            {spec.label}
            <span className="tabular-nums text-slate-100">
              {String(value)} {spec.unit}
            </span>
          </span>
          <input
            type="range"
            data-option={spec.key}
            min={spec.min}
            max={spec.max}
            step={spec.step}
            value={Number(value)}
            onChange={(e) => onChange(Number(e.target.value))}
            className="accent-sky-400"
          />
        </label>
      );
    case "boolean":
      return <Switch data-option={spec.key} checked={value === true} onChange={onChange} label={spec.label} title={spec.description} className="-ml-3 self-start" />;
    case "choice":
      return (
        <label className="flex items-center justify-between gap-3 text-sm text-slate-300" title={spec.description}>
          {spec.label}
          <Select compact data-option={spec.key} value={String(value)} onChange={(e) => onChange(e.target.value)}>
            {spec.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </label>
      );
  }
}
