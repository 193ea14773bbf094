import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ModelInfo, ModelsListing } from "../protocol/events";
import type { ModelEntry, ModelRegistry } from "./model-registry";
import { MODEL_UPLOAD_MAX_BYTES, modelUpload } from "./model-upload";
import { bodyRead, pathSegmentDecode } from "./body-read";

/**
 * `/api/models`: the list, the snapshot files, and uploads. Snapshot URLs name an
 * immutable version, so the desktop can keep loading version 1 while the folder on
 * disk already holds version 3.
 */

export const MODELS_PATH = "/api/models";

export interface ModelRoutesDeps {
  registry: ModelRegistry;
  uploadMaxBytes?: number;
  send: (res: ServerResponse, status: number, body: unknown) => void;
  log?: (msg: string, err?: unknown) => void;
}

export const modelVersionBaseUrl = (id: string, version: number) => `${MODELS_PATH}/${encodeURIComponent(id)}/versions/${version}/`;

function modelInfo(e: ModelEntry): ModelInfo {
  return {
    id: e.id,
    source: e.source,
    status: e.status,
    errors: e.errors,
    latest: e.latest,
    versions: e.versions.map((v) => ({ ...v, baseUrl: modelVersionBaseUrl(e.id, v.version) })),
  };
}

export function createModelRoutes(deps: ModelRoutesDeps) {
  const { registry, send } = deps;
  const maxBytes = deps.uploadMaxBytes ?? MODEL_UPLOAD_MAX_BYTES;
  const log = deps.log ?? ((msg, err) => console.error(`[models] ${msg}`, err ?? ""));
  const tooLarge = `the upload is over ${Math.round(maxBytes / 1024 / 1024)} MB`;

  const upload = async (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
      // Answered at once; the body is drained so the client can read the answer.
      req.resume();
      return send(res, 413, { ok: false, error: tooLarge });
    }
    const raw = await bodyRead(req, maxBytes);
    if (raw === null) return send(res, 413, { ok: false, error: tooLarge });
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return send(res, 400, { ok: false, error: "the body is not JSON" });
    }
    const reply = await modelUpload(registry, body);
    send(res, reply.status, reply.body);
  };

  const fileServe = async (req: IncomingMessage, res: ServerResponse, id: string, version: number, file: string): Promise<void> => {
    const path = registry.filePath(id, version, file);
    const entry = registry.get(id);
    const hash = entry?.versions.find((v) => v.version === version)?.hash;
    const size = path ? (await stat(path).catch(() => null))?.size : undefined;
    if (!path || !hash || size === undefined) {
      return send(res, 404, { ok: false, error: `no file "${file}" in version ${version} of model "${id}"` });
    }
    // Versions are immutable, but numbers restart if the data folder is wiped: revalidate by content hash.
    const etag = `"${hash.slice(0, 32)}"`;
    const headers = { etag, "cache-control": "no-cache" };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      "content-type": file.endsWith(".json") ? "application/json; charset=utf-8" : "application/octet-stream",
      "content-length": size,
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(path)
      .on("error", (err) => {
        log(`reading ${path} failed`, err);
        res.destroy(err);
      })
      .pipe(res);
  };

  const methodNotAllowed = (res: ServerResponse, method: string, path: string, allow: string) => {
    res.setHeader("allow", allow);
    send(res, 405, { ok: false, error: `${method} not allowed on ${path}` });
  };

  /** Handles `/api/models` and everything under it; `path` has no trailing slash. */
  return (req: IncomingMessage, res: ServerResponse, path: string, method: string): void => {
    const run = (work: Promise<void>) =>
      void work.catch((err: unknown) => {
        log(`${method} ${path} failed`, err);
        if (!res.headersSent) send(res, 500, { ok: false, error: "internal error" });
        else res.destroy();
      });

    if (path === MODELS_PATH) {
      if (method === "GET") {
        const listing: ModelsListing = { revision: registry.revision(), models: registry.list().map(modelInfo) };
        return send(res, 200, listing);
      }
      if (method === "POST") return run(upload(req, res));
      return methodNotAllowed(res, method, path, "GET, POST");
    }
    // /api/models/<id>/versions/<n>/<file, which may sit in a subfolder>
    const [id, versions, n, ...fileParts] = path.slice(MODELS_PATH.length + 1).split("/").map(pathSegmentDecode);
    if (id && versions === "versions" && n && /^[1-9]\d{0,8}$/.test(n) && fileParts.length > 0 && !fileParts.includes(null)) {
      if (method !== "GET" && method !== "HEAD") return methodNotAllowed(res, method, path, "GET, HEAD");
      return run(fileServe(req, res, id, Number(n), fileParts.join("/")));
    }
    send(res, 404, { ok: false, error: `no API at ${path}` });
  };
}
