import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionCsvLines } from "../data/export-csv";
import { sessionToEdgeImpulse, sessionToEdgeImpulseLabels } from "../data/export-edge-impulse";
import { sessionJsonlLines } from "../data/export-jsonl";
import {
  annotationsPutSchema,
  EXPORT_FORMATS,
  IMPORT_MAX_BYTES,
  liveLabelSchema,
  recordedEventsSchema,
  recordingPatchSchema,
  recordingStartSchema,
  replayStartSchema,
  SAMPLES_CONTENT_TYPE,
  type ExportFormat,
} from "../protocol/recordings";
import type { RecordingStore } from "../recordings/recording-store";
import { RecordingStoreError } from "../recordings/recording-store-error";
import { bodyRead, pathSegmentDecode } from "./body-read";
import { routeKit } from "./route-kit";
import { ImportRefused, sessionsParse } from "./import-parse";
import type { Recorder } from "./recorder";
import type { ReplayRunner } from "./replay-runner";

export const RECORDINGS_PATH = "/api/recordings";
export const REPLAYS_PATH = "/api/replays";
const JSON_MAX_BYTES = 4 * 1024 * 1024;

export interface RecordingRoutesDeps {
  store: RecordingStore;
  recorder: Recorder;
  replays: ReplayRunner;
  send: (res: ServerResponse, status: number, body: unknown) => void;
  importMaxBytes?: number;
  log?: (msg: string, err?: unknown) => void;
}

type Route = (req: IncomingMessage, res: ServerResponse, id: string, rest: string[], url: URL) => Promise<void> | void;

/** Lines written per turn of the event loop while streaming an export: live recording keeps its pace meanwhile. */
const EXPORT_LINES_PER_TURN = 5000;

/** ASCII fallback plus the exact UTF-8 name (RFC 6266), so "Séance 1" downloads as itself. */
const attachment = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/**
 * Writes a text export a few thousand lines at a time, yielding between them and
 * waiting when the socket's buffer is full: an hour of several phones is hundreds of
 * MB, more than fits in one string and far too long to block the server for.
 */
