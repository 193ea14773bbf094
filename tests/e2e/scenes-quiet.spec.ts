import { expect, test, type Page } from "@playwright/test";
import { sceneStatesRecord } from "./scene-helpers";

const SCENES = ["raise-to-speak", "double-tap", "assistive-touch", "handwash", "wrist-flick"] as const;
const MOTION_S = 20;

/**
 * All five scenes open at once in one room, their default detectors running in
 * their workers, while the simulated phone walks, idles and shakes (20 s each, in
 * real time: 60 s of ordinary motion). No scene may change state or log an event.
 * The Node tests (tests/unit/scene-*.test.ts) run the same detectors and scenes on
 * 60 s of each motion, two seeds each.
 */
test("no scene reacts to walking, idling or shaking", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const code = ((await (await context.request.post(`${testInfo.project.use.baseURL}/api/rooms`)).json()) as { code: string }).code;
  const pages: Page[] = [];
  const recorders: (() => Promise<string[]>)[] = [];
  for (const id of SCENES) {
    const page = await context.newPage();
    await page.goto(`/scenes/${id}?room=${code}`);
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 60_000 });
    pages.push(page);
    recorders.push(await sceneStatesRecord(page));
  }
  const phone = pages[0]!;
  await phone.getByTestId("sim-motion").selectOption("walk");
  await phone.getByTestId("sim-toggle").click();
  // Every role of every scene must be running a detector, or silence would prove nothing.
  for (const page of pages) {
    const slots = await page.locator('[data-testid^="slot-"][data-running]').all();
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) await expect(slot).toHaveAttribute("data-running", /heuristic:/, { timeout: 30_000 });
  }
  for (const motion of ["walk", "idle", "shake"]) {
    await phone.getByTestId("sim-motion").selectOption(motion);
    await phone.waitForTimeout(MOTION_S * 1000);
  }
  for (const [i, page] of pages.entries()) {
    const states = await recorders[i]!();
    expect(states, SCENES[i]).toHaveLength(1);
    await expect(page.getByTestId("scene-log-row"), SCENES[i]).toHaveCount(0);
    // The detectors did see the motion: the scene's runtime processed samples all along.
    expect(Number(await page.getByTestId("scene").getAttribute("data-samples")), SCENES[i]).toBeGreaterThan(MOTION_S * 3 * 40);
  }
  await context.close();
});
