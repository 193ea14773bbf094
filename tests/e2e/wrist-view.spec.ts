import { expect, test, type Page } from "@playwright/test";
import { roomCodeOf } from "./helpers";

/** The readouts refresh ~8 times a second; poll faster than that so a short hold is not missed. */
const POLL = { timeout: 10_000, intervals: [100] };

async function simulatedPhoneOn(page: Page, motion: string) {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected");
  await page.getByTestId("sim-motion").selectOption(motion);
  await page.getByTestId("sim-toggle").click();
}

const degOf = (page: Page, testId: string, nth = 0) => async () => Number(await page.getByTestId(testId).nth(nth).getAttribute("data-deg"));

test("the 3D wrist follows a simulated raise, calibrates and keeps its settings", async ({ page }, testInfo) => {
  await page.goto("/");
  await simulatedPhoneOn(page, "raise");

  const view = page.getByTestId("wrist-view");
  await expect(view).toHaveAttribute("data-arms", "1");
  await expect(view.locator("canvas")).toBeVisible();

  // The simulated raise lifts the forearm to 72-82° and holds it ~2-3 s before lowering.
  await expect.poll(degOf(page, "pose-raise"), POLL).toBeGreaterThan(45);
  await page.screenshot({ path: testInfo.outputPath("wrist-raised.png") });
  await expect.poll(degOf(page, "pose-raise"), POLL).toBeLessThan(30);
  expect(Number.isFinite(await degOf(page, "pose-roll")())).toBe(true);

  const calibrate = page.getByTestId("pose-calibrate");
  await calibrate.click();
  await expect(calibrate).toHaveAttribute("data-state", /collecting|done/);
  await expect(calibrate).toHaveAttribute("data-state", "done");

  for (const preset of ["side", "top", "wearer"]) {
    await page.getByTestId(`camera-${preset}`).click();
    await expect(page.getByTestId(`camera-${preset}`)).toHaveAttribute("aria-pressed", "true");
  }
  await page.screenshot({ path: testInfo.outputPath("wrist-view.png") });

  // Wear settings are kept per device across reloads (the simulated phone keeps its id).
  await page.getByTestId("pose-placement").selectOption("held");
  await page.getByTestId("pose-side").selectOption("right");
  await page.reload();
  await expect(page.getByTestId("pose-side")).toHaveValue("right");
  await expect(page.getByTestId("pose-placement")).toHaveValue("held");
});

test("two phones in the room show as two arms, on opposite sides", async ({ page, browser }, testInfo) => {
  await page.goto("/");
  await simulatedPhoneOn(page, "raise");
  await expect(page.getByTestId("wrist-view")).toHaveAttribute("data-arms", "1");

  // A second screen of the same room switches on its own simulated phone: another device id.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(`/?room=${await roomCodeOf(page)}`);
  await simulatedPhoneOn(second, "walk");

  await expect(page.getByTestId("wrist-view")).toHaveAttribute("data-arms", "2");
  await expect(page.getByTestId("pose-side")).toHaveCount(2);
  const sides = await page.getByTestId("pose-side").evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
  expect(sides.sort()).toEqual(["left", "right"]);
  await expect.poll(degOf(page, "pose-raise", 1), POLL).not.toBeNaN();
  await page.screenshot({ path: testInfo.outputPath("wrist-two-arms.png") });
  await other.close();
});
