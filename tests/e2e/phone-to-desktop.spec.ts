import { expect, test } from "@playwright/test";
import { WRIST_AT_REST, roomCodeOf, roomsApi, sensorsEmulate } from "./helpers";

test("a phone page streams real devicemotion to the desktop at ~60 Hz", async ({ browser }, testInfo) => {
  const desktopContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const desktop = await desktopContext.newPage();
  await desktop.goto("/");
  await expect(desktop.getByTestId("room-code")).toHaveText(/^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);
  await expect(desktop.getByTestId("room-qr")).toBeVisible();
  await expect(desktop.getByTestId("connection-status")).toHaveAttribute("data-state", "connected");
  const code = await roomCodeOf(desktop);
  await expect(desktop.getByTestId("phone-url")).toContainText(`/phone?room=${code}`);
  await desktop.screenshot({ path: testInfo.outputPath("desktop-waiting.png") });

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await sensorsEmulate(phoneContext, phone, WRIST_AT_REST);
  await phone.goto(`/phone?room=${code}`);
  await phone.getByTestId("phone-start").click();
  await expect(phone.getByTestId("phone-status")).toHaveAttribute("data-state", "streaming");
  await expect
    .poll(async () => Number(await phone.getByTestId("phone-rate").getAttribute("data-rate-hz")), { timeout: 10_000 })
    .toBeGreaterThan(50);

  const card = desktop.getByTestId("device-card").first();
  await expect(card).toHaveAttribute("data-connected", "true");
  await expect
    .poll(async () => Number(await card.getByTestId("health-rate").getAttribute("data-rate-hz")), { timeout: 15_000 })
    .toBeGreaterThan(50);
  const rate = Number(await card.getByTestId("health-rate").getAttribute("data-rate-hz"));
  expect(rate).toBeLessThan(70);
  await expect(card.getByTestId("health-dropped")).toHaveText("0");
  await expect(card.getByTestId("chart-accel").locator("canvas").first()).toBeVisible();

  // The server agrees.
  const room = (await roomsApi(desktop)).find((r) => r.code === code)!;
  expect(room.devices).toHaveLength(1);
  expect(room.devices[0]!.source).toBe("phone");
  expect(room.devices[0]!.rateHz).toBeGreaterThan(50);
  expect(room.devices[0]!.rateHz).toBeLessThan(70);
  expect(room.devices[0]!.dropped).toBe(0);

  await desktop.screenshot({ path: testInfo.outputPath("desktop-streaming.png") });
  await phone.screenshot({ path: testInfo.outputPath("phone-streaming.png") });

  // Renaming on the phone shows on the desktop.
  await phone.getByTestId("phone-name").fill("left wrist");
  await phone.getByTestId("phone-name").press("Enter");
  await expect(card.getByTestId("device-name-input")).toHaveValue("left wrist");

  await phoneContext.close();
  await desktopContext.close();
});

test("the desktop's simulated phone streams without any hardware", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected");
  await page.getByTestId("sim-motion").selectOption("walk");
  await page.getByTestId("sim-toggle").click();
  const card = page.getByTestId("device-card").first();
  await expect
    .poll(async () => Number(await card.getByTestId("health-rate").getAttribute("data-rate-hz")), { timeout: 15_000 })
    .toBeGreaterThan(50);
  const code = await roomCodeOf(page);
  const device = (await roomsApi(page)).find((r) => r.code === code)!.devices[0]!;
  expect(device.source).toBe("sim");
  await page.getByTestId("sim-toggle").click();
  await expect(card).toHaveAttribute("data-connected", "false");
});
