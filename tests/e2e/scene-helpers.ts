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
}

/** The latencies of every event row that has both figures. */
export async function feedbackLatencies(page: Page): Promise<FeedbackLatency[]> {
  const rows = await page.getByTestId("scene-log-row").all();
  const out: FeedbackLatency[] = [];
  for (const r of rows) {
    const dom = await r.getAttribute("data-dom-ms");
    const frame = await r.getAttribute("data-frame-ms");
    if (dom && frame) out.push({ role: (await r.getAttribute("data-role")) ?? "", domMs: Number(dom), frameMs: Number(frame) });
  }
  return out;
}

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;

/** Feedback reached the DOM within the frame the event arrived in; printed for the issue's figure. */
export async function expectFeedbackWithinFrame(page: Page, sceneId: string): Promise<void> {
  const lat = await feedbackLatencies(page);
  expect(lat.length).toBeGreaterThan(0);
  console.log(`[${sceneId}] feedback latency (bus -> DOM / -> next frame), ms: ${lat.map((l) => `${l.domMs.toFixed(1)}/${l.frameMs.toFixed(1)}`).join(", ")}`);
  for (const l of lat) expect(l.domMs).toBeLessThan(FRAME_MS);
}
