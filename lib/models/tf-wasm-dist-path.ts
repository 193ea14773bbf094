import { createRequire } from "node:module";
import { dirname } from "node:path";

/**
 * Node only: the folder holding tfjs-backend-wasm's `.wasm` binaries (its `dist/`),
 * with the trailing slash `setWasmPaths` needs. Browsers get them from a URL instead.
 */
export function tfWasmDistPath(): string {
  const require = createRequire(import.meta.url);
  return `${dirname(require.resolve("@tensorflow/tfjs-backend-wasm"))}/`;
}
