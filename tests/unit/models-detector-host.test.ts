import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { DetectorHost } from "@/lib/models/detector-host";
import { HOST_ROW_WIDTH, type DetectorSource, type HostReply, type HostRequest, type SlotId } from "@/lib/models/host-protocol";
import type { ModelFiles } from "@/lib/models/model-files";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { MODEL_JSON_FILE } from "@/lib/models/weights-check";
import { tinyModelFiles } from "@/tests/support/tiny-models";

/**
 * The host behind the desktop's worker, driven message by message in this process:
 * model files come from an in-memory server, the clock is the test's, and the
 * backend is TF.js's cpu one (the tiny models are one dense layer).
 */

const T0 = 1_750_000_000_000;
/** The tiny models' hop: 10 samples at 50 Hz. */
const HOP_MS = 200;
const SAMPLE_MS = 20;
/** Server clock minus the phone clock, as the stream store applies it. */
const PHONE_TO_SERVER_MS = 40;

/** Versions of model "tiny" that say "event" with these constant probabilities. */
const PROBS: Record<number, number> = { 1: 0.2, 2: 0.95, 3: 0.9 };
const files: Record<number, ModelFiles> = {};

beforeAll(async () => {
  await tfBackendInit(["cpu"]);
  for (const [v, prob] of Object.entries(PROBS)) files[Number(v)] = await tinyModelFiles({ id: "tiny", behaviour: { kind: "constant", prob } });
});

const baseUrlOf = (version: number) => `/api/models/tiny/versions/${version}/`;

function modelSource(version: number): Extract<DetectorSource, { kind: "model" }> {
  return { kind: "model", id: "tiny", version, baseUrl: baseUrlOf(version), manifest: files[version]!.manifest };
}

/** Every version's files at its base URL, as `GET /api/models/<id>/versions/<n>/<file>` serves them. */
function served(): Map<string, ArrayBuffer> {
  const out = new Map<string, ArrayBuffer>();
  for (const [v, f] of Object.entries(files)) {
    const base = baseUrlOf(Number(v));
    out.set(base + MODEL_JSON_FILE, new TextEncoder().encode(JSON.stringify(f.modelJson)).buffer as ArrayBuffer);
    for (const [path, bytes] of f.weights) out.set(base + path, bytes);
  }
  return out;
}

function harness(opts: { backendInit?: () => Promise<"cpu"> } = {}) {
  const replies: HostReply[] = [];
  const server = served();
  let clockMs = T0 + 60_000;
  /** URLs whose fetch waits until the test releases it. */
  const gates = new Map<string, Promise<void>>();
  const fetched: string[] = [];
  const host = new DetectorHost({
    post: (r) => replies.push(r),
    fetchBytes: async (url) => {
      fetched.push(url);
      await gates.get(url);
      const bytes = server.get(url);
      if (!bytes) throw new Error(`${url.split("/").pop()} could not be fetched: HTTP 404`);
      return bytes.slice(0);
    },
    nowMs: () => clockMs,
    backendInit: opts.backendInit ?? ((order) => tfBackendInit(order)),
  });
  const hold = (url: string) => {
    let release!: () => void;
    gates.set(url, new Promise<void>((r) => (release = r)));
    return () => {
      gates.delete(url);
      release();
    };
  };
  const of = <T extends HostReply["type"]>(type: T) => replies.filter((r): r is Extract<HostReply, { type: T }> => r.type === type);
  const send = (req: HostRequest) => host.handle(req);

  /** Per device, the phone time of its next sample. */
  const cursors = new Map<string, number>();
  /** `seconds` of 50 Hz samples from `deviceId` in one message, continuing where the last left off. */
  const stream = async (deviceId: string, seconds: number, serverOffsetMs = 0) => {
    const n = Math.round((seconds * 1000) / SAMPLE_MS);
    const rows = new Float64Array(n * HOST_ROW_WIDTH);
    let tMs = cursors.get(deviceId) ?? T0;
    for (let i = 0; i < n; i++, tMs += SAMPLE_MS) {
      rows.set([tMs + PHONE_TO_SERVER_MS, tMs, 0.3, 0.1, 9.81, 0, 0, 0, 0.01, 0.02, 0.03, 10, 20, 30], i * HOST_ROW_WIDTH);
    }
    cursors.set(deviceId, tMs);
    clockMs += seconds * 1000;
    await send({ type: "samples", deviceId, rows, serverOffsetMs });
  };
  const points = (slot: SlotId) => of("scores").filter((r) => r.slot === slot).flatMap((r) => r.points.map((p) => ({ ...p, detectorId: r.detectorId })));
  return {
    host,
    replies,
    server,
    fetched,
    hold,
    of,
    send,
    stream,
    points,
    now: () => clockMs,
    /** Replies since `mark`, by type. */
    since: (mark: number) => replies.slice(mark).map((r) => r.type),
  };
}

