import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BROWSER_ARGS, browserPathFind } from "./scripts/browser-path";

const port = Number(process.env.E2E_PORT ?? 3210);
// Set in the environment so test workers (started after this file is read) share it: tests write model folders there.
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "wristlab-e2e-")));

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // Two cores run the server, the build cache and Chromium: one worker keeps timings honest.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: { executablePath: browserPathFind()?.path, args: BROWSER_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    // The README's `npm start`: builds when needed, then serves the production app.
    command: "npm start",
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: String(port), HTTPS_PORT: String(port + 443), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
