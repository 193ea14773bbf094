import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkSocket } from "@/lib/client/link-socket";
import { SCENE_SETTINGS_MAX_BYTES, type SceneSettings, type StoredSceneSettings } from "@/lib/protocol/scene-settings";
import { startAppServer, type AppServer } from "@/lib/server/app-server";
import { connected, rawSocket, until } from "./harness";

/**
 * `/api/scenes/ID/settings` on the real server: saved settings reach every socket and
 * outlive the server. Unlike testServerStart, servers here run on a data dir the test
 * owns, so a second server can be started on the first one's folder.
 */

let dataDir: string;
const sockets: LinkSocket[] = [];

async function serverOn(dir: string): Promise<{ server: AppServer; url: string }> {
  const server = await startAppServer({ port: 0, httpsPort: null, host: "127.0.0.1", dataDir: dir, modelsDir: join(dir, "builtin-models"), version: "test", hub: { log: () => {} } });
  return { server, url: server.httpUrl.replace("localhost", "127.0.0.1") };
}

async function listenerStart(url: string) {
  const socket = rawSocket(url);
  sockets.push(socket);
  const received: StoredSceneSettings[] = [];
  socket.on("scenes:settings", (s) => received.push(s));
  await connected(socket);
  return received;
}

const settingsWith = (thresholdProb: number): SceneSettings => ({
  roles: { tap: { choice: { kind: "heuristic", name: "double-tap", params: { gapMaxMs: 300 } }, decision: { thresholdProb, smoothingWindows: 2, minConsecutiveWindows: 1, refractoryMs: 500 } } },
  options: { cursorGain: 1.5, invertY: false },
});

const settingsUrl = (url: string, id: string) => `${url}/api/scenes/${id}/settings`;
const put = (url: string, id: string, body: string | ReadableStream<Uint8Array>) =>
  fetch(settingsUrl(url, id), { method: "PUT", body, headers: { "content-type": "application/json" }, ...(typeof body === "string" ? {} : { duplex: "half" }) });
