import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { RecordingDetail } from "@/lib/protocol/recordings";
import { desktopWithSim, phoneStreaming, roomCodeOf } from "./helpers";

/**
 * The "done when", in the browser: record a labelled session from a
 * (simulated) phone with a detector's events, fix a label on the review timeline
 * (undo, redo), replay it into the room through two detectors, export CSV and Edge
 * Impulse; and a prompted protocol shown on a real phone page.
 */

const detail = async (page: Page, id: string) => (await (await page.request.get(`/api/recordings/${id}`)).json()) as RecordingDetail;

test("record a labelled session, fix a label, replay it through two detectors, export it", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await desktopWithSim(page, "raise");
  await page.getByLabel("Detector A").selectOption("h:raise-to-speak");
  const room = await roomCodeOf(page);

  // A fresh browser starts with the interactions' names as its label set: key 1 is raise-to-speak.
  await expect(page.getByTestId("label-chip").first()).toHaveAttribute("data-label", "raise-to-speak");
  await page.getByTestId("record-name").fill("E2E session");
  await page.getByTestId("record-start").click();
  const live = page.getByTestId("recording-live");
  await expect(live).toBeVisible();
  const id = (await live.getAttribute("data-recording-id"))!;

  // Label live with the number keys: 1 starts raise-to-speak, 0 ends it.
  await page.waitForTimeout(1500);
  await page.keyboard.press("1");
  await expect(page.getByTestId("recording-key").first()).toHaveAttribute("data-active", "true");
  await page.waitForTimeout(2500);
  await page.keyboard.press("0");
  // The simulated raise repeats: wait for two of the detector's events to be stored with the
  // recording, so it holds at least one whole raise from rest for the replay below.
  await expect.poll(async () => (await detail(page, id)).eventCount, { timeout: 40_000 }).toBeGreaterThan(1);
  await page.screenshot({ path: testInfo.outputPath("recording-live.png") });
  await page.getByTestId("record-stop").click();
  await expect(page.getByTestId("recording-saved")).toBeVisible();
  const stopped = await detail(page, id);
  expect(stopped).toMatchObject({ status: "complete", labelCount: 1, labels: [{ label: "raise-to-speak" }] });
  expect(stopped.devices[0]!.samples).toBeGreaterThan(200);
  expect(stopped.events[0]!.detector).toMatch(/^A: heuristic:raise-to-speak/);

  // Review: drag the label's end 60 px later, then undo and redo on the server's history.
  await page.getByTestId("recording-review-link").click();
  await expect(page.getByTestId("review-page")).toBeVisible();
  const seg = page.getByTestId("label-seg-0");
  await expect(seg).toBeVisible();
  const box = (await seg.boundingBox())!;
  const before = stopped.labels[0]!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 30, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width + 58, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await detail(page, id)).labels[0]!.tEndMs, { timeout: 10_000 }).toBeGreaterThan(before.tEndMs + 100);
  const fixed = await detail(page, id);
  expect(fixed.labels[0]!.tStartMs).toBe(before.tStartMs);
  await page.screenshot({ path: testInfo.outputPath("review-fixed.png") });
  await page.getByTestId("undo").click();
  await expect.poll(async () => (await detail(page, id)).labels[0]!.tEndMs).toBe(before.tEndMs);
  await page.getByTestId("redo").click();
  await expect.poll(async () => (await detail(page, id)).labels[0]!.tEndMs).toBe(fixed.labels[0]!.tEndMs);

  // Export from the review page: CSV with the fixed label, and Edge Impulse.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  const csv = readFileSync((await (await csvDownload).path())!, "utf8");
  const rows = csv.trim().split("\n");
  expect(rows[0]).toMatch(/accel/i);
  expect(rows.length - 1).toBe(stopped.devices[0]!.samples);
  expect(rows.filter((r) => r.endsWith(",raise-to-speak")).length).toBeGreaterThan(100);
  const ei = (await (await page.request.get(`/api/recordings/${id}/export?format=edge-impulse`)).json()) as { payload: { values: number[][] } };
  expect(ei.payload.values).toHaveLength(stopped.devices[0]!.samples);

  // Replay into the room, looping, through two detectors: the raise rule and the shipped CNN.
  await page.goto("/");
  await expect(page.getByTestId("detector-panel")).toHaveAttribute("data-backend", /webgl|wasm|cpu/, { timeout: 30_000 });
  const replay = (await (await page.request.post(`/api/recordings/${id}/replay`, { data: { room, speed: 1, loop: true } })).json()) as { id: string };
  await page.getByLabel("Device the detectors run on").selectOption({ label: "Replay: Simulated phone" });
  await page.getByLabel("Detector A").selectOption("h:raise-to-speak");
  await page.getByLabel("Detector B").selectOption("m:raise-to-speak-cnn");
  await expect(page.locator('[data-testid="event-row"][data-detector="heuristic:raise-to-speak"]').first()).toBeVisible({ timeout: 40_000 });
  await expect(page.locator('[data-testid="event-row"][data-detector^="model:raise-to-speak-cnn@"]').first()).toBeVisible({ timeout: 40_000 });
  await page.screenshot({ path: testInfo.outputPath("replay-two-detectors.png") });
  expect((await page.request.delete(`/api/replays/${replay.id}`)).ok()).toBe(true);
});

test("a prompted protocol shows each step on the phone and labels the recording", async ({ browser, page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 60_000 });
  const room = await roomCodeOf(page);
  const { context: phoneContext, page: phone } = await phoneStreaming(browser, room);

  await page.getByTestId("protocol-text").fill("raise, raise your wrist, 2\ntap, double tap, 1");
  await page.getByTestId("record-start").click();
  const id = (await page.getByTestId("recording-live").getAttribute("data-recording-id"))!;
  await expect(phone.getByTestId("protocol-prompt-text")).toHaveText("Get ready");
  await expect(phone.getByTestId("protocol-prompt-text")).toHaveText("Now: raise your wrist", { timeout: 5000 });
  await phone.screenshot({ path: testInfo.outputPath("phone-prompt.png") });
  await expect(page.getByTestId("recording-prompt")).toContainText("Now: raise your wrist");
  await expect(phone.getByTestId("protocol-prompt-text")).toHaveText("Now: double tap", { timeout: 5000 });
  await expect(phone.getByTestId("protocol-prompt")).toBeHidden({ timeout: 5000 });
  await page.getByTestId("record-stop").click();
  const d = await detail(page, id);
  expect(d.labels.map((l) => [l.label, Math.round(l.tEndMs - l.tStartMs)])).toEqual([
    ["raise", 2000],
    ["tap", 1000],
  ]);
  await phoneContext.close();
});
