import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DesktopDetectors, type HostPort, type SlotChoice } from "@/lib/client/desktop-detectors";
import type { ModelCatalog } from "@/lib/client/model-catalog";
import { SceneDetectorsSync } from "@/lib/client/scene-detectors-sync";
import type { DecisionSettings } from "@/lib/models/detector";
import { heuristicDefinition } from "@/lib/models/heuristics";
import type { HostRequest } from "@/lib/models/host-protocol";
import type { ModelFiles } from "@/lib/models/model-files";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { MODEL_JSON_FILE } from "@/lib/models/weights-check";
import type { SceneRoleSettings } from "@/lib/protocol/scene-settings";
import { StreamStore } from "@/lib/stream/stream-store";
import { inProcessHost } from "@/tests/support/host-port";
import { tinyModelFiles } from "@/tests/support/tiny-models";

/**
 * A scene's runtime with two roles, "trigger" and "other", on the real detector
 * host run in this process: heuristics load synchronously within `choose`, models
 * are fetched (from an in-memory server) and built on TF.js's cpu backend.
 */

type Role = "trigger" | "other";
type Roles = Record<Role, SceneRoleSettings>;

const ORIGIN = "http://models.test";
const heuristic = (name: string, params: Record<string, number> = {}): Exclude<SlotChoice, null> => ({ kind: "heuristic", name, params });
const ownDecision = (name: string): DecisionSettings => heuristicDefinition(name).decision;
/** Decision settings a user would not pick by accident, different from every detector's own. */
const TUNED: DecisionSettings = { thresholdProb: 0.73, smoothingWindows: 3, minConsecutiveWindows: 2, refractoryMs: 1500 };
const TUNED_2: DecisionSettings = { thresholdProb: 0.41, smoothingWindows: 2, minConsecutiveWindows: 1, refractoryMs: 700 };

/**
 * Most tests give "other" no detector, so each checks one role's behaviour; the
 * first test covers choosing both roles at once.
 */
const ROLES: Roles = {
  trigger: { choice: heuristic("double-tap"), decision: null },
  other: { choice: null, decision: null },
};
const BOTH: Roles = { ...ROLES, other: { choice: heuristic("flick"), decision: null } };

interface HarnessOptions {
  catalog?: () => ModelCatalog;
  /** Deliver the host's replies on a later task, as a Web Worker does, instead of within the request. */
  laterReplies?: boolean;
}

function harness(opts: HarnessOptions = {}) {
  const catalog = opts.catalog ?? (() => ({ revision: 0, models: [] }));
  const hosted = inProcessHost(ORIGIN, () => tfBackendInit(["cpu"]));
  /** Every request the desktop sent the host, in order. */
  const sent: HostRequest[] = [];
  let onmessage: HostPort["onmessage"] = null;
  hosted.port.onmessage = (ev) => (opts.laterReplies ? setTimeout(() => onmessage?.(ev)) : onmessage?.(ev));
  const port: HostPort = {
    get onmessage() {
      return onmessage;
    },
    set onmessage(fn) {
      onmessage = fn;
    },
    postMessage(msg) {
      sent.push(msg);
      hosted.port.postMessage(msg);
    },
    terminate: () => hosted.port.terminate(),
  };
  const detectors = new DesktopDetectors<Role>({
    store: new StreamStore(100),
    portOpen: () => port,
    fetchCatalog: async () => catalog(),
    serverOffsetMs: () => 0,
    backendOrder: ["cpu"],
    slots: ["trigger", "other"],
  });
  const reported: Roles[] = [];
  const open = (roles: Roles) => {
    const sync = new SceneDetectorsSync(detectors, roles, (r) => reported.push(r));
    sync.open();
    opened.push(() => {
      sync.close();
      detectors.close();
    });
    return sync;
  };
  const slot = (role: Role) => detectors.getState().slots[role];
  const decisionsSent = (role: Role) => sent.flatMap((m) => (m.type === "slot:decision" && m.slot === role ? [m.decision] : []));
  return { detectors, open, reported, slot, sent, decisionsSent };
}

const opened: (() => void)[] = [];
afterEach(() => {
  for (const close of opened.splice(0)) close();
  vi.unstubAllGlobals();
});

