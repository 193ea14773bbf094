import { expect, test } from "@playwright/test";
import { expectFeedbackWithinFrame, sceneOpen, sceneRoot, sceneStatesRecord } from "./scene-helpers";

test("raise to speak: a simulated raise starts listening, lowering ends it", async ({ page }) => {
  await sceneOpen(page, "raise-to-speak", "raise");
  const states = await sceneStatesRecord(page);
  await expect(sceneRoot(page)).toHaveAttribute("data-state", "listening", { timeout: 30_000 });
  await expect(page.getByTestId("watch-screen")).toContainText("Listening");
  await expect(sceneRoot(page)).toHaveAttribute("data-state", "idle", { timeout: 20_000 });
  expect(await states()).toEqual(expect.arrayContaining(["idle", "listening"]));
  await expect(page.getByTestId("scene-log-row").first()).toHaveAttribute("data-frame-ms", /\d/);
  await expectFeedbackWithinFrame(page, "raise-to-speak");
});