const spacing = (ts: readonly number[]) => ts.slice(1).map((t, i) => t - ts[i]!);

describe("DetectorHost backend", () => {
  it("reports the backend it started", async () => {
    const h = harness();
    await h.send({ type: "init", backendOrder: ["cpu"] });
    expect(h.replies).toEqual([{ type: "ready", backend: "cpu" }]);
  });

  it("reports why no backend started, refuses models with that reason, and still runs heuristics", async () => {
    const h = harness({ backendInit: () => Promise.reject(new Error("no TF.js backend could start (webgl: no context)")) });
    await h.send({ type: "init", backendOrder: ["webgl"] });
    expect(h.replies).toEqual([{ type: "init:error", message: "no TF.js backend could start (webgl: no context)" }]);
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(1) });
    expect(h.of("slot:error")).toEqual([{ type: "slot:error", slot: "A", requestId: 1, detectorId: "model:tiny@1", message: "no TF.js backend could start (webgl: no context)" }]);
    expect(h.fetched).toEqual([]);
    await h.send({ type: "slot:set", slot: "A", requestId: 2, source: { kind: "heuristic", name: "flick", params: {} } });
    expect(h.of("slot:active").map((r) => r.spec.id)).toEqual(["heuristic:flick"]);
  });
});

describe("DetectorHost slots", () => {
  it("runs a heuristic with its params, and refuses bad params or names while it keeps running", async () => {
    const h = harness();
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "B", requestId: 1, source: { kind: "heuristic", name: "double-tap", params: { tapPeakMps2: 2 } } });
    expect(h.replies).toEqual([
      { type: "slot:loading", slot: "B", requestId: 1, detectorId: "heuristic:double-tap" },
      expect.objectContaining({ type: "slot:active", slot: "B", requestId: 1, replaced: null, spec: expect.objectContaining({ id: "heuristic:double-tap", kind: "heuristic" }) }),
    ]);
    await h.send({ type: "slot:set", slot: "B", requestId: 2, source: { kind: "heuristic", name: "double-tap", params: { tapPeakMps2: 999 } } });
    await h.send({ type: "slot:set", slot: "B", requestId: 3, source: { kind: "heuristic", name: "wink", params: {} } });
    expect(h.of("slot:error").map((r) => [r.requestId, r.detectorId])).toEqual([
      [2, "heuristic:double-tap"],
      [3, "heuristic:wink"],
    ]);
    expect(h.of("slot:error")[0]!.message).toMatch(/tapPeakMps2.*999/);
    expect(h.of("slot:error")[1]!.message).toMatch(/unknown heuristic "wink"/);
    await h.stream("phone-1", 2);
    const pts = h.points("B");
    expect(pts.length).toBeGreaterThan(0);
    expect(new Set(pts.map((p) => p.detectorId))).toEqual(new Set(["heuristic:double-tap"]));
    expect(h.points("A")).toEqual([]);
  });

  it("loads a model from its files, scores every hop and fires events on the server clock", async () => {
    const h = harness();
    await h.send({ type: "init", backendOrder: ["cpu"] });
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    expect(h.fetched).toEqual([baseUrlOf(3) + MODEL_JSON_FILE, ...[...files[3]!.weights.keys()].map((p) => baseUrlOf(3) + p)]);
    const active = h.of("slot:active");
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ slot: "A", requestId: 1, replaced: null, spec: { id: "model:tiny@3", kind: "model", interaction: "custom:tiny" } });
    expect(active[0]!.loadMs).toBeGreaterThanOrEqual(0);
    expect(active[0]!.warmMs).toBeGreaterThanOrEqual(0);

    await h.stream("phone-1", 3, 250);
    const pts = h.points("A");
    expect(pts.length).toBeGreaterThanOrEqual(10);
    for (const p of pts) {
      expect(p.detectorId).toBe("model:tiny@3");
      expect(p.score).toBeCloseTo(PROBS[3]!, 5);
    }
    expect(new Set(spacing(pts.map((p) => p.tEndMs)))).toEqual(new Set([HOP_MS]));
    const events = h.of("event");
    expect(events.length).toBeGreaterThan(0);
    for (const { slot, event } of events) {
      expect(slot).toBe("A");
      expect(event).toMatchObject({ detectorId: "model:tiny@3", deviceId: "phone-1", interaction: "custom:tiny", label: "event" });
      expect(event.detectedAtMs).toBe(h.now() + 250);
      expect(event.confidence).toBeCloseTo(PROBS[3]!, 5);
    }
    h.host.dispose();
  });

  it("ignores samples of any device but the chosen one", async () => {
    const h = harness();
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    const mark = h.replies.length;
    await h.stream("phone-2", 2);
    expect(h.since(mark)).toEqual([]);
    await h.stream("phone-1", 2);
    expect(h.since(mark)).toContain("scores");
    h.host.dispose();
  });

  it("hot-swaps a new version in between two windows and frees the old one", async () => {
    const h = harness();
    const tensorsBefore = tf.memory().numTensors;
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(1) });
    await h.stream("phone-1", 1.5);
    const tensorsWithV1 = tf.memory().numTensors;
    await h.send({ type: "slot:set", slot: "A", requestId: 2, source: modelSource(2) });
    expect(h.of("slot:active").at(-1)).toMatchObject({ requestId: 2, replaced: "model:tiny@1", spec: { id: "model:tiny@2" } });
    expect(tf.memory().numTensors).toBe(tensorsWithV1);
    await h.stream("phone-1", 1.5);

    const pts = h.points("A");
    const v1 = pts.filter((p) => p.detectorId === "model:tiny@1");
    const v2 = pts.filter((p) => p.detectorId === "model:tiny@2");
    expect(v1.length).toBeGreaterThan(0);
    expect(v2.length).toBeGreaterThan(0);
    expect(pts.slice(0, v1.length)).toEqual(v1);
    v1.forEach((p) => expect(p.score).toBeCloseTo(PROBS[1]!, 5));
    v2.forEach((p) => expect(p.score).toBeCloseTo(PROBS[2]!, 5));
    // No window is lost or repeated across the swap.
    expect(new Set(spacing(pts.map((p) => p.tEndMs)))).toEqual(new Set([HOP_MS]));
    // v1 never reached the threshold; v2 fires.
    expect(h.of("event").map((r) => r.event.detectorId)).not.toContain("model:tiny@1");
    expect(h.of("event").map((r) => r.event.detectorId)).toContain("model:tiny@2");
    h.host.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it("reports a version that fails to load and keeps the running one scoring", async () => {
    const h = harness();
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    const tensorsRunning = tf.memory().numTensors;

    h.server.set(baseUrlOf(2) + MODEL_JSON_FILE, new TextEncoder().encode('{"format": "layers-model", "modelTopology": {').buffer as ArrayBuffer);
    await h.send({ type: "slot:set", slot: "A", requestId: 2, source: modelSource(2) });
    h.server.set(baseUrlOf(2) + MODEL_JSON_FILE, new TextEncoder().encode('{"format": "layers-model"}').buffer as ArrayBuffer);
    await h.send({ type: "slot:set", slot: "A", requestId: 3, source: modelSource(2) });
    h.server.set(baseUrlOf(2) + MODEL_JSON_FILE, new TextEncoder().encode(JSON.stringify(files[2]!.modelJson)).buffer as ArrayBuffer);
    for (const path of files[2]!.weights.keys()) h.server.delete(baseUrlOf(2) + path);
    await h.send({ type: "slot:set", slot: "A", requestId: 4, source: modelSource(2) });

    const errors = h.of("slot:error");
    expect(errors.map((e) => [e.slot, e.requestId, e.detectorId])).toEqual([
      ["A", 2, "model:tiny@2"],
      ["A", 3, "model:tiny@2"],
      ["A", 4, "model:tiny@2"],
    ]);
    expect(errors[0]!.message).toMatch(/^model\.json is not valid JSON/);
    expect(errors[1]!.message).toMatch(/model\.json/);
    expect(errors[2]!.message).toMatch(/\.bin could not be fetched: HTTP 404/);
    expect(h.of("slot:active").map((r) => r.requestId)).toEqual([1]);
    expect(tf.memory().numTensors).toBe(tensorsRunning);

    await h.stream("phone-1", 2);
    const pts = h.points("A");
    expect(pts.length).toBeGreaterThan(0);
    pts.forEach((p) => expect(p).toMatchObject({ detectorId: "model:tiny@3", score: expect.closeTo(PROBS[3]!, 5) }));
    h.host.dispose();
  });

  it("discards a load that finishes after a newer request for the slot", async () => {
    const h = harness();
    const tensorsBefore = tf.memory().numTensors;
    await h.send({ type: "device", deviceId: "phone-1" });
    const release = h.hold(baseUrlOf(1) + MODEL_JSON_FILE);
    const slow = h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(1) });
    await h.send({ type: "slot:set", slot: "A", requestId: 2, source: modelSource(2) });
    release();
    await slow;
    expect(h.of("slot:loading").map((r) => r.requestId)).toEqual([1, 2]);
    expect(h.of("slot:active").map((r) => [r.requestId, r.spec.id])).toEqual([[2, "model:tiny@2"]]);
    expect(h.of("slot:error")).toEqual([]);
    await h.stream("phone-1", 2);
    expect(new Set(h.points("A").map((p) => p.detectorId))).toEqual(new Set(["model:tiny@2"]));
    h.host.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it("reports only the newest request's failure, not that of a request it superseded", async () => {
    const h = harness();
    await h.send({ type: "device", deviceId: "phone-1" });
    // Version 1's files are gone: each request for it fails once its fetch is released.
    for (const path of files[1]!.weights.keys()) h.server.delete(baseUrlOf(1) + path);

    // Superseded by a load that has already finished when it fails.
    let release = h.hold(baseUrlOf(1) + MODEL_JSON_FILE);
    const first = h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(1) });
    await h.send({ type: "slot:set", slot: "A", requestId: 2, source: modelSource(2) });
    release();
    await first;

    // Superseded by a load still in flight when it fails.
    release = h.hold(baseUrlOf(1) + MODEL_JSON_FILE);
    const releaseNewest = h.hold(baseUrlOf(3) + MODEL_JSON_FILE);
    const second = h.send({ type: "slot:set", slot: "A", requestId: 3, source: modelSource(1) });
    const newest = h.send({ type: "slot:set", slot: "A", requestId: 4, source: modelSource(3) });
    release();
    await second;
    releaseNewest();
    await newest;

    expect(h.fetched.filter((u) => u.startsWith(baseUrlOf(1)))).toHaveLength(2 * (1 + files[1]!.weights.size));
    expect(h.of("slot:error")).toEqual([]);
    expect(h.of("slot:active").map((r) => [r.requestId, r.spec.id])).toEqual([
      [2, "model:tiny@2"],
      [4, "model:tiny@3"],
    ]);
    h.host.dispose();
  });

  it("loads the first request after a slot was cleared while empty", async () => {
    const h = harness();
    await h.send({ type: "slot:clear", slot: "A" });
    await h.send({ type: "slot:clear", slot: "A" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    expect(h.of("slot:cleared")).toEqual([
      { type: "slot:cleared", slot: "A" },
      { type: "slot:cleared", slot: "A" },
    ]);
    expect(h.of("slot:active").map((r) => [r.slot, r.requestId, r.spec.id])).toEqual([["A", 1, "model:tiny@3"]]);
    h.host.dispose();
  });

  it("discards a load still in flight when its slot is cleared", async () => {
    const h = harness();
    const tensorsBefore = tf.memory().numTensors;
    await h.send({ type: "device", deviceId: "phone-1" });
    const release = h.hold(baseUrlOf(3) + MODEL_JSON_FILE);
    const slow = h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    await h.send({ type: "slot:clear", slot: "A" });
    release();
    await slow;
    expect(h.of("slot:active")).toEqual([]);
    expect(h.of("slot:cleared")).toEqual([{ type: "slot:cleared", slot: "A" }]);
    await h.stream("phone-1", 2);
    expect(h.of("scores")).toEqual([]);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it("starts afresh on another device, whose clock may be behind the last one's", async () => {
    const h = harness();
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    await h.stream("phone-1", 2);
    const fromPhone1 = h.points("A").length;
    expect(fromPhone1).toBeGreaterThan(0);

    await h.send({ type: "device", deviceId: "phone-2" });
    const mark = h.replies.length;
    await h.stream("phone-1", 2);
    expect(h.since(mark)).toEqual([]);
    // phone-2's samples start at T0 again: earlier than phone-1's last, yet scored.
    await h.stream("phone-2", 2);
    expect(h.points("A").length).toBeGreaterThan(fromPhone1);
    const events = h.of("event").slice(-1);
    expect(events[0]?.event.deviceId).toBe("phone-2");
    h.host.dispose();
  });

  it("keeps a slot's decision settings when the device changes", async () => {
    const h = harness();
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    await h.send({ type: "slot:set", slot: "B", requestId: 2, source: modelSource(3) });
    await h.send({ type: "slot:decision", slot: "A", decision: { ...files[3]!.manifest.decision, thresholdProb: 0.99 } });
    await h.send({ type: "device", deviceId: "phone-2" });
    await h.stream("phone-2", 2);
    expect(h.points("A").length).toBeGreaterThan(0);
    // B, on the manifest's threshold, shows the same stream does fire.
    const slots = h.of("event").map((r) => r.slot);
    expect(slots).toContain("B");
    expect(slots).not.toContain("A");
    h.host.dispose();
  });

  it("applies decision changes from the next window", async () => {
    const h = harness();
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    const decision = { ...files[3]!.manifest.decision, thresholdProb: 0.99 };
    await h.send({ type: "slot:decision", slot: "A", decision });
    await h.stream("phone-1", 2);
    expect(h.points("A").length).toBeGreaterThan(0);
    expect(h.of("event")).toEqual([]);
    await h.send({ type: "slot:decision", slot: "A", decision: { ...decision, thresholdProb: 0.5 } });
    await h.stream("phone-1", 1);
    expect(h.of("event").length).toBeGreaterThan(0);
    h.host.dispose();
  });

  it("clears one slot, freeing its model, while the other runs on", async () => {
    const h = harness();
    const tensorsBefore = tf.memory().numTensors;
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    await h.send({ type: "slot:set", slot: "B", requestId: 2, source: { kind: "heuristic", name: "flick", params: {} } });
    expect(tf.memory().numTensors).toBeGreaterThan(tensorsBefore);
    await h.send({ type: "slot:clear", slot: "A" });
    expect(h.of("slot:cleared")).toEqual([{ type: "slot:cleared", slot: "A" }]);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    await h.stream("phone-1", 2);
    expect(h.points("A")).toEqual([]);
    expect(h.points("B").length).toBeGreaterThan(0);
    h.host.dispose();
  });

  it("frees every model on dispose", async () => {
    const h = harness();
    const tensorsBefore = tf.memory().numTensors;
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(1) });
    await h.send({ type: "slot:set", slot: "B", requestId: 2, source: modelSource(2) });
    expect(tf.memory().numTensors).toBeGreaterThan(tensorsBefore);
    h.host.dispose();
    expect(h.of("slot:cleared").map((r) => r.slot).sort()).toEqual(["A", "B"]);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

describe("DetectorHost stats", () => {
  it("reports samples and windows at most every 500 ms of its clock", async () => {
    const h = harness();
    await h.send({ type: "device", deviceId: "phone-1" });
    await h.send({ type: "slot:set", slot: "A", requestId: 1, source: modelSource(3) });
    await h.stream("phone-1", 2);
    expect(h.of("stats")).toHaveLength(1);
    const first = h.of("stats")[0]!;
    expect(first.samples).toBe(100);
    expect(first.windows.A).toBe(h.points("A").length);
    expect(first.windows).not.toHaveProperty("B"); // only slots that run a detector are counted
    expect(first.gaps).toBe(0);
    // Each message moves the host's clock on by its 200 ms of samples: the third is the first 500 ms after the report.
    await h.stream("phone-1", 0.2);
    await h.stream("phone-1", 0.2);
    expect(h.of("stats")).toHaveLength(1);
    await h.stream("phone-1", 0.2);
    expect(h.of("stats")).toHaveLength(2);
    expect(h.of("stats")[1]!.samples).toBe(130);
    h.host.dispose();
  });
});
