import type { ModelInfo, ModelsListing, ModelVersionInfo } from "../protocol/events";

/**
 * The desktop's view of `GET /api/models`: every checkpoint the server found in
 * `public/models/` and the user models folder, each with the versions it keeps.
 */
export type ModelCatalog = ModelsListing;

export type CatalogFetch = () => Promise<ModelCatalog>;

export function catalogFetchFrom(baseUrl: string): CatalogFetch {
  return async () => {
    const res = await fetch(new URL("/api/models", baseUrl));
    if (!res.ok) throw new Error(`GET /api/models failed: HTTP ${res.status}`);
    return (await res.json()) as ModelCatalog;
  };
}

/**
 * The model a slot refers to by id. An id taken by both folders is listed twice
 * (the user copy as an error); the entry with versions is the one that runs.
 */
export function catalogModel(catalog: ModelCatalog, id: string): ModelInfo | undefined {
  const all = catalog.models.filter((m) => m.id === id);
  return all.find((m) => m.versions.length > 0) ?? all[0];
}

/** Errors of every entry with this id, so a refused user copy of a built-in model is still explained. */
export function catalogErrors(catalog: ModelCatalog, id: string): string[] {
  return catalog.models.filter((m) => m.id === id && m.status === "error").flatMap((m) => m.errors);
}

/**
 * The version a slot should run: the pinned one, else the newest good one. A pinned
 * version that is not listed gives null rather than quietly running another.
 */
export function catalogTarget(catalog: ModelCatalog, id: string, pinned: number | null): ModelVersionInfo | null {
  const model = catalogModel(catalog, id);
  if (!model) return null;
  const want = pinned ?? model.latest;
  return model.versions.find((v) => v.version === want) ?? null;
}
