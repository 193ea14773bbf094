import type { DecisionSettings, DetectorSpec, InteractionEvent } from "./detector";
import type { ModelManifest } from "./manifest";
import { SAMPLE_WIDTH } from "../protocol/sample";

/**
 * Messages between the desktop page and its detector host (a Web Worker in the
 * browser, a plain object in Node tests). Plain data only: everything crosses
 * `postMessage` by structured clone, sample rows as a transferred Float64Array.
 */

/**
 * A host runs any number of named slots, each one detector on the same stream. The
 * live panel compares two (A/B); a scene has one slot per role (e.g. "next", "select").
 */
export type SlotId = string;
/** The live panel's two slots, to compare two detectors on the same motion. */
export const SLOTS = ["A", "B"] as const;
export type CompareSlotId = (typeof SLOTS)[number];
/** Slot ids travel in messages and URLs: short, lower/upper case, digits and dashes. */
export const SLOT_ID_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,31}$/;

import type { TfBackendName } from "./tf-backend";

export type { TfBackendName };

export type DetectorSource =
  | {
      kind: "model";
      id: string;
      version: number;
      /** Where the version's files are served, ending in "/": `model.json` and its shards resolve against it. */
      baseUrl: string;
      manifest: ModelManifest;
    }
  | { kind: "heuristic"; name: string; params: Record<string, number> };

/** `model:<id>@<version>` or `heuristic:<name>`, the same ids detectors report in their spec. */
export function detectorSourceId(s: DetectorSource): string {
  return s.kind === "model" ? `model:${s.id}@${s.version}` : `heuristic:${s.name}`;
}

/**
 * Sample rows: `[serverMs, ...SampleTuple]` per sample with NaN for missing fields,
 * {@link HOST_ROW_WIDTH} numbers each.
 */
export const HOST_ROW_WIDTH = SAMPLE_WIDTH + 1;

export type HostRequest =
  | { type: "init"; backendOrder: readonly TfBackendName[]; wasmPath?: string }
  | { type: "slot:set"; slot: SlotId; requestId: number; source: DetectorSource }
  | { type: "slot:clear"; slot: SlotId }
  | { type: "slot:decision"; slot: SlotId; decision: DecisionSettings }
  /** Which device feeds the detectors; samples of other devices are ignored. */
  | { type: "device"; deviceId: string | null }
  /** `serverOffsetMs`: the page's server clock minus its own clock, for `detectedAtMs`. */
  | { type: "samples"; deviceId: string; rows: Float64Array; serverOffsetMs: number };

export interface ScorePoint {
  tEndMs: number;
  /** Highest smoothed probability among event labels: the one trace a chart draws per detector. */
  score: number;
}

export type HostReply =
  | { type: "ready"; backend: TfBackendName }
  | { type: "init:error"; message: string }
  | { type: "slot:loading"; slot: SlotId; requestId: number; detectorId: string }
  /** The slot now runs this detector; `replaced` is the one it swapped out, if any. */
  | {
      type: "slot:active";
      slot: SlotId;
      requestId: number;
      spec: DetectorSpec;
      replaced: string | null;
      loadMs: number;
      warmMs: number;
    }
  /** Loading failed; whatever ran in the slot before keeps running. */
  | { type: "slot:error"; slot: SlotId; requestId: number; detectorId: string; message: string }
  | { type: "slot:cleared"; slot: SlotId }
  | { type: "scores"; slot: SlotId; detectorId: string; points: ScorePoint[] }
  | { type: "event"; slot: SlotId; event: InteractionEvent }
  | { type: "stats"; samples: number; windows: Record<SlotId, number>; gaps: number };
