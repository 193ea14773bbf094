import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

/**
 * Picks the TF.js backend once per process or worker: the first of `order` that
 * initialises. webgl is absent in Node and may fail in a browser without a GPU
 * context; wasm needs its `.wasm` binaries at `wasmPath`. No Node imports: this is
 * bundled into the browser worker (Node's dist path is in `tf-wasm-dist-path.ts`).
 */

export type TfBackendName = "webgl" | "wasm" | "cpu";

export interface TfBackendOptions {
  /** Folder (URL in the browser, path in Node) holding the wasm binaries, with a trailing slash. */
  wasmPath?: string;
}

let current: { key: string; result: Promise<TfBackendName> } | null = null;

async function backendTry(name: TfBackendName, wasmPath: string | undefined): Promise<string | null> {
  // setWasmPaths throws once the wasm backend has started initialising, and is moot after.
  if (name === "wasm" && wasmPath !== undefined && !tf.findBackend("wasm")) setWasmPaths(wasmPath);
  try {
    // Resolves false when the backend's factory fails, throws when it is not registered at all.
    return (await tf.setBackend(name)) ? null : "did not initialise";
  } catch (e) {
    return (e as Error).message;
  }
}

async function backendPick(order: readonly TfBackendName[], wasmPath: string | undefined): Promise<TfBackendName> {
  const failures: string[] = [];
  for (const name of order) {
    const failure = await backendTry(name, wasmPath);
    if (failure === null) {
      await tf.ready();
      return name;
    }
    failures.push(`${name}: ${failure}`);
  }
  throw new Error(`no TF.js backend could start (${failures.join("; ") || "none was asked for"})`);
}

/**
 * Makes the first backend of `order` that works the current one and resolves to its
 * name. A repeated call with the same arguments shares the first call's promise (React
 * StrictMode runs effects twice); a call with other arguments waits for the previous
 * one, then picks again, so two callers never race inside `tf.setBackend`.
 */
export function tfBackendInit(order: readonly TfBackendName[], opts: TfBackendOptions = {}): Promise<TfBackendName> {
  const key = JSON.stringify([order, opts.wasmPath ?? null]);
  if (current?.key === key) return current.result;
  const previous = current?.result.catch(() => null) ?? Promise.resolve(null);
  const result = previous.then(() => backendPick(order, opts.wasmPath));
  current = { key, result };
  // A failed pick must not be handed out forever: the next call tries again.
  result.catch(() => {
    if (current?.result === result) current = null;
  });
  return result;
}
