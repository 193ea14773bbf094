import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The wasm binaries of TF.js's wasm backend, served from the installed npm package
 * so the browser never fetches them from a CDN (there is none offline) and they
 * always match the JavaScript that loads them.
 */
const FILES = new Set(["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"]);

function distDir(): string {
  const require = createRequire(join(process.cwd(), "package.json"));
  return dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
}

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params;
  if (!FILES.has(file)) return new Response(`no wasm file named ${file}`, { status: 404 });
  const bytes = await readFile(join(distDir(), file));
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": "application/wasm", "cache-control": "public, max-age=86400" },
  });
}
