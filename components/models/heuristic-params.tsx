"use client";

import { heuristicDefinition } from "@/lib/models/heuristics";

/** The named thresholds of a rule-based detector, each on a slider with its unit. */
export function HeuristicParams({ name, params, onChange }: { name: string; params: Record<string, number>; onChange: (p: Record<string, number>) => void }) {
  const def = heuristicDefinition(name);
  return (
    <details className="text-sm text-slate-300">
      <summary className="cursor-pointer select-none text-slate-400 hover:text-slate-200">Rule and thresholds</summary>
      <p className="mt-2 max-w-3xl leading-snug text-slate-400">{def.description}</p>
      <div className="mt-2 grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-x-6 gap-y-2">
        {Object.entries(def.params).map(([key, p]) => (
          <label key={key} className="flex flex-col gap-1" title={p.description}>
            <span className="flex justify-between gap-2">
              <span className="font-mono text-xs text-slate-300">{key}</span>
              <span className="tabular-nums text-slate-200">
                {params[key] ?? p.value} {p.unit}
              </span>
            </span>
            <input
              type="range"
              min={p.min}
              max={p.max}
              step={p.step}
              value={params[key] ?? p.value}
              onChange={(e) => onChange({ ...params, [key]: Number(e.target.value) })}
              className="accent-sky-400"
            />
          </label>
        ))}
      </div>
    </details>
  );
}
