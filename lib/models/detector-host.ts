import type { Detector, InteractionEvent, ScoreFrame } from "./detector";
import { DetectorRunner } from "./detector-runner";
import { heuristicCreate } from "./heuristics";
import {
  detectorSourceId,
  HOST_ROW_WIDTH,
  type DetectorSource,
  type HostReply,
  type HostRequest,
  type ScorePoint,
  type SlotId,
  type TfBackendName,
} from "./host-protocol";
import type { ModelFiles } from "./model-files";
import { tfBackendInit } from "./tf-backend";
import { tfDetectorLoad } from "./tf-detector";
import { MODEL_JSON_FILE, modelJsonParse } from "./weights-check";

export interface DetectorHostDeps {
  post: (reply: HostReply) => void;
  /** Bytes of a URL (the worker's `fetch`; a file read in Node). Rejects with a message naming the URL. */
  fetchBytes: (url: string) => Promise<ArrayBuffer>;
  /** The host's own clock, epoch ms. */
  nowMs: () => number;
  /** Injected so Node tests can pin a backend; the worker passes {@link tfBackendInit}. */
  backendInit?: (order: readonly TfBackendName[], wasmPath?: string) => Promise<TfBackendName>;
}

interface Slot {
  runner: DetectorRunner | null;
  /** The `slot:set` being loaded; a load that finishes after another request (or a clear) is discarded. */
  pending: number | null;
  points: ScorePoint[];
}

const decoder = new TextDecoder();
const STATS_EVERY_MS = 500;

/**
 * The live model runtime behind the desktop: detectors in named slots (A and B to
 * compare, or a scene's roles) on one device's stream. Loading a new detector never interrupts the running one:
 * it is fetched, built and warmed up first, then swapped in between two windows
 * (the runner keeps its resampler and window), so a hot-swap loses no samples and
 * no more than one hop of scores. A detector that fails to load leaves the slot
 * as it was and reports why.
 */
export class DetectorHost {
  private readonly slots = new Map<SlotId, Slot>();
  private deviceId: string | null = null;
  private serverOffsetMs = 0;
  private ready: Promise<TfBackendName> | null = null;
  private samples = 0;
  private readonly sample = new Float64Array(HOST_ROW_WIDTH - 1);
  private statsPostedAtMs = -Infinity;

  constructor(private readonly deps: DetectorHostDeps) {}

  async handle(req: HostRequest): Promise<void> {
    switch (req.type) {
      case "init":
        return this.init(req.backendOrder, req.wasmPath);
      case "slot:set":
        return this.slotSet(req.slot, req.requestId, req.source);
      case "slot:clear":
        return this.slotClear(req.slot);
      case "slot:decision":
        this.slots.get(req.slot)?.runner?.setDecision(req.decision);
        return;
      case "device":
        return this.deviceSet(req.deviceId);
      case "samples":
        return this.samplesPush(req.deviceId, req.rows, req.serverOffsetMs);
    }
  }

  /** Frees every model; the host is unusable afterwards. */
  dispose(): void {
    for (const slot of [...this.slots.keys()]) this.slotClear(slot);
  }

  private async init(order: readonly TfBackendName[], wasmPath?: string) {
    const init = this.deps.backendInit ?? ((o: readonly TfBackendName[], p?: string) => tfBackendInit(o, { wasmPath: p }));
    this.ready = init(order, wasmPath);
    try {
      this.deps.post({ type: "ready", backend: await this.ready });
    } catch (e) {
      this.deps.post({ type: "init:error", message: (e as Error).message });
    }
  }

  private slot(slotId: SlotId): Slot {
    let slot = this.slots.get(slotId);
    if (!slot) {
      slot = { runner: null, pending: null, points: [] };
      this.slots.set(slotId, slot);
    }
    return slot;
  }

  private async slotSet(slotId: SlotId, requestId: number, source: DetectorSource) {
    const slot = this.slot(slotId);
    slot.pending = requestId;
    const detectorId = detectorSourceId(source);
    this.deps.post({ type: "slot:loading", slot: slotId, requestId, detectorId });
    const t0 = this.deps.nowMs();
    let detector: Detector;
    let fetchedAt = t0;
    try {
      if (source.kind === "heuristic") detector = heuristicCreate(source.name, source.params);
      else {
        if (this.ready) await this.ready;
        const files = await this.modelFilesFetch(source);
        fetchedAt = this.deps.nowMs();
        detector = await tfDetectorLoad(files, { version: source.version });
      }
    } catch (e) {
      if (slot.pending !== requestId) return;
      slot.pending = null;
      this.deps.post({ type: "slot:error", slot: slotId, requestId, detectorId, message: (e as Error).message });
      return;
    }
    if (slot.pending !== requestId) {
      detector.dispose();
      return;
    }
    slot.pending = null;
    const replaced = slot.runner ? slot.runner.swap(detector) : null;
    if (!slot.runner) slot.runner = this.runnerCreate(slotId, detector);
    replaced?.dispose();
    const doneAt = this.deps.nowMs();
    this.deps.post({
      type: "slot:active",
      slot: slotId,
      requestId,
      spec: detector.spec,
      replaced: replaced?.spec.id ?? null,
      loadMs: fetchedAt - t0,
      warmMs: doneAt - fetchedAt,
    });
  }

