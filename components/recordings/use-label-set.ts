"use client";

import { useCallback, useState } from "react";
import { localStorageOrNull } from "@/components/desktop/local-storage";
import { LABEL_SET_MAX, labelNameSchema } from "@/lib/protocol/recordings";

/** Per browser, so a researcher running a study does not retype the labels for every session. */
const STORAGE_KEY = "wristlab.recording.labels";
const DEFAULT_LABELS = ["raise-to-speak", "double-tap", "flick"];

function labelsRead(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorageOrNull()?.getItem(STORAGE_KEY) ?? "null");
    if (!Array.isArray(raw)) return DEFAULT_LABELS;
    // A stored set from an older version or edited by hand keeps only what still passes.
    const labels = raw.flatMap((l) => {
      const parsed = labelNameSchema.safeParse(l);
      return parsed.success ? [parsed.data] : [];
    });
    return [...new Set(labels)].slice(0, LABEL_SET_MAX);
  } catch {
    return DEFAULT_LABELS;
  }
}

/**
 * The label set keys 1-9 map to. Read once on mount: the room view only renders in
 * the browser (its room is found in an effect), so storage is there.
 */
export function useLabelSet(): [string[], (labels: string[]) => void] {
  const [labels, setLabels] = useState(labelsRead);
  const change = useCallback((next: string[]) => {
    setLabels(next);
    try {
      localStorageOrNull()?.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the set still holds for this page.
    }
  }, []);
  return [labels, change];
}
