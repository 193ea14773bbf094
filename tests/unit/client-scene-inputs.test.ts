import { describe, expect, it } from "vitest";
import { DesktopDetectors, type HostPort } from "@/lib/client/desktop-detectors";
import { SCORE_STALE_MS, sceneScores } from "@/lib/client/scene-inputs";
import type { DetectorSpec } from "@/lib/models/detector";
import type { HostReply, HostRequest } from "@/lib/models/host-protocol";
import { StreamStore } from "@/lib/stream/stream-store";

const T0 = 1_750_000_000_000;
const DECISION = { thresholdProb: 0.6, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 1000 };

function spec(name: string): DetectorSpec {
  return {
    id: `heuristic:${name}`,
    name,
    kind: "heuristic",
    interaction: "double-tap",
    input: { rateHz: 100, windowSamples: 50, hopSamples: 5, channels: ["accelGX"] },
    labels: [
      { name: "background", role: "background" },
      { name: "double-tap", role: "event" },
    ],
    decision: DECISION,
  };
}

/** A scene runtime with two roles whose host replies are scripted by the test. */
function harness() {
  const sent: HostRequest[] = [];
  const port: HostPort = {
    onmessage: null,
    postMessage: (msg) => void sent.push(msg),
    terminate() {},
  };
  const detectors = new DesktopDetectors({
    store: new StreamStore(100),
    portOpen: () => port,
    fetchCatalog: async () => ({ revision: 0, models: [] }),
    serverOffsetMs: () => 0,
    backendOrder: ["cpu"],
    slots: ["trigger", "other"],
  });
  detectors.open();
  const reply = (r: HostReply) => port.onmessage!({ data: r });
  const run = (slot: "trigger" | "other", name: string) => {
    detectors.choose(slot, { kind: "heuristic", name, params: {} });
    const set = sent.filter((m): m is Extract<HostRequest, { type: "slot:set" }> => m.type === "slot:set" && m.slot === slot).at(-1)!;
    reply({ type: "slot:active", slot, requestId: set.requestId, spec: spec(name), replaced: null, loadMs: 0, warmMs: 0 });
  };
  const scores = (slot: string, points: [tEndMs: number, score: number][]) =>
    reply({ type: "scores", slot, detectorId: "x", points: points.map(([tEndMs, score]) => ({ tEndMs, score })) });
  return { detectors, reply, run, scores };
}

describe("sceneScores", () => {
  it("is null for every role while no detector runs", () => {
    const h = harness();
    expect(sceneScores(h.detectors, T0)).toEqual({ trigger: null, other: null });
  });

  it("is null for a running detector that has not scored yet", () => {
    const h = harness();
    h.run("trigger", "double-tap");
    expect(sceneScores(h.detectors, T0)).toEqual({ trigger: null, other: null });
  });

  it("gives the newest score per role and whether it reaches the role's threshold", () => {
    const h = harness();
    h.run("trigger", "double-tap");
    h.run("other", "flick");
    h.scores("trigger", [
      [T0 - 200, 0.9],
      [T0 - 100, 0.59],
    ]);
    h.scores("other", [[T0 - 100, 0.6]]);
    expect(sceneScores(h.detectors, T0)).toEqual({ trigger: { score: 0.59, above: false }, other: { score: 0.6, above: true } });
  });

  it("follows the threshold the user sets", () => {
    const h = harness();
    h.run("trigger", "double-tap");
    h.scores("trigger", [[T0, 0.5]]);
    expect(sceneScores(h.detectors, T0).trigger).toEqual({ score: 0.5, above: false });
    h.detectors.setDecision("trigger", { ...DECISION, thresholdProb: 0.45 });
    expect(sceneScores(h.detectors, T0).trigger).toEqual({ score: 0.5, above: true });
  });

  it(`is null once the newest score is more than ${SCORE_STALE_MS} ms older than the server's now`, () => {
    const h = harness();
    h.run("trigger", "double-tap");
    h.scores("trigger", [[T0, 0.8]]);
    expect(sceneScores(h.detectors, T0 + SCORE_STALE_MS).trigger).toEqual({ score: 0.8, above: true });
    expect(sceneScores(h.detectors, T0 + SCORE_STALE_MS + 1).trigger).toBeNull();
  });

  it("takes the newest score as fresh while the server's clock is unknown", () => {
    const h = harness();
    h.run("trigger", "double-tap");
    h.scores("trigger", [[T0, 0.8]]);
    expect(sceneScores(h.detectors, null).trigger).toEqual({ score: 0.8, above: true });
  });

  it("is null once no detector runs, though the last scores are still in the ring", () => {
    const h = harness();
    h.run("trigger", "double-tap");
    h.scores("trigger", [[T0, 0.8]]);
    h.detectors.close();
    expect(h.detectors.scores.trigger.length).toBe(1);
    expect(sceneScores(h.detectors, T0).trigger).toBeNull();
  });
});
