import type { IncomingMessage, ServerResponse } from "node:http";
import { SENSOR_LOGGER_FRAMES, type SensorLoggerFrames } from "../native/sensor-logger-frames";
import { SENSOR_LOGGER_MAX_BYTES, sensorLoggerPushSchema } from "../native/sensor-logger-schema";
import { roomCodeFormat, roomCodeParse, type RoomCode } from "../protocol/room-code";
import { issuesToMessage } from "../protocol/schemas";
import { jsonBodyRead, pathSegmentDecode } from "./body-read";
import type { SensorLoggerBridge, SensorLoggerPushResult } from "./sensor-logger-bridge";

/**
 * `POST /api/rooms/<ROOM>/sensor-logger[?frames=auto|standard|ios]`: the Push URL to
 * enter in Sensor Logger (Settings > Data Streaming > HTTP Push). The room is in the
 * URL because the app's body says nothing about where it should go.
 *
 * Answers are JSON sentences like the rest of the API. Sensor Logger shows a server's
 * text to the user only for status 499 (README, "Setting Up Server"); other statuses
 * appear in the app as the bare code, e.g. after "Tap to Test Pushing".
 */

const PATH = /^\/api\/rooms\/([^/]+)\/sensor-logger$/;

/** True for the paths this module answers (without a trailing slash, as the API handler passes them). */
export function sensorLoggerPathMatch(path: string): boolean {
  return PATH.test(path);
}

/**
 * What the user should change in the app, when a push was taken but cannot make samples.
 * Still a 200: the push itself is fine, and the app shows other statuses as failures.
 */
function pushWarning(result: SensorLoggerPushResult): { warning?: string } {
  if (result.noAcceleration) {
    return { warning: "No Accelerometer or Total Acceleration readings arrived, so the phone makes no samples: turn on Accelerometer in Sensor Logger." };
  }
  if (result.unpaired > 0) {
    return { warning: "Accelerometer readings arrived without Gravity: turn on the Gravity sensor in Sensor Logger (its Accelerometer excludes gravity)." };
  }
  return {};
}

export interface SensorLoggerRoutesDeps {
  bridge: SensorLoggerBridge;
  /** Whether the room exists now. */
  rooms: (code: RoomCode) => boolean;
  send: (res: ServerResponse, status: number, body: unknown) => void;
  /** SENSOR_LOGGER_MAX_BYTES unless a test wants less. */
  maxBytes?: number;
  log?: (msg: string, err?: unknown) => void;
}

export function createSensorLoggerRoutes(deps: SensorLoggerRoutesDeps) {
  const { bridge, rooms, send } = deps;
  const maxBytes = deps.maxBytes ?? SENSOR_LOGGER_MAX_BYTES;
  const log = deps.log ?? ((msg, err) => console.error(`[sensor-logger] ${msg}`, err ?? ""));
  const tooLarge = `A Sensor Logger push is limited to ${Math.round(maxBytes / 1024 / 1024)} MB: shorten the batch period in the app.`;

  /** Answers before the body is read; the body is drained so the client can read the answer. */
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, error: string) => {
    req.resume();
    send(res, status, { ok: false, error });
  };

  const post = async (req: IncomingMessage, res: ServerResponse, room: RoomCode, frames: SensorLoggerFrames) => {
    const body = await jsonBodyRead(req, res, { maxBytes, tooLarge, send });
    if (!body) return;
    const parsed = sensorLoggerPushSchema.safeParse(body.value);
    if (!parsed.success) return send(res, 400, { ok: false, error: `Not a Sensor Logger push: ${issuesToMessage(parsed.error)}` });
    const result = await bridge.push(room, parsed.data, frames);
    if (!result.ok) {
      res.setHeader("retry-after", String(result.retryAfterS));
      return send(res, result.status, { ok: false, error: result.error });
    }
    send(res, 200, { ...result, ...pushWarning(result) });
  };

  /** Handles a path for which {@link sensorLoggerPathMatch} is true. */
  return (req: IncomingMessage, res: ServerResponse, path: string, method: string): void => {
    if (method !== "POST") {
      res.setHeader("allow", "POST");
      return refuse(req, res, 405, `${method} not allowed on ${path}: Sensor Logger sends POST`);
    }
    const segment = path.match(PATH)?.[1] ?? "";
    const code = roomCodeParse(pathSegmentDecode(segment) ?? "");
    if (!code) return refuse(req, res, 404, `"${segment}" is not a room code: use the 6-character code shown on the desktop page.`);
    if (!rooms(code)) return refuse(req, res, 404, `No room ${roomCodeFormat(code)}: open the desktop page first.`);
    const frames = new URL(req.url ?? "/", "http://local").searchParams.get("frames") ?? "auto";
    if (!(SENSOR_LOGGER_FRAMES as readonly string[]).includes(frames)) {
      return refuse(req, res, 400, `frames=${frames} is unknown: use ${SENSOR_LOGGER_FRAMES.join(", ")}.`);
    }
    void post(req, res, code, frames as SensorLoggerFrames).catch((err: unknown) => {
      log(`POST ${path} failed`, err);
      if (!res.headersSent) send(res, 500, { ok: false, error: "internal error" });
      else res.destroy();
    });
  };
}
