import { parentPort, workerData } from "node:worker_threads";
import { ImportError } from "../data/import-error";
import { sessionsFromFile } from "../data/session-import";

/**
 * Runs in a worker thread (see import-parse.ts): parses one uploaded file into
 * sessions and posts them back, sample buffers transferred rather than copied.
 */
const { bytes, fileName, maxBytes } = workerData as { bytes: Uint8Array; fileName: string; maxBytes: number };
try {
  const sessions = sessionsFromFile(bytes, fileName, { maxBytes });
  const buffers = sessions.flatMap((s) => s.devices.map((d) => d.samples.buffer as ArrayBuffer));
  parentPort!.postMessage({ ok: true, sessions }, [...new Set(buffers)]);
} catch (err) {
  parentPort!.postMessage({ ok: false, importError: err instanceof ImportError, message: (err as Error).message });
}
