import { describe, expect, it, vi } from "vitest";
import { DesktopDetectors, type HostPort } from "@/lib/client/desktop-detectors";
import type { ModelCatalog } from "@/lib/client/model-catalog";
import type { DetectorSpec, InteractionEvent } from "@/lib/models/detector";
import { HOST_ROW_WIDTH, type HostReply, type HostRequest, type SlotId } from "@/lib/models/host-protocol";
import type { ModelInfo, StreamBatch } from "@/lib/protocol/events";
import type { SampleTuple } from "@/lib/protocol/sample";
import { StreamStore } from "@/lib/stream/stream-store";
import { catalogEntry, catalogVersion, MANIFEST } from "@/tests/support/model-catalog-fixtures";

// --- catalog ---------------------------------------------------------------

let revision = 0;
const listing = (...models: ModelInfo[]): ModelCatalog => ({ revision: ++revision, models });

// --- a host port the test drives -----------------------------------------------

interface FakePort extends HostPort {
  sent: Array<{ msg: HostRequest; transfer: ArrayBuffer[] | undefined }>;
  terminated: boolean;
}

function fakePort(): FakePort {
  const port: FakePort = {
    sent: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(msg, transfer) {
      port.sent.push({ msg, transfer });
    },
    terminate() {
      port.terminated = true;
    },
  };
  return port;
}

const T0 = 1_750_000_000_000;

function sample(tMs: number, accelGX = 0.5): SampleTuple {
  return [tMs, accelGX, 0, 9.81, null, null, null, 0.1, 0.2, 0.3, null, null, null];
}

function batch(deviceId: string, seq: number, n: number, clockOffsetMs = 40): StreamBatch {
  return {
    deviceId,
    session: "s1",
    seq,
    samples: Array.from({ length: n }, (_, i) => sample(T0 + (seq + i) * 20, seq + i)),
    clockOffsetMs,
    receivedAtMs: 0,
  };
}

function modelSpec(id: string, n: number): DetectorSpec {
  const m = MANIFEST.input;
  return {
    id: `model:${id}@${n}`,
    name: `${id} model`,
    kind: "model",
    interaction: "raise-to-speak",
    input: { rateHz: m.rateHz, windowSamples: m.windowSamples, hopSamples: m.hopSamples, channels: m.channels },
    labels: MANIFEST.output.labels,
    decision: { ...MANIFEST.decision, thresholdProb: 0.5 + n / 100 },
  };
}

function heuristicSpec(name: string): DetectorSpec {
  return { ...modelSpec("x", 1), id: `heuristic:${name}`, name: `The ${name} rule`, kind: "heuristic", interaction: "double-tap" };
}

function event(tStartMs: number, detectorId: string): InteractionEvent {
  return { interaction: "raise-to-speak", label: "raise", confidence: 0.9, tStartMs, tEndMs: tStartMs + 400, detectedAtMs: tStartMs + 450, detectorId, deviceId: "phone-1" };
}

function harness(initial: ModelCatalog = listing(), opts: { serverOffsetMs?: () => number | null } = {}) {
  const store = new StreamStore(1000);
  const ports: FakePort[] = [];
  let catalog = initial;
  const fetchCatalog = vi.fn(async () => catalog);
  const detectors = new DesktopDetectors({
    store,
    portOpen: () => {
      const p = fakePort();
      ports.push(p);
      return p;
    },
    fetchCatalog,
    serverOffsetMs: opts.serverOffsetMs ?? (() => 120),
    backendOrder: ["webgl", "wasm", "cpu"],
    wasmPath: "/tfjs-wasm/",
  });
  const port = () => ports.at(-1)!;
  const requests = <T extends HostRequest["type"]>(type: T) =>
    port().sent.map((s) => s.msg).filter((m): m is Extract<HostRequest, { type: T }> => m.type === type);
  const reply = (r: HostReply) => port().onmessage!({ data: r });
  /** Answers the last slot:set of `slot` the way the host does when it loads. */
  const activate = (slot: SlotId, spec: DetectorSpec) => {
    const set = requests("slot:set").filter((r) => r.slot === slot).at(-1)!;
    reply({ type: "slot:loading", slot, requestId: set.requestId, detectorId: spec.id });
    reply({ type: "slot:active", slot, requestId: set.requestId, spec, replaced: null, loadMs: 30, warmMs: 5 });
  };
  const setCatalog = async (next: ModelCatalog) => {
    catalog = next;
    await detectors.refreshCatalog();
  };
  return { store, ports, port, detectors, fetchCatalog, requests, reply, activate, setCatalog, state: () => detectors.getState() };
}

