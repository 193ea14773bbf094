import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import { Server } from "socket.io";
import { LIMITS } from "../protocol/limits";
import { createApiHandler } from "./http-api";
import { createHub, type Hub, type HubDeps } from "./hub";
import { lanAddresses, phoneBaseUrls } from "./lan";
import { modelRegistryStart, type ModelRegistry } from "./model-registry";
import { createSceneSettingsStore, type SceneSettingsStore } from "./scene-settings-store";
import { RecordingStore } from "../recordings/recording-store";
import { Recorder } from "./recorder";
import { StudyStore } from "../studies/study-store";
import { StudyRunner } from "./study-runner";
import { ReplayRunner } from "./replay-runner";
import { createSensorLoggerBridge, type SensorLoggerBridge } from "./sensor-logger-bridge";
import type { HubServer } from "./socket-types";
import { tlsMaterialLoad, type TlsMaterial } from "./tls";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface AppServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** null serves no HTTPS (tests); 0 picks a free port. */
  httpsPort: number | null;
  dataDir: string;
  certFile?: string;
  keyFile?: string;
  version: string;
  /** Everything that is not the API or socket.io: Next's handler, or a 404 in tests. */
  pageHandler?: RequestHandler;
  /** Websocket upgrades under /_next/ (dev hot reload), on both servers. */
  nextUpgradeHandler?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  hub?: HubDeps;
  /** Built-in models folder; `<cwd>/public/models` by default. User models live in `<dataDir>/models`. */
  modelsDir?: string;
  /** Watch tuning for tests: quiet time before a changed folder is scanned, and the backup poll. */
  modelWatch?: { debounceMs?: number; pollIntervalMs?: number };
  /** How often the recorder commits buffered samples (default 200 ms). */
  recordingFlushMs?: number;
}

export interface AppServer {
  hub: Hub;
  recordings: RecordingStore;
  recorder: Recorder;
  studies: StudyStore;
  studyRunner: StudyRunner;
  replays: ReplayRunner;
  sensorLogger: SensorLoggerBridge;
  models: ModelRegistry;
  scenes: SceneSettingsStore;
  io: HubServer;
  httpUrl: string;
  httpsUrl: string | null;
  phoneUrls: string[];
  tls: TlsMaterial | null;
  close(): Promise<void>;
}

const isLoopbackHost = (host: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);

/**
 * One Node process serves the pages, the API and socket.io on HTTP (the desktop, on
 * localhost: no certificate warning) and HTTPS (phones on the LAN: secure context).
 */
