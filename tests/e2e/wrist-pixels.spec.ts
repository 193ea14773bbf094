import { expect, test, type Page } from "@playwright/test";
import { roomCodeOf, sensorsEmulate } from "./helpers";

/**
 * Pixel statistics of a PNG, computed in the page (the browser decodes PNGs; no image
 * library needed here): how many pixels are not the scene's background, and how many
 * differ from another PNG of the same size.
 */
async function pixelStats(page: Page, pngA: Buffer, pngB?: Buffer) {
  return page.evaluate(
    async ([a, b]) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height).data;
      };
      const pa = await decode(a);
      const pb = b ? await decode(b) : null;
      let lit = 0;
      let differing = 0;
      const pixels = pa.length / 4;
      for (let i = 0; i < pa.length; i += 4) {
        // The background is near-black (#0b0f14 with a dim grid); the arm is skin-coloured and lit.
        if (pa[i]! + pa[i + 1]! + pa[i + 2]! > 240) lit++;
        if (pb && Math.abs(pa[i]! - pb[i]!) + Math.abs(pa[i + 1]! - pb[i + 1]!) + Math.abs(pa[i + 2]! - pb[i + 2]!) > 60) differing++;
      }
      return { litShare: lit / pixels, differingShare: differing / pixels };
    },
    [pngA.toString("base64"), pngB?.toString("base64")] as const,
  );
}

test("the 3D canvas renders the arm, and turning the phone moves it", async ({ browser }, testInfo) => {
  const desktopContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const desktop = await desktopContext.newPage();
  await desktop.goto("/");
  const code = await roomCodeOf(desktop);

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  const still = { x: 0, y: 0, z: 0 };
  // Lying flat, screen up: strapped on a level forearm, watch face up.
  const cdp = await sensorsEmulate(phoneContext, phone, { accelerometer: { x: 0, y: 0, z: 9.81 }, linear: still, gyroscope: still });
  await phone.goto(`/phone?room=${code}`);
  await phone.getByTestId("phone-start").click();
  await expect(phone.getByTestId("phone-status")).toHaveAttribute("data-state", "streaming");

  const view = desktop.getByTestId("wrist-view");
  await expect(view).toHaveAttribute("data-arms", "1");
  await expect.poll(async () => Math.abs(Number(await desktop.getByTestId("pose-raise").getAttribute("data-deg"))), { timeout: 10_000 }).toBeLessThan(10);
  const canvas = view.locator("canvas");
  const before = await canvas.screenshot({ path: testInfo.outputPath("arm-level.png") });
  expect((await pixelStats(desktop, before)).litShare).toBeGreaterThan(0.01);

  // Raise the forearm: the top edge (toward the hand) now points up, so gravity's reaction lies along +y.
  await cdp.send("Emulation.setSensorOverrideReadings", { type: "accelerometer", reading: { xyz: { x: 0, y: 9.81, z: 0.5 } } });
  await expect.poll(async () => Number(await desktop.getByTestId("pose-raise").getAttribute("data-deg")), { timeout: 15_000 }).toBeGreaterThan(70);
  const after = await canvas.screenshot({ path: testInfo.outputPath("arm-raised.png") });
  const stats = await pixelStats(desktop, before, after);
  expect(stats.litShare).toBeGreaterThan(0.01);
  expect(stats.differingShare).toBeGreaterThan(0.01);

  await phoneContext.close();
  await desktopContext.close();
});
