import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * `npm start`: build when the sources are newer than the last production build,
 * then serve it. Saves the two-step dance before a demo and never serves stale pages.
 */
const SOURCES = ["app", "components", "lib", "public", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

const buildId = join(".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map(newestMtimeMs));
if (builtAt < changedAt) {
  console.log(builtAt ? "Sources changed since the last build: building..." : "No production build yet: building...");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) {
    console.error("next build failed; fix the errors above and run npm start again.");
    process.exit(result.status ?? 1);
  }
}

Object.assign(process.env, { NODE_ENV: "production" });
await import("../server");