describe("SceneDetectorsSync applying saved settings", () => {
  it("chooses every role's saved detector on open, without reporting anything", () => {
    const h = harness();
    h.detectors.open();
    h.open(BOTH);
    expect(h.slot("trigger")).toMatchObject({ choice: heuristic("double-tap"), running: { spec: { id: "heuristic:double-tap" } } });
    expect(h.slot("other")).toMatchObject({ choice: heuristic("flick"), running: { spec: { id: "heuristic:flick" } } });
    expect(h.reported).toEqual([]);
  });

  it("chooses a role's saved detector on open, keeping the detector's own decision when none is saved", () => {
    const h = harness();
    h.detectors.open();
    h.open(ROLES);
    expect(h.slot("trigger")).toMatchObject({ choice: heuristic("double-tap"), loading: null, running: { spec: { id: "heuristic:double-tap" } } });
    expect(h.slot("trigger").decision).toEqual(ownDecision("double-tap"));
    expect(h.slot("other")).toMatchObject({ choice: null, running: null });
    expect(h.decisionsSent("trigger")).toEqual([]);
    expect(h.reported).toEqual([]);
  });

  it("applies a saved decision once the detector runs, also when the host starts after the sync", () => {
    const h = harness();
    h.open({ ...ROLES, trigger: { choice: heuristic("double-tap"), decision: TUNED } });
    expect(h.slot("trigger")).toMatchObject({ choice: heuristic("double-tap"), running: null });
    expect(h.decisionsSent("trigger")).toEqual([]);

    h.detectors.open();
    expect(h.slot("trigger")).toMatchObject({ running: { spec: { id: "heuristic:double-tap" } }, decision: TUNED });
    expect(h.decisionsSent("trigger")).toEqual([TUNED]);
    const loaded = h.sent.findIndex((m) => m.type === "slot:set" && m.slot === "trigger");
    const decided = h.sent.findIndex((m) => m.type === "slot:decision" && m.slot === "trigger");
    expect(decided).toBeGreaterThan(loaded);
    expect(h.reported).toEqual([]);
  });

  it("applies settings from elsewhere (another detector, saved decisions) without reporting them", () => {
    const h = harness();
    h.detectors.open();
    const sync = h.open(ROLES);
    const elsewhere: Roles = {
      trigger: { choice: heuristic("double-tap"), decision: TUNED },
      other: { choice: heuristic("tap"), decision: TUNED_2 },
    };
    sync.apply(elsewhere);
    expect(h.slot("trigger")).toMatchObject({ choice: heuristic("double-tap"), decision: TUNED });
    expect(h.slot("other")).toMatchObject({ choice: heuristic("tap"), running: { spec: { id: "heuristic:tap" } }, decision: TUNED_2 });
    h.detectors.setDevice("phone-1");
    expect(h.reported).toEqual([]);

    // What the user does afterwards is compared with the applied settings.
    h.detectors.setDecision("other", TUNED);
    expect(h.reported).toEqual([{ ...elsewhere, other: { choice: heuristic("tap"), decision: TUNED } }]);
  });

  it("puts a role back on its detector's own decision when applied settings have none (a reset), reporting nothing", () => {
    const h = harness();
    h.detectors.open();
    const sync = h.open({ ...ROLES, trigger: { choice: heuristic("double-tap"), decision: TUNED } });
    expect(h.slot("trigger").decision).toEqual(TUNED);
    sync.apply(ROLES);
    // Any later change of the runtime's state (here: another device) runs the comparison again.
    h.detectors.setDevice("phone-1");
    expect(h.slot("trigger").decision).toEqual(ownDecision("double-tap"));
    expect(h.reported).toEqual([]);
  });
});

describe("SceneDetectorsSync reporting the user's changes", () => {
  it("reports a moved slider once, with the new decision, and null when it is back on the detector's own", () => {
    const h = harness();
    h.detectors.open();
    h.open(ROLES);
    h.detectors.setDecision("trigger", TUNED);
    expect(h.reported).toEqual([{ ...ROLES, trigger: { choice: heuristic("double-tap"), decision: TUNED } }]);
    // Unrelated changes of the runtime's state, or the same value again, report nothing more.
    h.detectors.setDevice("phone-1");
    h.detectors.setDecision("trigger", TUNED);
    expect(h.reported).toHaveLength(1);

    h.detectors.setDecision("trigger", ownDecision("double-tap"));
    expect(h.reported).toHaveLength(2);
    expect(h.reported[1]).toEqual(ROLES);
  });

  it("reports a moved slider of a role whose saved decision was applied", () => {
    const h = harness();
    h.detectors.open();
    h.open({ ...ROLES, trigger: { choice: heuristic("double-tap"), decision: TUNED } });
    expect(h.slot("trigger").decision).toEqual(TUNED);
    h.detectors.setDecision("trigger", TUNED_2);
    expect(h.reported).toEqual([{ ...ROLES, trigger: { choice: heuristic("double-tap"), decision: TUNED_2 } }]);
  });

  it("reports another detector once, with no decision (the new detector's own)", () => {
    const h = harness();
    h.detectors.open();
    h.open({ ...ROLES, trigger: { choice: heuristic("double-tap"), decision: TUNED } });
    h.detectors.choose("trigger", heuristic("tap"));
    expect(h.slot("trigger")).toMatchObject({ running: { spec: { id: "heuristic:tap" } }, decision: ownDecision("tap") });
    expect(h.reported).toEqual([{ ...ROLES, trigger: { choice: heuristic("tap"), decision: null } }]);
  });

  it("reports a heuristic's changed parameter as a new choice", () => {
    const h = harness();
    h.detectors.open();
    h.open(ROLES);
    h.detectors.choose("trigger", heuristic("double-tap", { tapPeakMps2: 2 }));
    expect(h.reported).toEqual([{ ...ROLES, trigger: { choice: heuristic("double-tap", { tapPeakMps2: 2 }), decision: null } }]);
  });

  it("reports a detector given to a role that had none", () => {
    const h = harness();
    h.detectors.open();
    h.open(ROLES);
    h.detectors.choose("other", heuristic("flick"));
    expect(h.reported).toEqual([BOTH]);
  });

  it("stops following the runtime once closed", () => {
    const h = harness();
    h.detectors.open();
    const sync = h.open(ROLES);
    sync.close();
    h.detectors.setDecision("trigger", TUNED);
    h.detectors.choose("other", heuristic("tap"));
    expect(h.reported).toEqual([]);
  });
});

