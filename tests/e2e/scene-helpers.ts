import { expect, type Page } from "@playwright/test";

/**
 * Scene pages in the browser: opened with the simulated phone performing a motion,
 * state read from the scene root's `data-state`, and the feedback latency each
 * event row records (bus to DOM, bus to the next painted frame).
 */

export async function sceneOpen(page: Page, sceneId: string, motion: string): Promise<void> {
  await page.goto(`/scenes/${sceneId}`);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 60_000 });
  await page.getByTestId("sim-motion").selectOption(motion);
  await page.getByTestId("sim-toggle").click();
}

export const sceneRoot = (page: Page) => page.getByTestId("scene");

/**
 * Every `data-state` the scene root takes, recorded in the page by a MutationObserver,
 * so states shorter than Playwright's polling are not missed.
 */
export async function sceneStatesRecord(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const root = document.querySelector('[data-testid="scene"]')!;
    const w = window as unknown as { __sceneStates: string[] };
    w.__sceneStates = [root.getAttribute("data-state") ?? ""];
    new MutationObserver(() => {
      const s = root.getAttribute("data-state") ?? "";
      if (w.__sceneStates[w.__sceneStates.length - 1] !== s) w.__sceneStates.push(s);
    }).observe(root, { attributes: true, attributeFilter: ["data-state"] });
  });
  return () => page.evaluate(() => (window as unknown as { __sceneStates: string[] }).__sceneStates.slice());
}

export interface FeedbackLatency {
  role: string;
  domMs: number;
  frameMs: number;
  inFirstFrame: boolean;
}

/** The latencies of every event row that has both figures. */
export async function feedbackLatencies(page: Page): Promise<FeedbackLatency[]> {
  const rows = await page.getByTestId("scene-log-row").all();
  const out: FeedbackLatency[] = [];
  for (const r of rows) {
    const dom = await r.getAttribute("data-dom-ms");
    const frame = await r.getAttribute("data-frame-ms");
    const first = await r.getAttribute("data-in-first-frame");
    if (dom && frame && first) out.push({ role: (await r.getAttribute("data-role")) ?? "", domMs: Number(dom), frameMs: Number(frame), inFirstFrame: first === "true" });
  }
  return out;
}

/**
 * Feedback is within one frame: for every event, the DOM showed the new state before
 * the first animation frame after the bus delivered it, so no frame was painted
 * without it. That holds however loaded the machine is; the milliseconds (bus → DOM,
 * bus → that frame) depend on the load and are printed for the issue's figure, not
 * asserted (a 2-core CI box measured 18 ms bus → DOM while its other core ran the
 * server, simulator and detector worker).
 */
export async function expectFeedbackWithinFrame(page: Page, sceneId: string): Promise<void> {
  await expect.poll(async () => (await feedbackLatencies(page)).length).toBeGreaterThan(0);
  const lat = await feedbackLatencies(page);
  console.log(`[${sceneId}] feedback latency (bus -> DOM / -> next frame), ms: ${lat.map((l) => `${l.domMs.toFixed(1)}/${l.frameMs.toFixed(1)}`).join(", ")}`);
  expect(lat.map((l) => l.inFirstFrame)).toEqual(lat.map(() => true));
}
