import { startAppServer } from "@/lib/server/app-server";

/**
 * The real app server (no pages) in a process of its own, so a test can SIGKILL it
 * mid-recording and start another on the same data dir. Prints `{"url": ...}` once listening.
 */
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR is required");
const server = await startAppServer({
  port: Number(process.env.PORT ?? 0),
  httpsPort: null,
  host: "127.0.0.1",
  dataDir,
  modelsDir: `${dataDir}/builtin-models`,
  version: "test",
  hub: { log: () => {} },
});
process.stdout.write(`${JSON.stringify({ url: server.httpUrl.replace("localhost", "127.0.0.1") })}\n`);