describe("DesktopDetectors lifecycle", () => {
  it("starts nothing when constructed, and one host on open with the backend order and the device", () => {
    const h = harness();
    expect(h.ports).toHaveLength(0);
    h.detectors.open();
    h.detectors.open();
    expect(h.ports).toHaveLength(1);
    expect(h.port().sent.map((s) => s.msg)).toEqual([
      { type: "init", backendOrder: ["webgl", "wasm", "cpu"], wasmPath: "/tfjs-wasm/" },
      { type: "device", deviceId: null },
    ]);
  });

  it("reports the backend, or why there is none", () => {
    const h = harness();
    h.detectors.open();
    h.reply({ type: "init:error", message: "no TF.js backend could start (webgl: no context)" });
    expect(h.state()).toMatchObject({ backend: null, backendError: "no TF.js backend could start (webgl: no context)" });
    h.reply({ type: "ready", backend: "wasm" });
    expect(h.state()).toMatchObject({ backend: "wasm", backendError: null });
    h.port().onerror!({ message: "out of memory" });
    expect(h.state().backendError).toMatch(/worker stopped: out of memory/);
  });

  it("gives a reopened host the device and each slot's choice again, and stops feeding the closed one", async () => {
    const h = harness(listing(catalogEntry("tilt", [1, 2])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.setDevice("phone-1");
    h.detectors.choose("A", { kind: "heuristic", name: "double-tap", params: { tapPeakMps2: 2 } });
    h.detectors.choose("B", { kind: "model", id: "tilt", pinned: null });
    h.activate("A", heuristicSpec("double-tap"));
    const first = h.port();

    h.detectors.close();
    expect(first.terminated).toBe(true);
    expect(first.onmessage).toBeNull();
    expect(h.state().slots.A).toMatchObject({ running: null, loading: null });
    expect(h.state().backend).toBeNull();
    const sentBefore = first.sent.length;
    h.store.addBatch(batch("phone-1", 0, 3), null);
    await Promise.resolve();
    expect(first.sent).toHaveLength(sentBefore);

    h.detectors.open();
    expect(h.ports).toHaveLength(2);
    expect(h.port().sent.map((s) => s.msg)).toEqual([
      { type: "init", backendOrder: ["webgl", "wasm", "cpu"], wasmPath: "/tfjs-wasm/" },
      { type: "device", deviceId: "phone-1" },
      { type: "slot:set", slot: "A", requestId: expect.any(Number), source: { kind: "heuristic", name: "double-tap", params: { tapPeakMps2: 2 } } },
      { type: "slot:set", slot: "B", requestId: expect.any(Number), source: expect.objectContaining({ kind: "model", id: "tilt", version: 2 }) },
    ]);
  });

  it("tells subscribers about state changes until they unsubscribe", () => {
    const h = harness();
    const listener = vi.fn();
    const off = h.detectors.subscribe(listener);
    h.detectors.setDevice("phone-1");
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    h.detectors.setDevice("phone-2");
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("DesktopDetectors choosing models", () => {
  it("asks for a chosen model's newest version once the catalog lists it", async () => {
    const h = harness(listing(catalogEntry("tilt", [1, 2, 3])));
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    expect(h.requests("slot:set")).toHaveLength(0);
    await h.detectors.refreshCatalog();
    const sets = h.requests("slot:set");
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ slot: "A", source: { kind: "model", id: "tilt", version: 3, baseUrl: "/api/models/tilt/versions/3/", manifest: catalogVersion("tilt", 3).manifest } });
  });

  it("hot-swaps to a newer version the catalog lists, and asks only once per version", async () => {
    const h = harness(listing(catalogEntry("tilt", [1])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    h.activate("A", modelSpec("tilt", 1));
    await h.setCatalog(listing(catalogEntry("tilt", [1]), catalogEntry("other", [1])));
    expect(h.requests("slot:set").map((r) => r.source)).toMatchObject([{ version: 1 }]);
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2])));
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2])));
    const sets = h.requests("slot:set");
    expect(sets.map((r) => r.source)).toMatchObject([{ version: 1 }, { version: 2 }]);
    expect(sets[1]!.requestId).toBeGreaterThan(sets[0]!.requestId);
    // The running version stays until the host says the new one is active.
    expect(h.state().slots.A.running?.spec.id).toBe("model:tilt@1");
    h.activate("A", modelSpec("tilt", 2));
    expect(h.state().slots.A).toMatchObject({ running: { spec: { id: "model:tilt@2" }, loadMs: 30, warmMs: 5 }, loading: null, decision: modelSpec("tilt", 2).decision });
  });

  it("keeps a pinned version (a rollback) whatever newer versions appear, until unpinned", async () => {
    const h = harness(listing(catalogEntry("tilt", [1, 2])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: 1 });
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2, 3])));
    expect(h.requests("slot:set").map((r) => r.source)).toMatchObject([{ version: 2 }, { version: 1 }]);
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    expect(h.requests("slot:set").map((r) => r.source)).toMatchObject([{ version: 2 }, { version: 1 }, { version: 3 }]);
  });

  it("shows why a chosen model's folder is refused while its last good version keeps running", async () => {
    const h = harness(listing(catalogEntry("tilt", [1])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    h.activate("A", modelSpec("tilt", 1));
    const refused = ["model.json is not valid JSON: Unexpected end of JSON input"];
    await h.setCatalog(listing(catalogEntry("tilt", [1], { status: "error", errors: refused })));
    expect(h.state().slots.A.error).toContain(refused[0]);
    expect(h.state().slots.A.running?.spec.id).toBe("model:tilt@1");
    expect(h.requests("slot:set")).toHaveLength(1);
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2])));
    expect(h.state().slots.A.error).toBeNull();
    expect(h.requests("slot:set").at(-1)!.source).toMatchObject({ version: 2 });
  });

  it("runs the built-in versions of an id whose user copy is refused, and says why the copy was", async () => {
    const refused = ["manifest.json: id \"wave\" is already used by a built-in model"];
    const h = harness(listing(catalogEntry("wave", [], { status: "error", errors: refused }), catalogEntry("wave", [1, 2], { source: "builtin" })));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("B", { kind: "model", id: "wave", pinned: null });
    expect(h.requests("slot:set").map((r) => [r.slot, r.source])).toMatchObject([["B", { id: "wave", version: 2 }]]);
    expect(h.state().slots.B.error).toContain(refused[0]);
  });

  it("shows a failed load with the detector's id, keeps the running one and does not retry it on the next read", async () => {
    const h = harness(listing(catalogEntry("tilt", [1])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    h.activate("A", modelSpec("tilt", 1));
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2])));
    const set = h.requests("slot:set").at(-1)!;
    h.reply({ type: "slot:loading", slot: "A", requestId: set.requestId, detectorId: "model:tilt@2" });
    expect(h.state().slots.A.loading).toBe("model:tilt@2");
    h.reply({ type: "slot:error", slot: "A", requestId: set.requestId, detectorId: "model:tilt@2", message: "group1-shard1of1.bin could not be fetched: HTTP 404" });
    expect(h.state().slots.A).toMatchObject({
      loading: null,
      error: "model:tilt@2 could not be loaded: group1-shard1of1.bin could not be fetched: HTTP 404",
      running: { spec: { id: "model:tilt@1" } },
    });
    await h.detectors.refreshCatalog();
    expect(h.requests("slot:set")).toHaveLength(2);
    // Choosing again is how the user retries.
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    expect(h.state().slots.A.error).toBeNull();
    expect(h.requests("slot:set")).toHaveLength(3);
    expect(h.requests("slot:set").at(-1)!.source).toMatchObject({ version: 2 });
  });

  it("keeps a failed load on show through unrelated catalog reads, until a later load succeeds", async () => {
    const h = harness(listing(catalogEntry("tilt", [1])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    h.activate("A", modelSpec("tilt", 1));
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2])));
    const set = h.requests("slot:set").at(-1)!;
    h.reply({ type: "slot:error", slot: "A", requestId: set.requestId, detectorId: "model:tilt@2", message: "model.json could not be fetched: HTTP 500" });
    const failed = "model:tilt@2 could not be loaded: model.json could not be fetched: HTTP 500";
    expect(h.state().slots.A).toMatchObject({ folderError: null, loadError: failed, error: failed });

    // Another model appearing says nothing about tilt's failed version.
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2]), catalogEntry("wave", [1])));
    expect(h.state().slots.A).toMatchObject({ folderError: null, loadError: failed, error: failed });

    await h.setCatalog(listing(catalogEntry("tilt", [1, 2, 3]), catalogEntry("wave", [1])));
    expect(h.requests("slot:set").at(-1)!.source).toMatchObject({ version: 3 });
    h.activate("A", modelSpec("tilt", 3));
    expect(h.state().slots.A).toMatchObject({ folderError: null, loadError: null, error: null, running: { spec: { id: "model:tilt@3" } } });
  });

  it("shows a refused folder and a failed load together, and forgets both when the slot is chosen again", async () => {
    const h = harness(listing(catalogEntry("tilt", [1])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    h.activate("A", modelSpec("tilt", 1));
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2])));
    const set = h.requests("slot:set").at(-1)!;
    h.reply({ type: "slot:error", slot: "A", requestId: set.requestId, detectorId: "model:tilt@2", message: "shape mismatch" });
    const refused = "manifest.json: input.rateHz must be positive";
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2], { status: "error", errors: [refused] })));
    const slotA = h.state().slots.A;
    expect(slotA.folderError).toContain(refused);
    expect(slotA.loadError).toBe("model:tilt@2 could not be loaded: shape mismatch");
    expect(slotA.error).toContain(refused);
    expect(slotA.error).toContain("model:tilt@2 could not be loaded: shape mismatch");

    h.detectors.choose("A", { kind: "heuristic", name: "raise", params: {} });
    expect(h.state().slots.A).toMatchObject({ folderError: null, loadError: null, error: null });
  });

  it("asks for a heuristic with its params, and again when the params change", () => {
    const h = harness();
    h.detectors.open();
    h.detectors.choose("B", { kind: "heuristic", name: "flick", params: {} });
    h.detectors.choose("B", { kind: "heuristic", name: "flick", params: { peakRadPerS: 4 } });
    expect(h.requests("slot:set").map((r) => [r.slot, r.source])).toEqual([
      ["B", { kind: "heuristic", name: "flick", params: {} }],
      ["B", { kind: "heuristic", name: "flick", params: { peakRadPerS: 4 } }],
    ]);
  });

  it("clears a slot: asks the host, then drops its detector, scores and events when the host confirms", () => {
    const h = harness();
    h.detectors.open();
    h.detectors.choose("A", { kind: "heuristic", name: "double-tap", params: {} });
    h.activate("A", heuristicSpec("double-tap"));
    h.reply({ type: "scores", slot: "A", detectorId: "heuristic:double-tap", points: [{ tEndMs: T0, score: 0.3 }] });
    h.reply({ type: "event", slot: "A", event: event(T0, "heuristic:double-tap") });
    h.detectors.choose("A", null);
    expect(h.requests("slot:clear")).toEqual([{ type: "slot:clear", slot: "A" }]);
    expect(h.state().slots.A.choice).toBeNull();
    h.reply({ type: "slot:cleared", slot: "A" });
    expect(h.state().slots.A).toMatchObject({ running: null, loading: null, decision: null });
    expect(h.detectors.events.A).toEqual([]);
    expect(h.detectors.scores.A.length).toBe(0);
  });

  it("sends decision changes to the host and keeps them in the slot's state", () => {
    const h = harness();
    h.detectors.open();
    const decision = { thresholdProb: 0.7, smoothingWindows: 2, minConsecutiveWindows: 1, refractoryMs: 800 };
    h.detectors.setDecision("A", decision);
    expect(h.requests("slot:decision")).toEqual([{ type: "slot:decision", slot: "A", decision }]);
    expect(h.state().slots.A.decision).toEqual(decision);
  });

  it("names detectors that ran here by name and version, others by id", async () => {
    const h = harness(listing(catalogEntry("tilt", [1, 2, 3, 4])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    h.detectors.choose("B", { kind: "heuristic", name: "flick", params: {} });
    h.activate("A", modelSpec("tilt", 4));
    h.activate("B", heuristicSpec("flick"));
    expect(h.detectors.detectorName("model:tilt@4")).toBe("tilt model v4");
    expect(h.detectors.detectorName("heuristic:flick")).toBe("The flick rule");
    expect(h.detectors.detectorName("model:gone@1")).toBe("model:gone@1");
  });
});

