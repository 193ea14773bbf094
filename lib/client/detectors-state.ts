import type { DecisionSettings, DetectorSpec } from "../models/detector";
import type { CompareSlotId, HostReply, HostRequest, SlotId, TfBackendName } from "../models/host-protocol";
import type { ModelCatalog } from "./model-catalog";

/** What {@link DesktopDetectors} (desktop-detectors.ts) shows React, and the worker port it drives. */

/** The worker as the desktop sees it; a plain object in Node tests. */
export interface HostPort {
  postMessage(msg: HostRequest, transfer?: ArrayBuffer[]): void;
  onmessage: ((ev: { data: HostReply }) => void) | null;
  /** A worker that fails to start (or crashes) reports here, not through messages. */
  onerror?: ((ev: { message?: string }) => void) | null;
  terminate(): void;
}

/** What the user picked for a slot. A model follows its newest good version unless pinned (rollback). */
export type SlotChoice =
  | { kind: "model"; id: string; pinned: number | null }
  | { kind: "heuristic"; name: string; params: Record<string, number> }
  | null;

export interface SlotState {
  choice: SlotChoice;
  running: { spec: DetectorSpec; loadMs: number; warmMs: number } | null;
  /** Detector id being loaded while `running` keeps going. */
  loading: string | null;
  /** Why the chosen model's newest files are refused by the server. */
  folderError: string | null;
  /** Why the last load in the worker failed; kept until the slot's choice changes or a load succeeds. */
  loadError: string | null;
  /** Both of the above, for display; the running detector is unaffected by either. */
  error: string | null;
  decision: DecisionSettings | null;
}

export interface AgreementSummary {
  matched: number;
  onlyA: number;
  onlyB: number;
  agreement: number;
}

export interface DetectorsState<S extends SlotId = CompareSlotId> {
  backend: TfBackendName | null;
  backendError: string | null;
  catalog: ModelCatalog;
  catalogError: string | null;
  deviceId: string | null;
  slots: Record<S, SlotState>;
  agreement: AgreementSummary | null;
  /** Events per slot since the slot last changed detector. */
  eventCounts: Record<S, number>;
  /** What the host has processed (updated at most twice a second): samples in, windows scored per slot, stream gaps. */
  hostStats: { samples: number; windows: Partial<Record<S, number>>; gaps: number } | null;
}
