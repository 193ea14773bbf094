import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { issuesToLines } from "../models/plain-issues";
import { SCENE_SETTINGS_MAX_BYTES, sceneIdSchema, sceneSettingsSchema } from "../protocol/scene-settings";
import type { SceneSettingsStore } from "./scene-settings-store";
import { jsonBodyRead, pathSegmentDecode } from "./body-read";

/**
 * `/api/scenes/<id>/settings`: read (GET), replace (PUT, a SceneSettings body) and
 * reset (DELETE) a scene's stored settings. The store announces every change; the app
 * server passes that on to all sockets as `scenes:settings`.
 */

export const SCENES_PATH = "/api/scenes";
const ALLOW = "GET, HEAD, PUT, DELETE";

export interface SceneRoutesDeps {
  store: SceneSettingsStore;
  send: (res: ServerResponse, status: number, body: unknown) => void;
  /** SCENE_SETTINGS_MAX_BYTES unless a test wants less. */
  maxBytes?: number;
  log?: (msg: string, err?: unknown) => void;
}

const KIND: Record<string, string> = { number: "a number", boolean: "true or false", string: "text", object: "an object", record: "an object", null: "null" };

/** Nothing like the branch at all: the value's very type differs. */
const isTypeMiss = (branch: readonly z.core.$ZodIssue[]) => branch.length === 1 && branch[0]!.code === "invalid_type" && branch[0]!.path.length === 0;

/**
 * zod reports a union or a bad record key as one "Invalid input" at the field. Say
 * instead what the closest alternative lacks ("roles.tap.choice.pinned is missing"),
 * or, when the value fits none, which kinds would do.
 */
function issuesPlain(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): z.core.$ZodIssue[] {
  return issues.flatMap((issue): z.core.$ZodIssue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const near = issue.errors.filter((branch) => !isTypeMiss(branch));
      if (near.length > 0) return issuesPlain(near.reduce((a, b) => (b.length < a.length ? b : a)), path);
      const kinds = [...new Set(issue.errors.map((b) => (b[0]?.code === "invalid_type" ? (KIND[b[0].expected] ?? b[0].expected) : "?")))];
      const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} or ${kinds.at(-1)}` : kinds.join("");
      return [{ code: "custom", path, message: `must be ${list}`, input: issue.input }];
    }
    if (issue.code === "invalid_key") {
      const inner = issue.issues[0];
      const rule = inner?.code === "invalid_format" && inner.format === "regex" && "pattern" in inner ? ` (must match ${String(inner.pattern)})` : "";
      return [{ code: "custom", path, message: `is not an allowed name${rule}`, input: issue.input }];
    }
    return [{ ...issue, path }];
  });
}

export function createSceneRoutes(deps: SceneRoutesDeps) {
  const { store, send } = deps;
  const maxBytes = deps.maxBytes ?? SCENE_SETTINGS_MAX_BYTES;
  const log = deps.log ?? ((msg, err) => console.error(`[scenes] ${msg}`, err ?? ""));
  const tooLarge = `scene settings are limited to ${Math.round(maxBytes / 1024)} KB`;

  const put = async (req: IncomingMessage, res: ServerResponse, sceneId: string) => {
    const body = await jsonBodyRead(req, res, { maxBytes, tooLarge, send });
    if (!body) return;
    const parsed = sceneSettingsSchema.safeParse(body.value, { reportInput: true });
    if (!parsed.success) {
      const lines = issuesToLines("settings", issuesPlain(parsed.error.issues));
      return send(res, 400, { ok: false, error: lines.slice(0, 5).join("; "), errors: lines });
    }
    send(res, 200, await store.save(sceneId, parsed.data));
  };

  /** Handles `/api/scenes` and everything under it; `path` has no trailing slash. */
  return (req: IncomingMessage, res: ServerResponse, path: string, method: string): void => {
    const parts = path.slice(SCENES_PATH.length + 1).split("/");
    if (parts.length !== 2 || parts[1] !== "settings") return send(res, 404, { ok: false, error: `no API at ${path}` });
    const rawId = pathSegmentDecode(parts[0] ?? "");
    const id = sceneIdSchema.safeParse(rawId);
    if (!id.success) return send(res, 404, { ok: false, error: `no scene ${JSON.stringify(rawId ?? parts[0])}: a scene id is kebab-case, at most 48 characters` });
    const sceneId = id.data;

    const run = (work: Promise<void>) =>
      void work.catch((err: unknown) => {
        log(`${method} ${path} failed`, err);
        if (!res.headersSent) send(res, 500, { ok: false, error: "internal error" });
        else res.destroy();
      });

    if (method === "GET" || method === "HEAD") return run(store.get(sceneId).then((stored) => send(res, 200, stored)));
    if (method === "PUT") return run(put(req, res, sceneId));
    if (method === "DELETE") return run(store.reset(sceneId).then((stored) => send(res, 200, stored)));
    res.setHeader("allow", ALLOW);
    send(res, 405, { ok: false, error: `${method} not allowed on ${path}` });
  };
}