async function streamLines(res: ServerResponse, fileName: string, type: string, lines: Iterator<string>): Promise<void> {
  res.writeHead(200, { "content-type": type, "content-disposition": attachment(fileName), "cache-control": "no-store" });
  for (;;) {
    let chunk = "";
    let done = false;
    for (let i = 0; i < EXPORT_LINES_PER_TURN; i++) {
      const next = lines.next();
      if (next.done) {
        done = true;
        break;
      }
      chunk += `${next.value}\n`;
    }
    if (res.destroyed) return;
    const flowing = res.write(chunk);
    if (done) break;
    if (!flowing) await new Promise<void>((resolve) => res.once("drain", resolve));
    // Also after a drain: on loopback the next drain comes within the same I/O phase, and
    // chaining on drains alone starved timers (the hub's ticks) for over a second (measured).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  res.end();
}

const MB = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const fileSlug = (name: string) => name.replace(/[\\/:*?"<>|\x00-\x1f]+/g, "-").replace(/^[-.\s]+|[-.\s]+$/g, "").slice(0, 60) || "recording";

/**
 * `/api/recordings/...` and `/api/replays/...` (docs/recordings.md). Refusals are
 * `{ok: false, error}` with a sentence for the screen; store errors carry their status.
 */
export function createRecordingRoutes(deps: RecordingRoutesDeps) {
  const { store, recorder, replays, send } = deps;
  const importMax = deps.importMaxBytes ?? IMPORT_MAX_BYTES;
  const log = deps.log ?? ((msg, err) => console.error(`[recordings] ${msg}`, err ?? ""));
  const { fail, body, notAllowed, guarded } = routeKit(send, { bodyMaxBytes: JSON_MAX_BYTES, tooLarge: `a request body is limited to ${MB(JSON_MAX_BYTES)}`, log });

  const found = <T>(value: T | null, id: string): T => {
    if (value === null) throw new RecordingStoreError(404, `No recording ${id}.`);
    return value;
  };

  const importFile = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const name = url.searchParams.get("name")?.trim() || "upload";
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > importMax) {
      req.resume();
      return fail(res, 413, `${name} is ${MB(declared)}, over the ${MB(importMax)} import limit: split it into smaller files.`);
    }
    const raw = await bodyRead(req, importMax);
    if (raw === null) return fail(res, 413, `${name} is over the ${MB(importMax)} import limit: split it into smaller files.`);
    let sessions;
    try {
      sessions = await sessionsParse(raw, name, importMax);
    } catch (err) {
      if (err instanceof ImportRefused) return fail(res, 400, err.message);
      throw err;
    }
    const ids = store.importSessions(sessions, name);
    send(res, 201, { recordings: ids.map((id) => store.summary(id)) });
  };

  const exportFile = async (res: ServerResponse, id: string, url: URL) => {
    const format = url.searchParams.get("format") ?? "csv";
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) return fail(res, 400, `format must be one of ${EXPORT_FORMATS.join(", ")}`);
    const session = found(await store.session(id), id);
    const deviceId = url.searchParams.get("device") ?? undefined;
    if (deviceId && !session.devices.some((d) => d.id === deviceId)) return fail(res, 404, `No device "${deviceId}" in this recording.`);
    const base = fileSlug(session.name);
    if (format === "csv") return streamLines(res, `${base}.csv`, "text/csv; charset=utf-8", sessionCsvLines(session, { deviceId }));
    if (format === "jsonl") return streamLines(res, `${base}.jsonl`, "application/x-ndjson; charset=utf-8", sessionJsonlLines(session));
    const only = deviceId ?? (session.devices.length === 1 ? session.devices[0]!.id : null);
    if (!only) return fail(res, 400, "An Edge Impulse file holds one device: add &device=ID (see the recording's devices).");
    let file;
    try {
      file = format === "edge-impulse" ? sessionToEdgeImpulse(session, only) : sessionToEdgeImpulseLabels(session, only);
    } catch (err) {
      // Too few samples inside the trim for a fixed-interval file: the caller's choice, not a server fault.
      return fail(res, 400, (err as Error).message);
    }
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-disposition": attachment(file.fileName), "cache-control": "no-store" });
    res.end(file.json);
  };

  const samples: Route = (_req, res, id, rest) => {
    const deviceId = pathSegmentDecode(rest[0] ?? "") ?? "";
    const s = store.deviceSamples(id, deviceId);
    if (!s) return fail(res, 404, `No device "${deviceId}" in recording ${id}.`);
    const bytes = Buffer.from(s.rows.buffer, s.rows.byteOffset, s.rows.byteLength);
    res.writeHead(200, { "content-type": SAMPLES_CONTENT_TYPE, "content-length": bytes.length, "cache-control": "no-store" });
    res.end(bytes);
  };

  const byId: Record<string, Record<string, Route>> = {
    "": {
      GET: (_q, res, id) => send(res, 200, found(store.detail(id), id)),
      PATCH: async (req, res, id) => {
        const p = await body(req, res, recordingPatchSchema);
        if (p) send(res, 200, store.rename(id, p.name));
      },
      DELETE: (_q, res, id) => {
        if (recorder.isRunning(id)) return fail(res, 409, "The recording is still running: stop it before deleting it.");
        if (!store.remove(id)) return fail(res, 404, `No recording ${id}.`);
        res.writeHead(204).end();
      },
    },
    stop: { POST: (_q, res, id) => send(res, 200, recorder.stop(id)) },
    label: {
      POST: async (req, res, id) => {
        const p = await body(req, res, liveLabelSchema);
        if (p) send(res, 200, { ok: true, recording: recorder.label(id, p.label, p.atServerMs) });
      },
    },
    events: {
      POST: async (req, res, id) => {
        const p = await body(req, res, recordedEventsSchema);
        if (!p) return;
        recorder.events(id, p.events);
        send(res, 200, { ok: true });
      },
    },
    annotations: {
      PUT: async (req, res, id) => {
        const p = await body(req, res, annotationsPutSchema);
        if (p) send(res, 200, store.annotationsPut(id, p));
      },
    },
    undo: { POST: (_q, res, id) => send(res, 200, store.undo(id)) },
    redo: { POST: (_q, res, id) => send(res, 200, store.redo(id)) },
    export: { GET: (_q, res, id, _rest, url) => exportFile(res, id, url) },
    devices: { GET: samples },
    replay: {
      POST: async (req, res, id) => {
        const p = await body(req, res, replayStartSchema);
        if (p) send(res, 201, await replays.start(id, p));
      },
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, path: string, method: string, url: URL) => {
    if (path === REPLAYS_PATH) return method === "GET" ? send(res, 200, { replays: replays.list() }) : notAllowed(res, method, path, "GET");
    if (path.startsWith(`${REPLAYS_PATH}/`)) {
      const rid = pathSegmentDecode(path.slice(REPLAYS_PATH.length + 1)) ?? "";
      return method === "DELETE" ? send(res, 200, replays.stop(rid)) : notAllowed(res, method, path, "DELETE");
    }
    if (path === RECORDINGS_PATH) {
      if (method === "GET") return send(res, 200, { recordings: store.list() });
      if (method !== "POST") return notAllowed(res, method, path, "GET, POST");
      const p = await body(req, res, recordingStartSchema);
      return p ? send(res, 201, recorder.start(p)) : undefined;
    }
    if (path === `${RECORDINGS_PATH}/import`) return method === "POST" ? importFile(req, res, url) : notAllowed(res, method, path, "POST");
    const [rawId, sub = "", ...rest] = path.slice(RECORDINGS_PATH.length + 1).split("/");
    const id = pathSegmentDecode(rawId ?? "");
    const routes = id ? byId[sub] : undefined;
    if (!id || !routes || (sub === "devices" ? rest.length !== 2 || rest[1] !== "samples" : rest.length > 0)) return fail(res, 404, `no API at ${path}`);
    const route = routes[method];
    if (!route) return notAllowed(res, method, path, Object.keys(routes).join(", "));
    await route(req, res, id, rest, url);
  };

  /** Handles `/api/recordings...` and `/api/replays...`; `path` has no trailing slash. */
  return guarded(handle);
}
