import type { SlotChoice } from "@/lib/client/desktop-detectors";
import { catalogModel, type ModelCatalog } from "@/lib/client/model-catalog";
import { heuristicDefinition } from "@/lib/models/heuristics";

/** `<select>` values: "" for none, `h:<name>` for a heuristic, `m:<id>` for a model. */
export function choiceToValue(c: SlotChoice): string {
  if (!c) return "";
  return c.kind === "heuristic" ? `h:${c.name}` : `m:${c.id}`;
}

export function valueToChoice(value: string): SlotChoice {
  if (value.startsWith("h:")) {
    const name = value.slice(2);
    const params = Object.fromEntries(Object.entries(heuristicDefinition(name).params).map(([k, p]) => [k, p.value]));
    return { kind: "heuristic", name, params };
  }
  if (value.startsWith("m:")) return { kind: "model", id: value.slice(2), pinned: null };
  return null;
}

export function modelOptionLabel(catalog: ModelCatalog, id: string): string {
  const m = catalogModel(catalog, id);
  if (!m) return id;
  const newest = m.versions.find((v) => v.version === m.latest);
  const name = newest ? `${newest.manifest.name} (${newest.manifest.interaction})` : id;
  if (m.status === "error") return `${name} — newest files refused`;
  if (m.status === "removed") return `${name} — folder removed`;
  return name;
}