describe("SceneDetectorsSync across reloads of a role's detector", () => {
  it("re-applies the saved decision to a heuristic reloaded with other parameters from elsewhere, reporting nothing", async () => {
    // A heuristic's detector id does not include its parameters: the reloaded detector
    // has the id of the one it replaces. Replies come later, as from a worker, so the
    // reload finishes after apply() has returned.
    const h = harness({ laterReplies: true });
    h.detectors.open();
    const sync = h.open({ ...ROLES, trigger: { choice: heuristic("double-tap"), decision: TUNED } });
    await vi.waitFor(() => expect(h.slot("trigger").decision).toEqual(TUNED));
    const first = h.slot("trigger").running;

    sync.apply({ ...ROLES, trigger: { choice: heuristic("double-tap", { tapPeakMps2: 2 }), decision: TUNED } });
    await vi.waitFor(() => expect(h.slot("trigger").running).not.toBe(first));
    expect(h.slot("trigger")).toMatchObject({ choice: heuristic("double-tap", { tapPeakMps2: 2 }), running: { spec: { id: "heuristic:double-tap" } } });
    expect(h.slot("trigger").decision).toEqual(TUNED);
    expect(h.reported).toEqual([]);
  });

  describe("a model hot-swapped to its new version", () => {
    const files: Record<number, ModelFiles> = {};
    const baseUrlOf = (v: number) => `/api/models/tiny/versions/${v}/`;

    beforeAll(async () => {
      await tfBackendInit(["cpu"]);
      files[1] = await tinyModelFiles({ id: "tiny", behaviour: { kind: "constant", prob: 0.2 } });
      files[2] = await tinyModelFiles({ id: "tiny", behaviour: { kind: "constant", prob: 0.8 } });
    });

    /** `GET /api/models` listing versions 1..latest of "tiny", and its files served at their base URLs. */
    function served(latest: () => number) {
      const bytes = new Map<string, ArrayBuffer>();
      for (const [v, f] of Object.entries(files)) {
        bytes.set(baseUrlOf(Number(v)) + MODEL_JSON_FILE, new TextEncoder().encode(JSON.stringify(f.modelJson)).buffer as ArrayBuffer);
        for (const [path, b] of f.weights) bytes.set(baseUrlOf(Number(v)) + path, b);
      }
      vi.stubGlobal("fetch", async (url: URL) => {
        const b = bytes.get(url.pathname);
        return b ? new Response(b.slice(0)) : new Response("not found", { status: 404 });
      });
      return (): ModelCatalog => {
        const versions = Array.from({ length: latest() }, (_, i) => i + 1);
        return {
          revision: latest(),
          models: [
            {
              id: "tiny",
              source: "user",
              status: "ok",
              errors: [],
              latest: latest(),
              versions: versions.map((v) => ({ version: v, hash: `h${v}`, addedAtMs: v, manifest: files[v]!.manifest, files: [], baseUrl: baseUrlOf(v) })),
            },
          ],
        };
      };
    }

    it("applies the saved decision again to the new version, reporting nothing", async () => {
      let latest = 1;
      const h = harness({ catalog: served(() => latest) });
      h.detectors.open();
      h.open({ ...ROLES, trigger: { choice: { kind: "model", id: "tiny", pinned: null }, decision: TUNED } });
      await h.detectors.refreshCatalog();
      await vi.waitFor(() => expect(h.slot("trigger").running?.spec.id).toBe("model:tiny@1"));
      expect(h.slot("trigger").decision).toEqual(TUNED);
      expect(files[1]!.manifest.decision).not.toEqual(TUNED);

      latest = 2;
      await h.detectors.refreshCatalog();
      await vi.waitFor(() => expect(h.slot("trigger").running?.spec.id).toBe("model:tiny@2"));
      expect(h.slot("trigger").decision).toEqual(TUNED);
      expect(h.decisionsSent("trigger")).toEqual([TUNED, TUNED]);
      expect(h.reported).toEqual([]);

      // The slider still reports against the saved decision on the new version.
      h.detectors.setDecision("trigger", TUNED_2);
      expect(h.reported).toEqual([{ ...ROLES, trigger: { choice: { kind: "model", id: "tiny", pinned: null }, decision: TUNED_2 } }]);
    });
  });
});