describe("DesktopDetectors catalog reads", () => {
  it("coalesces overlapping refreshes into one more read that sees the newest listing", async () => {
    const h = harness();
    const answers: Array<(c: ModelCatalog) => void> = [];
    h.fetchCatalog.mockImplementation(() => new Promise<ModelCatalog>((resolve) => answers.push(resolve)));
    const p1 = h.detectors.refreshCatalog();
    const p2 = h.detectors.refreshCatalog();
    const p3 = h.detectors.refreshCatalog();
    expect(p2).toBe(p1);
    expect(p3).toBe(p1);
    expect(h.fetchCatalog).toHaveBeenCalledTimes(1);
    const older = listing(catalogEntry("tilt", [1]));
    const newer = listing(catalogEntry("tilt", [1, 2]));
    answers[0]!(older);
    await vi.waitFor(() => expect(h.fetchCatalog).toHaveBeenCalledTimes(2));
    expect(h.state().catalog).toBe(older);
    answers[1]!(newer);
    await p1;
    expect(h.fetchCatalog).toHaveBeenCalledTimes(2);
    expect(h.state().catalog).toBe(newer);
    // Once settled, a new call reads again.
    h.fetchCatalog.mockImplementation(async () => newer);
    await h.detectors.refreshCatalog();
    expect(h.fetchCatalog).toHaveBeenCalledTimes(3);
  });

  it("keeps the last catalog when a read fails, and clears the error on the next good read", async () => {
    const h = harness(listing(catalogEntry("tilt", [1])));
    await h.detectors.refreshCatalog();
    const good = h.state().catalog;
    h.fetchCatalog.mockRejectedValueOnce(new Error("GET /api/models failed: HTTP 500"));
    await h.detectors.refreshCatalog();
    expect(h.state()).toMatchObject({ catalog: good, catalogError: "GET /api/models failed: HTTP 500" });
    await h.detectors.refreshCatalog();
    expect(h.state().catalogError).toBeNull();
  });
});

