import { expect, test } from "@playwright/test";
import { expectFeedbackWithinFrame, sceneOpen, sceneRoot, sceneStatesRecord } from "./scene-helpers";

test("wrist flick: a simulated flick dismisses the notification, the next one arrives", async ({ page }) => {
  await sceneOpen(page, "wrist-flick", "flick");
  const states = await sceneStatesRecord(page);
  await expect(page.getByTestId("watch-notification")).toBeVisible();

  await expect(sceneRoot(page)).toHaveAttribute("data-state", "dismissed", { timeout: 30_000 });
  // The face stays 4 s (nextAfterS): long enough to see the notification gone and the face shown.
  await expect(page.getByTestId("watch-notification")).toHaveCount(0);
  await expect(page.getByTestId("cleared-count")).toHaveText(/\d+ cleared/);

  await expect(sceneRoot(page)).toHaveAttribute("data-state", "notification", { timeout: 20_000 });
  await expect(page.getByTestId("watch-notification")).toBeVisible();
  expect(await states()).toEqual(expect.arrayContaining(["notification", "dismissed"]));
  await expect(page.getByTestId("scene-log-row").first()).toHaveAttribute("data-frame-ms", /\d/);
  await expectFeedbackWithinFrame(page, "wrist-flick");
});
