import { eventAgreement } from "../models/agreement";
import type { DecisionSettings, InteractionEvent } from "../models/detector";
import { InteractionBus } from "../models/event-bus";
import { SLOT_ID_PATTERN, SLOTS, type DetectorSource, type HostReply, type HostRequest, type SlotId, type CompareSlotId, type TfBackendName } from "../models/host-protocol";
import { RingBuffer } from "../stream/ring-buffer";
import type { StreamStore } from "../stream/stream-store";
import { catalogErrors, catalogTarget, type CatalogFetch } from "./model-catalog";
import { SampleRowBatcher } from "./sample-row-batcher";

import type { DetectorsState, HostPort, SlotChoice, SlotState } from "./detectors-state";

export type { AgreementSummary, DetectorsState, HostPort, SlotChoice, SlotState } from "./detectors-state";

export interface DesktopDetectorsOptions<S extends SlotId = CompareSlotId> {
  store: StreamStore;
  /** Starts the host (a Web Worker in the browser); called by {@link DesktopDetectors.open}. */
  portOpen: () => HostPort;
  fetchCatalog: CatalogFetch;
  /** Server clock minus the page's clock, or null before the first estimate. */
  serverOffsetMs: () => number | null;
  backendOrder: readonly TfBackendName[];
  wasmPath?: string;
  /** The slots this desktop runs; default {@link SLOTS} (A and B, to compare). A scene passes its roles. */
  slots?: readonly S[];
}

/** Score history per slot for the live trace: 2 min at a hop of 100 ms. */
const SCORE_ROWS = 1200;
const EVENTS_KEPT = 500;
const emptySlot = (): SlotState => ({ choice: null, running: null, loading: null, folderError: null, loadError: null, error: null, decision: null });

/**
 * The desktop's side of the live model runtime: feeds the chosen device's samples
 * to the detector host (a Web Worker), keeps each slot on the version the user
 * chose, and turns the host's replies into state for React, score rings for charts
 * and events on the one {@link InteractionBus}.
 */
export class DesktopDetectors<S extends SlotId = CompareSlotId> {
  readonly bus = new InteractionBus();
  readonly slotIds: readonly S[];
  /** Columns: tEndMs, score. Read by the chart's frame loop. */
  readonly scores: Record<S, RingBuffer>;
  private readonly scoreListeners = new Set<(slot: S, points: readonly { tEndMs: number; score: number }[]) => void>();
  readonly events: Record<S, InteractionEvent[]>;
  private state: DetectorsState<S>;
  private readonly listeners = new Set<() => void>();
  private readonly batcher: SampleRowBatcher;
  private port: HostPort | null = null;
  private unsubscribe: (() => void) | null = null;
  private nextRequest = 1;
  /** The detector id each slot last asked for, so a catalog refresh does not reload it. */
  private readonly wanted: Record<S, string | null>;
  private readonly names = new Map<string, string>();
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  /** Constructing has no side effects (React may do it during render); {@link open} starts the host. */
  constructor(private readonly opts: DesktopDetectorsOptions<S>) {
    // Without `slots`, S is the default CompareSlotId, so SLOTS has the right type.
    const ids = opts.slots ?? (SLOTS as readonly string[] as readonly S[]);
    if (ids.length === 0 || new Set(ids).size !== ids.length || !ids.every((id) => SLOT_ID_PATTERN.test(id))) {
      throw new Error(`slot ids must be distinct and match ${SLOT_ID_PATTERN}, got ${JSON.stringify(ids)}`);
    }
    this.slotIds = ids;
    const perSlot = <T>(make: () => T): Record<S, T> => Object.fromEntries(ids.map((id) => [id, make()])) as Record<S, T>;
    this.scores = perSlot(() => new RingBuffer(SCORE_ROWS, 2));
    this.events = perSlot(() => []);
    this.wanted = perSlot(() => null);
    this.state = {
      backend: null,
      backendError: null,
      catalog: { revision: -1, models: [] },
      catalogError: null,
      deviceId: null,
      slots: perSlot(emptySlot),
      agreement: null,
      eventCounts: perSlot(() => 0),
      hostStats: null,
    };
    this.batcher = new SampleRowBatcher((deviceId, rows) =>
      this.post({ type: "samples", deviceId, rows, serverOffsetMs: opts.serverOffsetMs() ?? 0 }, [rows.buffer as ArrayBuffer]),
    );
  }

