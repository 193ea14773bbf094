import type { IncomingMessage, ServerResponse } from "node:http";
import { roomCodeParse } from "../protocol/room-code";
import { PROTOCOL_VERSION } from "../protocol/version";
import type { Hub } from "./hub";
import type { ModelRegistry } from "./model-registry";
import { pathSegmentDecode } from "./body-read";
import { createModelRoutes, MODELS_PATH } from "./model-routes";
import { createSceneRoutes, SCENES_PATH } from "./scene-routes";
import type { SceneSettingsStore } from "./scene-settings-store";
import type { RecordingStore } from "../recordings/recording-store";
import type { Recorder } from "./recorder";
import { createRecordingRoutes, RECORDINGS_PATH, REPLAYS_PATH } from "./recording-routes";
import type { ReplayRunner } from "./replay-runner";
import type { SensorLoggerBridge } from "./sensor-logger-bridge";
import type { StudyStore } from "../studies/study-store";
import { createStudyRoutes, STUDIES_PATH, STUDY_SESSIONS_PATH } from "./study-routes";
import type { StudyRunner } from "./study-runner";
import { createSensorLoggerRoutes, sensorLoggerPathMatch } from "./sensor-logger-routes";

export interface ApiDeps {
  hub: Hub;
  version: string;
  startedAtMs: number;
  nowMs?: () => number;
  /** Phone URLs for the LAN, for the desktop's QR code. */
  network: () => { phoneBaseUrls: string[]; httpsPort: number | null };
  /** Serves /api/models when given. */
  models?: ModelRegistry;
  modelUploadMaxBytes?: number;
  /** Serves /api/scenes/ID/settings when given. */
  scenes?: SceneSettingsStore;
  /** Serves /api/recordings and /api/replays when given. */
  recordings?: { store: RecordingStore; recorder: Recorder; replays: ReplayRunner };
  /** Serves /api/studies and /api/study-sessions when given. */
  studies?: { studies: StudyStore; runner: StudyRunner };
  /** Serves POST /api/rooms/CODE/sensor-logger when given. */
  sensorLogger?: SensorLoggerBridge;
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(json);
}

/**
 * The small HTTP API next to the socket. Returns false for paths it does not own so
 * the caller hands them to Next.
 */
export function createApiHandler(deps: ApiDeps) {
  const nowMs = deps.nowMs ?? Date.now;
  const models = deps.models ? createModelRoutes({ registry: deps.models, uploadMaxBytes: deps.modelUploadMaxBytes, send }) : null;
  const scenes = deps.scenes ? createSceneRoutes({ store: deps.scenes, send }) : null;
  const recordings = deps.recordings ? createRecordingRoutes({ ...deps.recordings, send }) : null;
  const studies = deps.studies ? createStudyRoutes({ ...deps.studies, send }) : null;
  const sensorLogger = deps.sensorLogger
    ? createSensorLoggerRoutes({ bridge: deps.sensorLogger, rooms: (code) => deps.hub.rooms.get(code) !== undefined, send })
    : null;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://local");
    const path = url.pathname.replace(/\/+$/, "");
    if (!path.startsWith("/api/")) return false;
    const method = req.method ?? "GET";

    if (path === "/api/health" && method === "GET") {
      send(res, 200, { ok: true, version: deps.version, protocol: PROTOCOL_VERSION, uptimeS: Math.round((nowMs() - deps.startedAtMs) / 1000) });
    } else if (path === "/api/rooms" && method === "POST") {
      send(res, 201, { code: deps.hub.roomCreate().code });
    } else if (path === "/api/rooms" && method === "GET") {
      const now = nowMs();
      send(res, 200, { rooms: deps.hub.rooms.all().map((r) => deps.hub.rooms.state(r, now)) });
    } else if (sensorLogger && sensorLoggerPathMatch(path)) {
      sensorLogger(req, res, path, method);
    } else if (path.startsWith("/api/rooms/") && method === "GET") {
      const code = roomCodeParse(pathSegmentDecode(path.slice("/api/rooms/".length)) ?? "");
      const room = code ? deps.hub.rooms.get(code) : undefined;
      if (room) send(res, 200, deps.hub.rooms.state(room, nowMs()));
      else send(res, 404, { ok: false, error: "no such room" });
    } else if (models && (path === MODELS_PATH || path.startsWith(`${MODELS_PATH}/`))) {
      models(req, res, path, method);
    } else if (scenes && (path === SCENES_PATH || path.startsWith(`${SCENES_PATH}/`))) {
      scenes(req, res, path, method);
    } else if (recordings && [RECORDINGS_PATH, REPLAYS_PATH].some((p) => path === p || path.startsWith(`${p}/`))) {
      recordings(req, res, path, method);
    } else if (studies && [STUDIES_PATH, STUDY_SESSIONS_PATH].some((p) => path === p || path.startsWith(`${p}/`))) {
      studies(req, res, path, method);
    } else if (path === "/api/network" && method === "GET") {
      send(res, 200, deps.network());
    } else if (["/api/health", "/api/rooms", "/api/network"].includes(path)) {
      res.setHeader("allow", path === "/api/rooms" ? "GET, POST" : "GET");
      send(res, 405, { ok: false, error: `${method} not allowed on ${path}` });
    } else {
      send(res, 404, { ok: false, error: `no API at ${path}` });
    }
    return true;
  };
}
