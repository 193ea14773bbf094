import type { SceneSettings, StoredSceneSettings } from "../protocol/scene-settings";

type Fetch = typeof fetch;

async function call(fetchFn: Fetch, url: string, init?: RequestInit): Promise<StoredSceneSettings> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, headers: init?.body ? { "content-type": "application/json" } : undefined });
  } catch (e) {
    throw new Error(`the server cannot be reached (${(e as Error).message})`);
  }
  const body = (await res.json().catch(() => null)) as (StoredSceneSettings & { error?: string }) | null;
  if (!res.ok || !body) throw new Error(body?.error ?? `the server answered ${res.status}`);
  return body;
}

export type SaveStatus = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; atMs: number } | { kind: "failed"; message: string };

/**
 * One scene's settings on the server (`/api/scenes/<id>/settings`). Saves are
 * debounced so dragging a slider is one request, and a failed save keeps the
 * newest settings to retry with the next change or {@link flush}.
 */
export class SceneSettingsClient {
  private status: SaveStatus = { kind: "idle" };
  private readonly listeners = new Set<() => void>();
  private pending: SceneSettings | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly url: string;

  constructor(
    origin: string,
    readonly sceneId: string,
    private readonly fetchFn: Fetch = (...a) => fetch(...a),
    private readonly debounceMs = 400,
  ) {
    this.url = `${origin}/api/scenes/${encodeURIComponent(sceneId)}/settings`;
  }

  readonly getStatus = (): SaveStatus => this.status;

  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  load(): Promise<StoredSceneSettings> {
    return call(this.fetchFn, this.url);
  }

  save(settings: SceneSettings): void {
    this.pending = settings;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const settings = this.pending;
    if (!settings) return;
    this.pending = null;
    this.setStatus({ kind: "saving" });
    try {
      const saved = await call(this.fetchFn, this.url, { method: "PUT", body: JSON.stringify(settings), keepalive: true });
      this.setStatus({ kind: "saved", atMs: saved.updatedAtMs ?? Date.now() });
    } catch (e) {
      this.pending ??= settings;
      this.setStatus({ kind: "failed", message: (e as Error).message });
    }
  }

  /** Back to the scene's defaults on the server; a save still waiting is dropped. */
  async reset(): Promise<StoredSceneSettings> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    const stored = await call(this.fetchFn, this.url, { method: "DELETE" });
    this.setStatus({ kind: "idle" });
    return stored;
  }

  /** Leaving the page: a change still waiting for its debounce is sent now (keepalive outlives the page). */
  dispose(): void {
    if (this.pending) void this.flush();
  }

  private setStatus(s: SaveStatus): void {
    this.status = s;
    for (const l of this.listeners) l();
  }
}