  /**
   * Starts the host and feeds it; calling it again while open does nothing. After a
   * close (StrictMode remounts) the new host gets the device and every slot's choice again.
   */
  open(): void {
    if (this.port) return;
    const port = this.opts.portOpen();
    this.port = port;
    port.onmessage = (ev) => this.onReply(ev.data);
    port.onerror = (ev) => this.update({ backendError: `the model worker stopped${ev.message ? `: ${ev.message}` : ""}; reload the page` });
    port.postMessage({ type: "init", backendOrder: this.opts.backendOrder, ...(this.opts.wasmPath ? { wasmPath: this.opts.wasmPath } : {}) });
    port.postMessage({ type: "device", deviceId: this.state.deviceId });
    this.unsubscribe = this.opts.store.onSample((id, sample, serverMs) => {
      if (id === this.state.deviceId) this.batcher.add(id, serverMs, sample);
    });
    for (const slot of this.slotIds) {
      this.wanted[slot] = null;
      this.reconcile(slot);
    }
  }

  readonly getState = (): DetectorsState<S> => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (!this.port) return;
    this.port.onmessage = null;
    this.port.onerror = null;
    this.port.terminate();
    this.port = null;
    const slots = { ...this.state.slots };
    for (const slot of this.slotIds) slots[slot] = { ...slots[slot], running: null, loading: null };
    this.update({ backend: null, slots });
    this.agreementUpdate();
  }

  /** The display name of a detector that ran here, for event lists; its id otherwise. */
  /** Every batch of scores as it arrives (a study session stores them); returns the removal. */
  onScores(listener: (slot: S, points: readonly { tEndMs: number; score: number }[]) => void): () => void {
    this.scoreListeners.add(listener);
    return () => this.scoreListeners.delete(listener);
  }

  detectorName(detectorId: string): string {
    return this.names.get(detectorId) ?? detectorId;
  }

  setDevice(deviceId: string | null): void {
    if (deviceId === this.state.deviceId) return;
    this.batcher.flush();
    this.post({ type: "device", deviceId });
    this.update({ deviceId });
  }

  choose(slot: S, choice: SlotChoice): void {
    this.slotCheck(slot);
    this.patchSlot(slot, { choice, folderError: null, loadError: null });
    this.wanted[slot] = null;
    if (choice === null) {
      this.post({ type: "slot:clear", slot });
      return;
    }
    this.reconcile(slot);
  }

  setDecision(slot: S, decision: DecisionSettings): void {
    this.slotCheck(slot);
    this.patchSlot(slot, { decision });
    this.post({ type: "slot:decision", slot, decision });
  }

  /** Re-reads `GET /api/models` (on `models:changed`); overlapping calls coalesce into one more read. */
  refreshCatalog(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          const catalog = await this.opts.fetchCatalog();
          this.update({ catalog, catalogError: null });
          for (const slot of this.slotIds) this.reconcile(slot);
        } catch (e) {
          this.update({ catalogError: (e as Error).message });
        }
      } while (this.refreshAgain);
      this.refreshing = null;
    })();
    return this.refreshing;
  }

  private isSlot(slot: SlotId): slot is S {
    return (this.slotIds as readonly SlotId[]).includes(slot);
  }

  private slotCheck(slot: S): void {
    if (!this.slotIds.includes(slot)) throw new Error(`no slot ${slot}: this runtime has ${this.slotIds.join(", ")}`);
  }

  /** Asks the host for the detector the slot's choice resolves to now, unless it already runs or loads it. */
  private reconcile(slot: S): void {
    const choice = this.state.slots[slot].choice;
    if (!choice) return;
    let source: DetectorSource;
    if (choice.kind === "heuristic") source = { kind: "heuristic", name: choice.name, params: choice.params };
    else {
      const target = catalogTarget(this.state.catalog, choice.id, choice.pinned);
      const errors = catalogErrors(this.state.catalog, choice.id);
      const folderError = errors.length ? `The newest files of ${choice.id} were refused:\n${errors.join("\n")}` : null;
      if (folderError !== this.state.slots[slot].folderError) this.patchSlot(slot, { folderError });
      if (!target) return;
      source = { kind: "model", id: choice.id, version: target.version, baseUrl: target.baseUrl, manifest: target.manifest };
    }
    const id = source.kind === "model" ? `model:${source.id}@${source.version}` : `heuristic:${source.name}:${JSON.stringify(source.params)}`;
    if (this.wanted[slot] === id || !this.port) return;
    this.wanted[slot] = id;
    this.post({ type: "slot:set", slot, requestId: this.nextRequest++, source });
  }

  private post(msg: HostRequest, transfer?: ArrayBuffer[]): void {
    this.port?.postMessage(msg, transfer);
  }

  private onReply(r: HostReply): void {
    // A reply about a slot this runtime does not have can only come from a confused host: ignore it.
    const slotOf = "slot" in r ? r.slot : null;
    if (slotOf !== null && !this.isSlot(slotOf)) return;
    // Checked just above for every reply that names a slot.
    const slot = slotOf as S;
    switch (r.type) {
      case "ready":
        return this.update({ backend: r.backend, backendError: null });
      case "init:error":
        return this.update({ backendError: r.message });
      case "slot:loading":
        return this.patchSlot(slot, { loading: r.detectorId });
      case "slot:active":
        this.names.set(r.spec.id, r.spec.kind === "model" ? `${r.spec.name} v${r.spec.id.split("@").pop()}` : r.spec.name);
        this.events[slot] = [];
        this.scores[slot].clear();
        this.patchSlot(slot, { running: { spec: r.spec, loadMs: r.loadMs, warmMs: r.warmMs }, loading: null, loadError: null, decision: r.spec.decision });
        this.update({ eventCounts: { ...this.state.eventCounts, [slot]: 0 } });
        return this.agreementUpdate();
      case "slot:error":
        // The failed version is not retried on the next catalog read; choosing again retries.
        return this.patchSlot(slot, { loading: null, loadError: `${r.detectorId} could not be loaded: ${r.message}` });
      case "slot:cleared":
        this.events[slot] = [];
        this.scores[slot].clear();
        this.patchSlot(slot, { running: null, loading: null, decision: null });
        this.update({ eventCounts: { ...this.state.eventCounts, [slot]: 0 } });
        return this.agreementUpdate();
      case "scores":
        for (const p of r.points) this.scores[slot].push([p.tEndMs, p.score]);
        for (const l of this.scoreListeners) l(slot, r.points);
        return;
      case "event": {
        const list = this.events[slot];
        list.push(r.event);
        if (list.length > EVENTS_KEPT) list.splice(0, list.length - EVENTS_KEPT);
        this.bus.publishEvent(r.event, slot);
        this.update({ eventCounts: { ...this.state.eventCounts, [slot]: this.state.eventCounts[slot] + 1 } });
        return this.agreementUpdate();
      }
      case "stats":
        return this.update({ hostStats: { samples: r.samples, windows: r.windows as Partial<Record<S, number>>, gaps: r.gaps } });
    }
  }

  private agreementUpdate(): void {
    // Agreement compares two detectors of one interaction: only for a runtime of exactly two slots.
    const [s1, s2] = this.slotIds;
    const both = s1 !== undefined && s2 !== undefined && this.slotIds.length === 2 && this.state.slots[s1].running && this.state.slots[s2].running;
    const a = both ? eventAgreement(this.events[s1], this.events[s2]) : null;
    this.update({ agreement: a && { matched: a.matched, onlyA: a.onlyA, onlyB: a.onlyB, agreement: a.agreement } });
  }

  private patchSlot(slot: S, patch: Partial<Omit<SlotState, "error">>): void {
    const next = { ...this.state.slots[slot], ...patch };
    next.error = [next.folderError, next.loadError].filter(Boolean).join("\n") || null;
    this.update({ slots: { ...this.state.slots, [slot]: next } });
  }

  private update(patch: Partial<DetectorsState<S>>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
