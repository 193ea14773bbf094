import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export interface Reading {
  accelerometer: { x: number; y: number; z: number };
  linear: { x: number; y: number; z: number };
  /** rad/s as the sensor reports it; the page receives deg/s. */
  gyroscope: { x: number; y: number; z: number };
}

export const WRIST_AT_REST: Reading = {
  accelerometer: { x: 0.3, y: 1.2, z: 9.7 },
  linear: { x: 0.05, y: -0.02, z: 0.01 },
  gyroscope: { x: 0.1, y: -0.05, z: 0.2 },
};

/**
 * Real (trusted) devicemotion events from Chromium's sensor emulation. Chromium
 * only wires them up when the override is set before the page loads.
 */
export async function sensorsEmulate(context: BrowserContext, page: Page, reading: Reading) {
  const cdp = await context.newCDPSession(page);
  const sensors = [
    ["accelerometer", reading.accelerometer],
    ["linear-acceleration", reading.linear],
    ["gyroscope", reading.gyroscope],
  ] as const;
  for (const [type, xyz] of sensors) {
    await cdp.send("Emulation.setSensorOverrideEnabled", { enabled: true, type });
    await cdp.send("Emulation.setSensorOverrideReadings", { type, reading: { xyz } });
  }
  return cdp;
}

export async function roomCodeOf(desktop: Page): Promise<string> {
  const text = (await desktop.getByTestId("room-code").textContent()) ?? "";
  return text.replace(/[^A-Z0-9]/g, "");
}

export async function roomsApi(page: Page) {
  const res = await page.request.get("/api/rooms");
  return ((await res.json()) as { rooms: { code: string; devices: { id: string; name: string; source: string; rateHz: number; dropped: number; samples: number }[] }[] }).rooms;
}

/** The desktop with its simulated phone streaming `motion` and the detector runtime up. */
export async function desktopWithSim(page: Page, motion: string) {
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 60_000 });
  await page.getByTestId("sim-motion").selectOption(motion);
  await page.getByTestId("sim-toggle").click();
  await expect(page.getByTestId("detector-panel")).toHaveAttribute("data-backend", /webgl|wasm|cpu/, { timeout: 30_000 });
}

/** A phone page (mobile viewport, emulated sensors at rest) joined to `room` and streaming. */
export async function phoneStreaming(browser: Browser, room: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await sensorsEmulate(context, page, WRIST_AT_REST);
  await page.goto(`/phone?room=${room}`);
  await page.getByTestId("phone-start").click();
  await expect(page.getByTestId("phone-status")).toHaveAttribute("data-state", "streaming");
  return { context, page };
}
