import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SceneSettingsClient, type SaveStatus } from "@/lib/client/scene-settings-client";
import type { SceneSettings, StoredSceneSettings } from "@/lib/protocol/scene-settings";

const ORIGIN = "http://desk.test:3000";
const URL_OF = `${ORIGIN}/api/scenes/raise-to-speak/settings`;
const DEBOUNCE_MS = 400;
const NOW_MS = 1_750_000_000_000;

const settingsWith = (holdS: number): SceneSettings => ({ roles: {}, options: { holdS } });
const stored = (settings: SceneSettings | null, updatedAtMs: number | null): StoredSceneSettings => ({ sceneId: "raise-to-speak", settings, updatedAtMs });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** Lets pending promise chains (fetch, res.json()) finish; only timers and Date are faked. */
const settle = () => new Promise<void>((r) => setImmediate(r));

type Answer = () => Promise<Response>;

function harness() {
  const answers: Answer[] = [];
  const fetchFn = vi.fn((url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    void url;
    const answer = answers.shift();
    if (answer) return answer();
    // By default the server stores what it is sent, stamping it with the (fake) clock.
    const body = init?.body ? (JSON.parse(init.body as string) as SceneSettings) : null;
    return Promise.resolve(json(stored(body, init?.method === "PUT" ? Date.now() : null)));
  });
  const client = new SceneSettingsClient(ORIGIN, "raise-to-speak", fetchFn as typeof fetch, DEBOUNCE_MS);
  const statuses: SaveStatus[] = [];
  client.subscribe(() => statuses.push(client.getStatus()));
  const calls = () => fetchFn.mock.calls.map(([url, init]) => ({ url: String(url), method: init?.method ?? "GET", body: init?.body === undefined ? undefined : JSON.parse(init.body as string) }));
  return { client, fetchFn, answers, statuses, calls };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.setSystemTime(NOW_MS);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("SceneSettingsClient load", () => {
  it("reads the scene's stored settings from its URL", async () => {
    const h = harness();
    const saved = stored(settingsWith(3), NOW_MS - 5000);
    h.answers.push(async () => json(saved));
    await expect(h.client.load()).resolves.toEqual(saved);
    expect(h.fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = h.fetchFn.mock.calls[0]!;
    expect(url).toBe(URL_OF);
    expect(init?.method).toBeUndefined();
    expect(init?.headers).toBeUndefined();
    expect(h.client.getStatus()).toEqual({ kind: "idle" });
  });

  it("escapes the scene id in the URL", () => {
    const fetchFn = vi.fn(async () => json(stored(null, null)));
    void new SceneSettingsClient(ORIGIN, "a b/c", fetchFn as typeof fetch).load();
    expect(fetchFn.mock.calls[0]).toEqual([`${ORIGIN}/api/scenes/a%20b%2Fc/settings`, expect.anything()]);
  });

  it("rejects with the server's error, a status without one, or why the server cannot be reached", async () => {
    const h = harness();
    h.answers.push(async () => json({ error: "scene id must be kebab-case" }, 400));
    h.answers.push(async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    h.answers.push(async () => {
      throw new TypeError("fetch failed");
    });
    await expect(h.client.load()).rejects.toThrow(/^scene id must be kebab-case$/);
    await expect(h.client.load()).rejects.toThrow(/^the server answered 502$/);
    await expect(h.client.load()).rejects.toThrow(/^the server cannot be reached \(fetch failed\)$/);
  });
});

describe("SceneSettingsClient saves", () => {
  it("sends quick saves as one PUT with the last settings, once the debounce has passed", async () => {
    const h = harness();
    h.client.save(settingsWith(1));
    vi.advanceTimersByTime(100);
    h.client.save(settingsWith(2));
    vi.advanceTimersByTime(100);
    h.client.save(settingsWith(3));
    vi.advanceTimersByTime(DEBOUNCE_MS - 1);
    expect(h.fetchFn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await settle();
    expect(h.calls()).toEqual([{ url: URL_OF, method: "PUT", body: settingsWith(3) }]);
    const init = h.fetchFn.mock.calls[0]![1]!;
    expect(init.headers).toEqual({ "content-type": "application/json" });
    expect(init.keepalive).toBe(true);
  });

  it("goes idle -> saving -> saved with the server's time of the save", async () => {
    const h = harness();
    expect(h.client.getStatus()).toEqual({ kind: "idle" });
    h.answers.push(async () => json(stored(settingsWith(1), NOW_MS + 77)));
    h.client.save(settingsWith(1));
    expect(h.statuses).toEqual([]);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(h.statuses).toEqual([{ kind: "saving" }]);
    await settle();
    expect(h.statuses).toEqual([{ kind: "saving" }, { kind: "saved", atMs: NOW_MS + 77 }]);
    expect(h.client.getStatus()).toEqual({ kind: "saved", atMs: NOW_MS + 77 });
  });

  it("uses this page's clock for the saved time when the server gives none", async () => {
    const h = harness();
    h.answers.push(async () => json(stored(settingsWith(1), null)));
    vi.setSystemTime(NOW_MS + 1234);
    h.client.save(settingsWith(1));
    await h.client.flush();
    expect(h.client.getStatus()).toEqual({ kind: "saved", atMs: NOW_MS + 1234 });
  });

  it("does nothing on flush with no save waiting", async () => {
    const h = harness();
    await h.client.flush();
    expect(h.fetchFn).not.toHaveBeenCalled();
    expect(h.statuses).toEqual([]);
  });

  it("reports a save the server cannot be reached for, and retries the same settings on the next flush", async () => {
    const h = harness();
    h.answers.push(async () => {
      throw new TypeError("fetch failed");
    });
    h.client.save(settingsWith(5));
    vi.advanceTimersByTime(DEBOUNCE_MS);
    await settle();
    expect(h.client.getStatus()).toEqual({ kind: "failed", message: "the server cannot be reached (fetch failed)" });

    await h.client.flush();
    expect(h.calls().map((c) => [c.method, c.body])).toEqual([
      ["PUT", settingsWith(5)],
      ["PUT", settingsWith(5)],
    ]);
    expect(h.statuses.map((s) => s.kind)).toEqual(["saving", "failed", "saving", "saved"]);
  });

  it("reports the server's error for a refused save, and retries the same settings on the next flush", async () => {
    const h = harness();
    h.answers.push(async () => json({ error: "scene settings too large" }, 500));
    h.client.save(settingsWith(6));
    await h.client.flush();
    expect(h.client.getStatus()).toEqual({ kind: "failed", message: "scene settings too large" });
    await h.client.flush();
    expect(h.calls().map((c) => c.body)).toEqual([settingsWith(6), settingsWith(6)]);
    expect(h.client.getStatus()).toEqual({ kind: "saved", atMs: NOW_MS });
  });

  it("retries with the newest settings when a change arrives while a save fails", async () => {
    const h = harness();
    let fail!: () => void;
    h.answers.push(
      () =>
        new Promise<Response>((_, reject) => {
          fail = () => reject(new TypeError("connection reset"));
        }),
    );
    h.client.save(settingsWith(1));
    vi.advanceTimersByTime(DEBOUNCE_MS);
    h.client.save(settingsWith(2));
    fail();
    await settle();
    expect(h.client.getStatus()).toEqual({ kind: "failed", message: "the server cannot be reached (connection reset)" });
    vi.advanceTimersByTime(DEBOUNCE_MS);
    await settle();
    expect(h.calls().map((c) => c.body)).toEqual([settingsWith(1), settingsWith(2)]);
    expect(h.client.getStatus()).toEqual({ kind: "saved", atMs: NOW_MS + 2 * DEBOUNCE_MS });
  });
});

describe("SceneSettingsClient reset and dispose", () => {
  it("resets with a DELETE, drops a save still waiting, and goes idle", async () => {
    const h = harness();
    const defaults = stored(null, null);
    h.answers.push(async () => json(defaults));
    h.client.save(settingsWith(9));
    await expect(h.client.reset()).resolves.toEqual(defaults);
    vi.advanceTimersByTime(DEBOUNCE_MS * 10);
    await settle();
    await h.client.flush();
    expect(h.calls()).toEqual([{ url: URL_OF, method: "DELETE", body: undefined }]);
    expect(h.fetchFn.mock.calls[0]![1]!.headers).toBeUndefined();
    expect(h.statuses).toEqual([{ kind: "idle" }]);
  });

  it("rejects a reset the server refuses, with its error", async () => {
    const h = harness();
    h.answers.push(async () => json({ error: "read-only data dir" }, 500));
    await expect(h.client.reset()).rejects.toThrow("read-only data dir");
  });

  it("sends a save still waiting for its debounce at once on dispose", async () => {
    const h = harness();
    h.client.save(settingsWith(4));
    h.client.dispose();
    expect(h.calls()).toEqual([{ url: URL_OF, method: "PUT", body: settingsWith(4) }]);
    expect(h.fetchFn.mock.calls[0]![1]!.keepalive).toBe(true);
    vi.advanceTimersByTime(DEBOUNCE_MS * 10);
    await settle();
    expect(h.fetchFn).toHaveBeenCalledTimes(1);
  });

  it("sends nothing on dispose when no save is waiting", async () => {
    const h = harness();
    h.client.save(settingsWith(4));
    await h.client.flush();
    h.client.dispose();
    await settle();
    expect(h.fetchFn).toHaveBeenCalledTimes(1);
  });
});
