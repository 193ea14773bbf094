"use client";

import type { ModelCatalog } from "@/lib/client/model-catalog";

/**
 * Model folders whose current files the server refuses, with every reason (those
 * not running in a slot, which shows its own). A
 * refused version never runs; a model that had a good version keeps it.
 */
export function RefusedModels({ catalog, inSlots }: { catalog: ModelCatalog; inSlots: readonly string[] }) {
  // A model chosen in a slot has its errors shown there already.
  const refused = catalog.models.filter((m) => m.status === "error" && !inSlots.includes(m.id));
  if (refused.length === 0) return null;
  return (
    <div data-testid="refused-models" role="alert" className="rounded-lg border border-amber-400/50 bg-amber-400/10 px-3 py-2 text-sm text-amber-100">
      {refused.map((m) => (
        <div key={`${m.source}:${m.id}`} data-model-id={m.id}>
          <p className="font-semibold">
            {m.source === "user" ? "User" : "Built-in"} model folder “{m.id}” was refused
            {m.latest !== null ? `; v${m.latest} stays in use` : ""}:
          </p>
          <ul className="list-disc pl-5">
            {m.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
