import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else a system
 * Chromium or Chrome, else Playwright's own download (on machines with internet).
 * Null when there is none: scripts/ensure-browser.ts then installs one.
 */
export const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export function browserPathFind(): { path: string; origin: string } | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv, origin: "CHROMIUM_PATH" } : null;
  for (const path of SYSTEM_BROWSERS) if (existsSync(path)) return { path, origin: "system" };
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, origin: "playwright" };
  } catch {
    // Playwright throws when its browsers were never installed; that is "none".
  }
  return null;
}

/** Flags for a headless Chromium on a machine with no GPU and a closed network. */
export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
