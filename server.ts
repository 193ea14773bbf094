import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import next from "next";
import { startAppServer } from "./lib/server/app-server";
import { bannerText } from "./lib/server/banner";

/** Thin entry: reads the environment, wires Next to the app server, prints where to go. */
// Labs and CI often have no internet; nothing here should phone home. Users may opt in.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const httpsEnv = process.env.HTTPS_PORT ?? "3443";
const httpsPort = httpsEnv === "off" ? null : Number(httpsEnv);
const dataDir = process.env.DATA_DIR ?? "./data";
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// Next hooks its dev hot-reload websocket onto whichever server served the first
// request, which leaves the other (often the phones' HTTPS) without it, and a Next 16
// dev page waits for that socket before hydrating. Next listens on this relay
// instead, and both real servers forward their /_next upgrades to it.
const upgradeRelay = new EventEmitter();
const upgradeSink = upgradeRelay as unknown as Server;
const app = next({ dev, hostname: "localhost", port, httpServer: upgradeSink });
await app.prepare();
const nextHandler = app.getRequestHandler();

const server = await startAppServer({
  port,
  httpsPort,
  host: process.env.HOST ?? "0.0.0.0",
  dataDir,
  certFile: process.env.HTTPS_CERT,
  keyFile: process.env.HTTPS_KEY,
  version,
  pageHandler: (req, res) => nextHandler(req, res),
  ...(dev ? { nextUpgradeHandler: (req, socket, head) => upgradeRelay.emit("upgrade", req, socket, head) } : {}),
});

const certNote =
  server.tls?.origin === "user"
    ? `HTTPS certificate: ${server.tls.path}`
    : server.tls
      ? `HTTPS uses a self-signed certificate (${server.tls.path}); phones show a warning once: tap "Advanced" > "Proceed" (Android) or "Show Details" > "visit this website" (iPhone).`
      : null;
console.log(
  await bannerText({ httpUrl: server.httpUrl, phoneUrls: server.phoneUrls, certNote, dev, modelDirs: [server.models.builtinDir, server.models.userDir] }),
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    void server.close().then(() => process.exit(0));
  });
}