  private slotClear(slotId: SlotId) {
    const slot = this.slots.get(slotId);
    if (slot) {
      slot.pending = null;
      slot.runner?.detector.dispose();
      this.slots.delete(slotId);
    }
    this.deps.post({ type: "slot:cleared", slot: slotId });
  }

  private deviceSet(deviceId: string | null) {
    if (deviceId === this.deviceId) return;
    this.deviceId = deviceId;
    // A runner's resampler and window belong to one stream; another phone starts afresh.
    for (const [id, slot] of this.slots) {
      if (!slot.runner) continue;
      const { detector, decision } = slot.runner;
      detector.reset();
      slot.runner = this.runnerCreate(id, detector);
      slot.runner.setDecision(decision);
    }
  }

  private samplesPush(deviceId: string, rows: Float64Array, serverOffsetMs: number) {
    if (deviceId !== this.deviceId) return;
    this.serverOffsetMs = serverOffsetMs;
    const runners = [...this.slots.values()].map((s) => s.runner);
    const sample = this.sample;
    for (let i = 0; i + HOST_ROW_WIDTH <= rows.length; i += HOST_ROW_WIDTH) {
      for (let c = 1; c < HOST_ROW_WIDTH; c++) sample[c - 1] = rows[i + c]!;
      for (const r of runners) r?.push(rows[i]!, sample);
      this.samples++;
    }
    for (const [id, slot] of this.slots) {
      if (slot.points.length === 0 || !slot.runner) continue;
      this.deps.post({ type: "scores", slot: id, detectorId: slot.runner.detector.spec.id, points: slot.points });
      slot.points = [];
    }
    const now = this.deps.nowMs();
    if (now - this.statsPostedAtMs >= STATS_EVERY_MS) {
      this.statsPostedAtMs = now;
      const gaps = runners.reduce((n, r) => Math.max(n, r?.stats.gaps ?? 0), 0);
      this.deps.post({
        type: "stats",
        samples: this.samples,
        windows: Object.fromEntries([...this.slots].map(([id, s]) => [id, s.runner?.stats.windows ?? 0])),
        gaps,
      });
    }
  }

  private runnerCreate(slotId: SlotId, detector: Detector): DetectorRunner {
    const slot = this.slot(slotId);
    return new DetectorRunner(detector, {
      deviceId: this.deviceId ?? "",
      nowMs: () => this.deps.nowMs() + this.serverOffsetMs,
      onEvent: (event: InteractionEvent) => this.deps.post({ type: "event", slot: slotId, event }),
      onScores: (f: ScoreFrame) => slot.points.push({ tEndMs: f.tEndMs, score: eventScore(f, slot.runner?.detector ?? detector) }),
    });
  }

  private async modelFilesFetch(source: Extract<DetectorSource, { kind: "model" }>): Promise<ModelFiles> {
    const jsonBytes = await this.deps.fetchBytes(source.baseUrl + MODEL_JSON_FILE);
    let json: unknown;
    try {
      json = JSON.parse(decoder.decode(jsonBytes));
    } catch (e) {
      throw new Error(`${MODEL_JSON_FILE} is not valid JSON: ${(e as Error).message}`);
    }
    const parsed = modelJsonParse(json, MODEL_JSON_FILE);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const paths = parsed.modelJson.weightsManifest.flatMap((g) => g.paths);
    const shards = await Promise.all(paths.map((p) => this.deps.fetchBytes(source.baseUrl + p)));
    return { manifest: source.manifest, modelJson: parsed.modelJson, weights: new Map(paths.map((p, i) => [p, shards[i]!])) };
  }
}

/** The strongest event label's smoothed probability: what the decision compares with the threshold. */
function eventScore(f: ScoreFrame, detector: Detector): number {
  let best = 0;
  detector.spec.labels.forEach((l, i) => {
    if (l.role === "event") best = Math.max(best, f.smoothed[i] ?? 0);
  });
  return best;
}
