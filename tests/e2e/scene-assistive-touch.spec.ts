import { expect, test } from "@playwright/test";
import { expectFeedbackWithinFrame, sceneOpen, sceneRoot, sceneStatesRecord } from "./scene-helpers";

test("assistive touch: a simulated double tap opens the focused app, flicks go back to the app grid", async ({ page }) => {
  await sceneOpen(page, "assistive-touch", "double-tap");
  const states = await sceneStatesRecord(page);
  const watch = page.getByTestId("assistive-touch");
  const appTiles = page.locator('[data-testid="watch-item"][data-item="messages"]');

  // Select presses the focused app (Timer, unless a stray tap moved the ring first); the grid gives way to it.
  await expect(sceneRoot(page)).not.toHaveAttribute("data-state", "menu", { timeout: 30_000 });
  await expect(appTiles).toHaveCount(0);
  await expect(watch).not.toHaveAttribute("data-screen", "menu");
  await expect(page.getByTestId("focus-ring")).toBeVisible();

  // Back, once or twice (a running timer goes back to its presets first), lands on the grid, ring on the app just left.
  await page.getByTestId("sim-motion").selectOption("flick");
  await expect(sceneRoot(page)).toHaveAttribute("data-state", "menu", { timeout: 30_000 });
  await expect(appTiles).toBeVisible();
  await expect(watch).toHaveAttribute("data-focus", /^(timer|messages|workout|music|settings)$/);

  expect((await states()).join(" ")).toMatch(/^menu \S+.* menu$/);
  await expect(page.getByTestId("scene-log-row").first()).toHaveAttribute("data-frame-ms", /\d/);
  await expectFeedbackWithinFrame(page, "assistive-touch");
});
