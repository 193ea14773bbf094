"use client";

import { useCallback, useEffect, useState } from "react";
import { catalogFetchFrom, catalogTarget, type ModelCatalog } from "@/lib/client/model-catalog";
import type { DecisionSettings } from "@/lib/models/detector";

/**
 * A lookup of a model's own decision settings (its manifest's), from the server's
 * model catalog, read once. Until it arrives, or when it cannot be read, the lookup
 * knows no model: a threshold edited then starts from the fallback decision, which
 * is a usable value, so a failed read is not worth a message of its own.
 */
export function useModelDecisions(): (id: string, pinned: number | null) => DecisionSettings | null {
  const [catalog, setCatalog] = useState<ModelCatalog | null>(null);

  useEffect(() => {
    let live = true;
    catalogFetchFrom(window.location.origin)().then(
      (c) => {
        if (live) setCatalog(c);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  return useCallback((id, pinned) => (catalog ? (catalogTarget(catalog, id, pinned)?.manifest.decision ?? null) : null), [catalog]);
}