const get = async (url: string, id: string) => (await (await fetch(settingsUrl(url, id))).json()) as StoredSceneSettings;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "wristlab-it-scenes-"));
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("scene settings on the real server", () => {
  let url: string;
  let server: AppServer;
  let first: StoredSceneSettings[];
  let second: StoredSceneSettings[];

  beforeAll(async () => {
    ({ server, url } = await serverOn(dataDir));
    first = await listenerStart(url);
    second = await listenerStart(url);
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers defaults for a scene never saved", async () => {
    const r = await fetch(settingsUrl(url, "pointer"));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ sceneId: "pointer", settings: null, updatedAtMs: null });
  });

  it("stores a PUT, returns it from GET, and tells every socket", async () => {
    const before = Date.now();
    const r = await put(url, "pointer", JSON.stringify(settingsWith(0.7)));
    expect(r.status).toBe(200);
    const stored = (await r.json()) as StoredSceneSettings;
    expect(stored).toMatchObject({ sceneId: "pointer", settings: settingsWith(0.7) });
    expect(stored.updatedAtMs).toBeGreaterThanOrEqual(before);
    expect(await get(url, "pointer")).toEqual(stored);
    await until(() => first.length === 1 && second.length === 1, 5_000, "scenes:settings on both sockets");
    expect(first[0]).toEqual(stored);
    expect(second[0]).toEqual(stored);
  });

  it("resets with DELETE and announces the defaults", async () => {
    await put(url, "lights", JSON.stringify(settingsWith(0.4)));
    await until(() => second.length === 2, 5_000, "the lights save");
    const r = await fetch(settingsUrl(url, "lights"), { method: "DELETE" });
    expect(r.status).toBe(200);
    const defaults = { sceneId: "lights", settings: null, updatedAtMs: null };
    expect(await r.json()).toEqual(defaults);
    expect(await get(url, "lights")).toEqual(defaults);
    await until(() => second.length === 3, 5_000, "the reset");
    expect(second[2]).toEqual(defaults);
  });

  describe("refuses bad requests, leaving the stored value and the sockets alone", () => {
    let kept: StoredSceneSettings;
    let seen: number;
    beforeAll(async () => {
      kept = await get(url, "pointer");
      expect(kept.settings).toEqual(settingsWith(0.7));
      seen = second.length;
    });
    afterAll(async () => {
      expect(await get(url, "pointer")).toEqual(kept);
      // A socket event for a refused request would have arrived before the next answer.
      await get(url, "pointer");
      expect(second.length).toBe(seen);
    });

    it("400 for a body that is not JSON", async () => {
      const r = await put(url, "pointer", '{"roles": {');
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: string }).error).toMatch(/^The body is not JSON/);
    });

    it.each([
      [{ ...settingsWith(0.7), roles: { tap: { choice: null, decision: { ...settingsWith(0.7).roles.tap!.decision!, thresholdProb: "high" } } } }, "settings: roles.tap.decision.thresholdProb must be a number"],
      [{ ...settingsWith(0.7), roles: { tap: { choice: { kind: "model", id: "flick-cnn" }, decision: null } } }, "settings: roles.tap.choice.pinned is missing"],
      [{ ...settingsWith(0.7), options: { cursorGain: [1] } }, "settings: options.cursorGain must be a number, true or false or text"],
      [{ roles: {}, options: {}, colour: "red" }, "settings: has unknown field colour (a typo?)"],
      [{ options: {} }, "settings: roles is missing"],
      [[], "settings: must be an object"],
    ])("400 naming the field for %j", async (body, message) => {
      const r = await put(url, "pointer", JSON.stringify(body));
      expect(r.status).toBe(400);
      const answer = (await r.json()) as { ok: boolean; error: string };
      expect(answer.ok).toBe(false);
      expect(answer.error).toContain(message);
    });

    it("413 for a body over the limit, whether its length is announced or streamed", async () => {
      const big = JSON.stringify({ roles: {}, options: { label: "x".repeat(SCENE_SETTINGS_MAX_BYTES) } });
      const announced = await put(url, "pointer", big);
      expect(announced.status).toBe(413);
      expect(((await announced.json()) as { error: string }).error).toContain("64 KB");

      const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 8) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const streamed = await put(url, "pointer", stream);
      expect(streamed.status).toBe(413);
    });

    it("404 for an id that is not a scene id", async () => {
      for (const id of ["Pointer", "has%20space", "-lead", "x".repeat(49), "%E0%A4%A"]) {
        const r = await put(url, id, JSON.stringify(settingsWith(0.1)));
        expect(r.status, id).toBe(404);
        expect(((await r.json()) as { error: string }).error).toContain("kebab-case");
      }
      expect((await fetch(`${url}/api/scenes/pointer`)).status).toBe(404);
      expect((await fetch(`${url}/api/scenes/pointer/settings/extra`)).status).toBe(404);
    });

    it("405 with an Allow header for other methods", async () => {
      const r = await fetch(settingsUrl(url, "pointer"), { method: "POST", body: JSON.stringify(settingsWith(0.1)) });
      expect(r.status).toBe(405);
      expect(r.headers.get("allow")).toBe("GET, HEAD, PUT, DELETE");
    });
  });

  it("writes one file per scene under <dataDir>/scenes", async () => {
    expect(await readdir(join(dataDir, "scenes"))).toEqual(["pointer.json"]);
  });
});

describe("scene settings across a restart", () => {
  it("a new server on the same data dir serves what the old one saved", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wristlab-it-scenes-restart-"));
    try {
      const a = await serverOn(dir);
      const saved = (await (await put(a.url, "handwash", JSON.stringify(settingsWith(0.55)))).json()) as StoredSceneSettings;
      await a.server.close();

      const b = await serverOn(dir);
      try {
        expect(await get(b.url, "handwash")).toEqual(saved);
      } finally {
        await b.server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