describe("DesktopDetectors replies", () => {
  it("shows what the host has processed", () => {
    const h = harness();
    h.detectors.open();
    expect(h.detectors.getState().hostStats).toBeNull();
    h.reply({ type: "stats", samples: 1200, windows: { A: 40, B: 0 }, gaps: 1 });
    expect(h.detectors.getState().hostStats).toEqual({ samples: 1200, windows: { A: 40, B: 0 }, gaps: 1 });
  });

  it("keeps each slot's scores for the chart", () => {
    const h = harness();
    h.detectors.open();
    h.detectors.choose("B", { kind: "heuristic", name: "flick", params: {} });
    h.activate("B", heuristicSpec("flick"));
    h.reply({ type: "scores", slot: "B", detectorId: "heuristic:flick", points: [{ tEndMs: T0, score: 0.25 }, { tEndMs: T0 + 100, score: 0.75 }] });
    const ring = h.detectors.scores.B;
    expect(ring.length).toBe(2);
    expect([ring.at(0, 0), ring.at(0, 1), ring.at(1, 0), ring.at(1, 1)]).toEqual([T0, 0.25, T0 + 100, 0.75]);
    expect(h.detectors.scores.A.length).toBe(0);
  });

  it("publishes events on the bus, counts them per slot, and compares the slots when both run", async () => {
    const h = harness(listing(catalogEntry("tilt", [1])));
    await h.detectors.refreshCatalog();
    h.detectors.open();
    h.detectors.choose("A", { kind: "model", id: "tilt", pinned: null });
    const onBus = vi.fn();
    h.detectors.bus.onEvent(onBus);
    h.activate("A", modelSpec("tilt", 1));
    const e1 = event(T0, "model:tilt@1");
    h.reply({ type: "event", slot: "A", event: e1 });
    expect(onBus).toHaveBeenCalledWith(e1, "A");
    expect(h.state().eventCounts).toEqual({ A: 1, B: 0 });
    expect(h.state().agreement).toBeNull();

    h.detectors.choose("B", { kind: "heuristic", name: "raise", params: {} });
    h.activate("B", heuristicSpec("raise"));
    // The same motion seen by both, one only by A, one only by B.
    h.reply({ type: "event", slot: "B", event: event(T0 + 100, "heuristic:raise") });
    h.reply({ type: "event", slot: "A", event: event(T0 + 5000, "model:tilt@1") });
    h.reply({ type: "event", slot: "B", event: event(T0 + 10_000, "heuristic:raise") });
    expect(h.state().eventCounts).toEqual({ A: 2, B: 2 });
    expect(h.state().agreement).toEqual({ matched: 1, onlyA: 1, onlyB: 1, agreement: 1 / 3 });
    expect(h.detectors.bus.recentEvents()).toHaveLength(4);
    expect(onBus.mock.calls.map(([e, slot]) => [e.detectorId, slot])).toEqual([
      ["model:tilt@1", "A"],
      ["heuristic:raise", "B"],
      ["model:tilt@1", "A"],
      ["heuristic:raise", "B"],
    ]);
    expect(h.detectors.events.A.map((e) => e.tStartMs)).toEqual([T0, T0 + 5000]);

    // A new detector in A starts its count and its event list afresh.
    await h.setCatalog(listing(catalogEntry("tilt", [1, 2])));
    h.activate("A", modelSpec("tilt", 2));
    expect(h.state().eventCounts).toEqual({ A: 0, B: 2 });
    expect(h.detectors.events.A).toEqual([]);
    expect(h.state().agreement).toEqual({ matched: 0, onlyA: 0, onlyB: 2, agreement: 0 });
  });

  it("keeps the last 500 events of a slot", () => {
    const h = harness();
    h.detectors.open();
    h.detectors.choose("A", { kind: "heuristic", name: "raise", params: {} });
    h.activate("A", heuristicSpec("raise"));
    for (let i = 0; i < 520; i++) h.reply({ type: "event", slot: "A", event: event(T0 + i * 1000, "heuristic:raise") });
    expect(h.detectors.events.A).toHaveLength(500);
    expect(h.detectors.events.A[0]!.tStartMs).toBe(T0 + 20_000);
    expect(h.state().eventCounts.A).toBe(520);
  });

  it("stops comparing the slots and zeroes a slot's count once the host clears it, and when the host closes", () => {
    const h = harness();
    /** Both slots running, each having seen the same motion once. */
    const bothRunning = () => {
      h.detectors.open();
      h.detectors.choose("A", { kind: "heuristic", name: "raise", params: {} });
      h.detectors.choose("B", { kind: "heuristic", name: "flick", params: {} });
      h.activate("A", heuristicSpec("raise"));
      h.activate("B", heuristicSpec("flick"));
      h.reply({ type: "event", slot: "A", event: event(T0, "heuristic:raise") });
      h.reply({ type: "event", slot: "B", event: event(T0 + 50, "heuristic:flick") });
      expect(h.state().agreement).toEqual({ matched: 1, onlyA: 0, onlyB: 0, agreement: 1 });
    };
    bothRunning();
    h.reply({ type: "event", slot: "B", event: event(T0 + 10_000, "heuristic:flick") });
    expect(h.state().eventCounts).toEqual({ A: 1, B: 2 });

    h.detectors.choose("B", null);
    h.reply({ type: "slot:cleared", slot: "B" });
    expect(h.state().agreement).toBeNull();
    expect(h.state().eventCounts).toEqual({ A: 1, B: 0 });

    h.detectors.close();
    bothRunning();
    h.detectors.close();
    expect(h.state().agreement).toBeNull();
  });
});