export async function startAppServer(opts: AppServerOptions): Promise<AppServer> {
  const host = opts.host ?? "0.0.0.0";
  let httpsPort: number | null = null;
  let phoneUrls: string[] = [];
  const pageHandler: RequestHandler =
    opts.pageHandler ??
    ((_req, res) => {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    });

  let api: ReturnType<typeof createApiHandler> | null = null;
  const handle = (secure: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (api?.(req, res)) return;
    } catch (err) {
      console.error("[server] API handler failed", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: "internal error" }));
      return;
    }
    const reqHost = req.headers.host ?? "";
    // A phone that typed the plain-HTTP LAN address would get a page without motion sensors.
    if (!secure && httpsPort && req.url?.startsWith("/phone") && !isLoopbackHost(reqHost)) {
      const hostname = reqHost.replace(/:\d+$/, "");
      res.writeHead(307, { location: `https://${hostname}:${httpsPort}${req.url}` });
      res.end();
      return;
    }
    void Promise.resolve(pageHandler(req, res)).catch((err: unknown) => {
      console.error("[server] page handler failed", err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  const httpServer: HttpServer = createHttpServer(handle(false));
  let httpsServer: HttpsServer | null = null;
  let tls: TlsMaterial | null = null;
  if (opts.httpsPort !== null) {
    tls = await tlsMaterialLoad({
      dataDir: opts.dataDir,
      hosts: ["localhost", "127.0.0.1", ...lanAddresses()],
      certFile: opts.certFile,
      keyFile: opts.keyFile,
    });
    httpsServer = createHttpsServer({ key: tls.key, cert: tls.cert }, handle(true));
  }

  // First: a database that cannot be opened (newer schema, locked) stops the start before anything runs.
  const recordings = RecordingStore.open(opts.dataDir);
  const io: HubServer = new Server({
    serveClient: false,
    maxHttpBufferSize: LIMITS.transportMaxBytes,
    // Next's dev server upgrades its own HMR socket on the same HTTP server.
    destroyUpgrade: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
  // One engine per listening server; socket.io keeps a reference to the last only.
  const engines = [io.attach(httpServer).engine];
  if (httpsServer) engines.push(io.attach(httpsServer).engine);
  const hub = createHub(io, opts.hub);
  const models = await modelRegistryStart({
    builtinDir: opts.modelsDir ?? join(process.cwd(), "public", "models"),
    dataDir: opts.dataDir,
    ...opts.modelWatch,
  });
  // Every socket, phones included: the event is tiny and rare, and the desktop may not be watching a room yet.
  models.onChange((revision) => io.emit("models:changed", { revision }));
  const recorder = new Recorder({ store: recordings, hub, flushIntervalMs: opts.recordingFlushMs });
  let ownUrl = "";
  const replays = new ReplayRunner({ store: recordings, hub, serverUrl: () => ownUrl });
  const studies = new StudyStore(recordings);
  const studyRunner = new StudyRunner({ studies, recordings, recorder, hub });
  const scenes = createSceneSettingsStore({ dir: join(opts.dataDir, "scenes") });
  // Every socket: a desktop showing the scene may watch no room, and another laptop may have saved.
  scenes.onChange((stored) => io.emit("scenes:settings", stored));
  const nextUpgrade = opts.nextUpgradeHandler;
  if (nextUpgrade) {
    for (const server of [httpServer, httpsServer]) {
      server?.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (req.url?.startsWith("/_next/")) nextUpgrade(req, socket, head);
      });
    }
  }

  try {
    await listen(httpServer, opts.port, host);
    if (httpsServer && opts.httpsPort !== null) {
      await listen(httpsServer, opts.httpsPort, host);
      httpsPort = (httpsServer.address() as AddressInfo).port;
      phoneUrls = phoneBaseUrls(lanAddresses(), httpsPort);
    }
  } catch (err) {
    // Nothing started here may outlive a failed start.
    studyRunner.close();
    recorder.close();
    recordings.close();
    hub.close();
    await models.close();
    httpServer.close();
    io.close();
    throw err;
  }
  const httpPort = (httpServer.address() as AddressInfo).port;
  // In-process devices (replays, Sensor Logger) join over loopback; "localhost" may resolve to ::1.
  const loopback = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  ownUrl = `http://${loopback}:${httpPort}`;
  const sensorLogger = createSensorLoggerBridge({ serverUrl: () => ownUrl });
  const startedAtMs = Date.now();
  api = createApiHandler({
    hub,
    version: opts.version,
    startedAtMs,
    network: () => ({ phoneBaseUrls: httpsPort ? phoneBaseUrls(lanAddresses(), httpsPort) : [], httpsPort }),
    models,
    scenes,
    recordings: { store: recordings, recorder, replays },
    studies: { studies, runner: studyRunner },
    sensorLogger,
  });

  return {
    hub,
    recordings,
    recorder,
    studies,
    studyRunner,
    replays,
    sensorLogger,
    models,
    scenes,
    io,
    httpUrl: `http://localhost:${httpPort}`,
    httpsUrl: httpsPort ? `https://localhost:${httpsPort}` : null,
    phoneUrls,
    tls,
    async close() {
      // In-process devices drain into the hub first; then recordings end as complete
      // ("server stopped"), every buffered sample committed.
      await sensorLogger.close();
      replays.close();
      studyRunner.close();
      recorder.close();
      hub.close();
      await models.close();
      // A save in flight finishes on disk before the data dir may be reused or removed.
      await scenes.close();
      // Closing transports, not sockets: clients see a dropped connection and keep
      // reconnecting (with their buffers) until a server is back.
      for (const engine of engines) engine.close();
      await Promise.all([closeServer(httpServer), httpsServer ? closeServer(httpsServer) : Promise.resolve()]);
      io.close();
      recordings.close();
    },
  };
}

function listen(server: HttpServer | HttpsServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === "EADDRINUSE" ? new Error(`Port ${port} is in use. Set PORT / HTTPS_PORT to free ports.`) : err);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeServer(server: HttpServer | HttpsServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
