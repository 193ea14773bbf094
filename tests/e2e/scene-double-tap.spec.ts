import { expect, test } from "@playwright/test";
import { expectFeedbackWithinFrame, sceneOpen, sceneRoot, sceneStatesRecord } from "./scene-helpers";

test("double tap: a simulated double tap answers the incoming call, the next one ends it", async ({ page }) => {
  await sceneOpen(page, "double-tap", "double-tap");
  const states = await sceneStatesRecord(page);

  await expect(sceneRoot(page)).toHaveAttribute("data-state", "in-call", { timeout: 30_000 });
  // Double taps come 2-4 s apart in the simulator: the call lasts long enough to see its screen.
  await expect(page.getByTestId("call-timer")).toHaveText(/^\d+:\d\d$/);

  // "Call ended" stays repeatAfterS (4 s); the ringing after it may be short (the next double tap
  // answers it), so it is read from the recorded states rather than polled for.
  await expect(sceneRoot(page)).toHaveAttribute("data-state", "ended", { timeout: 30_000 });
  await expect(page.getByTestId("watch-screen")).toContainText("Call ended");
  await expect.poll(async () => (await states()).join(" "), { timeout: 20_000 }).toMatch(/in-call ended ringing/);

  await expect(page.getByTestId("scene-log-row").first()).toHaveAttribute("data-frame-ms", /\d/);
  await expectFeedbackWithinFrame(page, "double-tap");
});
