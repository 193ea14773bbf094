import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DesktopDetectors } from "@/lib/client/desktop-detectors";
import { catalogFetchFrom } from "@/lib/client/model-catalog";
import { simPhoneRun } from "@/lib/client/sim-phone";
import { ViewerLink } from "@/lib/client/viewer-link";
import type { HostReply } from "@/lib/models/host-protocol";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";
import { StreamStore } from "@/lib/stream/stream-store";
import { inProcessHost, type InProcessHost } from "@/tests/support/host-port";
import { corruptModelJson, tinyModelFolderWrite, truncateWeights } from "@/tests/support/tiny-models";
import { roomCreate, testServerStart, until, type TestServer } from "./harness";

/**
 * The whole desktop path of a hot-swap, minus the browser: a sim phone streams into
 * a real server, a desktop (viewer link, stream store, detector runtime) runs a
 * checkpoint from the user models folder, and new versions are written into that
 * folder mid-stream. Only the Web Worker is replaced by the same host in-process.
 */

const ID = "live-swap";
const nowMs = () => performance.timeOrigin + performance.now();
/** The tiny model's hop: 10 samples at 50 Hz. */
const HOP_MS = 200;

let t: TestServer;
let room: string;
let store: StreamStore;
let link: ViewerLink;
let detectors: DesktopDetectors;
let hosted: InProcessHost;

const scoresOf = (detectorId: string) =>
  hosted.replies.flatMap((r) => (r.type === "scores" && r.detectorId === detectorId ? r.points : []));
const running = () => detectors.getState().slots.A.running?.spec.id ?? null;

beforeAll(async () => {
  t = await testServerStart();
  room = await roomCreate(t.url);
  // Building the test checkpoints needs a backend before the host picks one.
  await tfBackendInit(["wasm"], { wasmPath: tfWasmDistPath() });
  await tinyModelFolderWrite(join(t.server.models.userDir, ID), { id: ID, behaviour: { kind: "constant", prob: 0.2 } });
  store = new StreamStore();
  hosted = inProcessHost(t.url, (order) => tfBackendInit(order, { wasmPath: tfWasmDistPath() }));
  detectors = new DesktopDetectors({
    store,
    portOpen: () => hosted.port,
    fetchCatalog: catalogFetchFrom(t.url),
    serverOffsetMs: () => {
      const s = link.serverNowMs();
      return s === null ? null : s - nowMs();
    },
    backendOrder: ["webgl", "wasm", "cpu"],
  });
  detectors.open();
  link = new ViewerLink({ url: t.url, room, store, nowMs, onModelsChanged: () => void detectors.refreshCatalog() });
  await until(() => detectors.getState().catalog.models.some((m) => m.id === ID && m.latest === 1), 5_000, "v1 listed");
});

afterAll(async () => {
  link?.close();
  detectors?.close();
  await t?.close();
});

it("swaps in a new checkpoint within 2 s while a phone streams, loses no sample, and keeps it when later versions are broken", async () => {
  expect(detectors.getState().backend ?? (await until(() => detectors.getState().backend !== null), detectors.getState().backend)).toBe("wasm");
  detectors.choose("A", { kind: "model", id: ID, pinned: null });
  await until(() => running() === `model:${ID}@1`, 5_000, "v1 running");

  detectors.setDevice("swap-phone");
  const phone = simPhoneRun({ url: t.url, room, seconds: 7, motion: "walk", seed: 3, deviceId: "swap-phone" });
  await until(() => store.devices.has("swap-phone"), 5_000, "phone streaming");
  await new Promise((r) => setTimeout(r, 1_500));

  const writtenAt = Date.now();
  await tinyModelFolderWrite(join(t.server.models.userDir, ID), { id: ID, behaviour: { kind: "constant", prob: 0.95 } });
  await until(() => scoresOf(`model:${ID}@2`).length > 0, 2_000, "scores from v2 within 2 s");
  const swapMs = Date.now() - writtenAt;
  expect(swapMs).toBeLessThan(2_000);
  expect(running()).toBe(`model:${ID}@2`);
  // v2 says "event" at 0.95 where v1 said 0.2: the decision fires as soon as it runs.
  await until(() => detectors.events.A.length > 0, 2_000, "an event from v2");
  expect(detectors.events.A[0]!.detectorId).toBe(`model:${ID}@2`);

  await corruptModelJson(join(t.server.models.userDir, ID));
  await until(() => /model\.json/.test(detectors.getState().slots.A.error ?? ""), 3_000, "the broken model.json reported");
  expect(running()).toBe(`model:${ID}@2`);

  await tinyModelFolderWrite(join(t.server.models.userDir, ID), { id: ID, behaviour: { kind: "constant", prob: 0.6 } });
  await truncateWeights(join(t.server.models.userDir, ID));
  await until(() => /\.bin/.test(detectors.getState().slots.A.error ?? ""), 3_000, "the truncated shard reported");
  expect(running()).toBe(`model:${ID}@2`);

  const summary = await phone;
  await until(() => hosted.samplesIn() >= summary.sent, 3_000, "every sample at the host");
  const device = store.devices.get("swap-phone")!;
  expect(summary.acked).toBe(summary.sent);
  expect(device.ring.total).toBe(summary.sent);
  expect(device.health.counters().dropped).toBe(0);
  expect(hosted.samplesIn()).toBe(summary.sent);

  // Scores ran on without a hole across the swap: consecutive windows one hop apart.
  const times = [...scoresOf(`model:${ID}@1`), ...scoresOf(`model:${ID}@2`)].map((p) => p.tEndMs);
  expect(times.length).toBeGreaterThan(20);
  const steps = times.slice(1).map((tm, i) => tm - times[i]!);
  expect(Math.max(...steps)).toBeLessThanOrEqual(HOP_MS + 1);
  expect(Math.min(...steps)).toBeGreaterThanOrEqual(HOP_MS - 1);
  const errors = hosted.replies.filter((r): r is Extract<HostReply, { type: "slot:error" }> => r.type === "slot:error");
  expect(errors).toEqual([]);
});
