import { expect, test } from "@playwright/test";
import { WRIST_AT_REST, sensorsEmulate } from "./helpers";

async function roomNew(request: import("@playwright/test").APIRequestContext) {
  return ((await (await request.post("/api/rooms")).json()) as { code: string }).code;
}

const mobile = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test("iOS: Start asks for motion permission from the tap, then streams", async ({ browser, request }) => {
  const code = await roomNew(request);
  const context = await browser.newContext(mobile);
  const page = await context.newPage();
  await sensorsEmulate(context, page, WRIST_AT_REST);
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { permissionCalls: string[] }).permissionCalls = calls;
    Object.defineProperty(DeviceMotionEvent, "requestPermission", {
      value: async () => {
        calls.push("motion");
        return "granted";
      },
    });
    Object.defineProperty(DeviceOrientationEvent, "requestPermission", {
      value: async () => {
        calls.push("orientation");
        return "granted";
      },
    });
  });
  await page.goto(`/phone?room=${code}`);
  await page.getByTestId("phone-start").click();
  await expect(page.getByTestId("phone-status")).toHaveAttribute("data-state", "streaming");
  expect(await page.evaluate(() => (window as unknown as { permissionCalls: string[] }).permissionCalls)).toContain("motion");
  await context.close();
});

test("iOS: a denied permission says how to get it back", async ({ browser, request }, testInfo) => {
  const code = await roomNew(request);
  const context = await browser.newContext(mobile);
  const page = await context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(DeviceMotionEvent, "requestPermission", { value: async () => "denied" });
  });
  await page.goto(`/phone?room=${code}`);
  await page.getByTestId("phone-start").click();
  await expect(page.getByTestId("phone-status")).toHaveAttribute("data-state", "denied");
  await expect(page.getByTestId("phone-message")).toContainText(/Safari/);
  await page.screenshot({ path: testInfo.outputPath("phone-denied.png") });
  await context.close();
});

test("Android: sensors blocked in site settings (all-zero events) are detected and explained", async ({ browser, request }, testInfo) => {
  const code = await roomNew(request);
  const context = await browser.newContext(mobile);
  const page = await context.newPage();
  const zero = { x: 0, y: 0, z: 0 };
  await sensorsEmulate(context, page, { accelerometer: zero, linear: zero, gyroscope: zero });
  await page.goto(`/phone?room=${code}`);
  await page.getByTestId("phone-start").click();
  await expect(page.getByTestId("phone-status")).toHaveAttribute("data-state", "blocked");
  await expect(page.getByTestId("phone-message")).toContainText("Motion sensors");
  await page.screenshot({ path: testInfo.outputPath("phone-blocked.png") });
  await context.close();
});

test("a phone without a room code can type one", async ({ browser, request }) => {
  const code = await roomNew(request);
  const context = await browser.newContext(mobile);
  const page = await context.newPage();
  await page.goto("/phone");
  await page.getByTestId("room-input").fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
  await page.getByTestId("room-join").click();
  await expect(page.getByTestId("phone-start")).toBeVisible();
  await context.close();
});