describe("DesktopDetectors samples", () => {
  it("posts the selected device's samples, one transferred array per batch, with the server offset", async () => {
    const h = harness();
    h.detectors.open();
    h.detectors.setDevice("phone-1");
    const b = batch("phone-1", 0, 4, 40);
    h.store.addBatch(b, null);
    h.store.addBatch(batch("phone-2", 0, 3), null);
    expect(h.requests("samples")).toHaveLength(0);
    await Promise.resolve();
    const sent = h.port().sent.filter((s) => s.msg.type === "samples");
    expect(sent).toHaveLength(1);
    const { msg, transfer } = sent[0]!;
    if (msg.type !== "samples") throw new Error("unreachable");
    expect(msg.deviceId).toBe("phone-1");
    expect(msg.serverOffsetMs).toBe(120);
    expect(msg.rows).toBeInstanceOf(Float64Array);
    expect(msg.rows).toHaveLength(4 * HOST_ROW_WIDTH);
    expect(transfer).toEqual([msg.rows.buffer]);
    b.samples.forEach((s, i) => {
      const row = Array.from(msg.rows.subarray(i * HOST_ROW_WIDTH, (i + 1) * HOST_ROW_WIDTH));
      expect(row).toEqual([s[0] + 40, ...s.map((v) => v ?? NaN)]);
    });
  });

  it("sends an offset of 0 before the clock is estimated", async () => {
    const h = harness(listing(), { serverOffsetMs: () => null });
    h.detectors.open();
    h.detectors.setDevice("phone-1");
    h.store.addBatch(batch("phone-1", 0, 2), null);
    await Promise.resolve();
    expect(h.requests("samples").map((m) => m.serverOffsetMs)).toEqual([0]);
  });

  it("flushes the old device's samples before telling the host about the new one", async () => {
    const h = harness();
    h.detectors.open();
    h.detectors.setDevice("phone-1");
    h.store.addBatch(batch("phone-1", 0, 2), null);
    h.detectors.setDevice("phone-2");
    h.detectors.setDevice("phone-2");
    h.store.addBatch(batch("phone-1", 2, 2), null);
    h.store.addBatch(batch("phone-2", 0, 3), null);
    await Promise.resolve();
    const tail = h.port().sent.slice(2).map(({ msg }) => (msg.type === "samples" ? [msg.type, msg.deviceId, msg.rows.length / HOST_ROW_WIDTH] : [msg.type, "deviceId" in msg ? msg.deviceId : null]));
    expect(tail).toEqual([
      ["device", "phone-1"],
      ["samples", "phone-1", 2],
      ["device", "phone-2"],
      ["samples", "phone-2", 3],
    ]);
    expect(h.state().deviceId).toBe("phone-2");
  });
});
