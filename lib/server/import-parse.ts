import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SessionData } from "../data/session-data";

/** What went wrong with the file itself (the user's to fix), as opposed to a server fault. */
export class ImportRefused extends Error {}

/** A parse that takes longer than this is stopped: no file within the import limit needs it. */
const PARSE_TIMEOUT_MS = 120_000;

/**
 * Parses an uploaded file on a worker thread: a 46 MB CSV (600k samples) takes ~2 s
 * to parse, which on the main thread would stall live relaying and recording for
 * that long. The worker loads TypeScript through tsx's loader, as the server does.
 */
export function sessionsParse(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<SessionData[]> {
  const entry = fileURLToPath(new URL("./import-parse-worker.ts", import.meta.url));
  // An eval'd bootstrap registers tsx in the worker, then loads the TypeScript entry.
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(`file://${entry}`)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { bytes, fileName, maxBytes } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ImportRefused(`${fileName}: reading it took over ${PARSE_TIMEOUT_MS / 1000} s; split it into smaller files`));
    }, PARSE_TIMEOUT_MS);
    worker.once("message", (m: { ok: true; sessions: SessionData[] } | { ok: false; importError: boolean; message: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (m.ok) resolve(m.sessions);
      else reject(m.importError ? new ImportRefused(m.message) : new Error(m.message));
    });
    worker.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
