import { expect, test } from "@playwright/test";
import { expectFeedbackWithinFrame, sceneOpen, sceneRoot, sceneStatesRecord } from "./scene-helpers";

const SETTINGS_URL = "/api/scenes/handwash/settings";

test.afterEach(async ({ page }) => {
  // Back to the defaults, so the stored 5 s wash does not leak into later runs.
  expect((await page.request.delete(SETTINGS_URL)).ok()).toBe(true);
});

test("handwash: simulated scrubbing runs the countdown to the celebration", async ({ page }) => {
  // A 5 s wash keeps the run short; the page merges the scene's default roles into these settings.
  const put = await page.request.put(SETTINGS_URL, { data: { roles: {}, options: { durationS: 5 } } });
  expect(put.ok()).toBe(true);

  await sceneOpen(page, "handwash", "scrub");
  const states = await sceneStatesRecord(page);
  await expect(page.getByTestId("handwash-status")).toContainText("Scrub to wash · 5 s");

  await expect(sceneRoot(page)).toHaveAttribute("data-state", "washing", { timeout: 45_000 });
  await expect(page.getByTestId("handwash-ring")).toBeVisible();
  await expect(page.getByTestId("handwash-seconds")).toHaveText(/^[1-5]$/);

  await expect(sceneRoot(page)).toHaveAttribute("data-state", "done", { timeout: 45_000 });
  await expect(page.getByTestId("handwash-done")).toContainText("Well done!");
  expect(await states()).toEqual(expect.arrayContaining(["idle", "washing", "done"]));
  await expect(page.getByTestId("scene-log-row").first()).toHaveAttribute("data-frame-ms", /\d/);
  await expectFeedbackWithinFrame(page, "handwash");
});
