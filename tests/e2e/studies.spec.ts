import { expect, test, type Page } from "@playwright/test";
import type { LiveStudyInfo, StudyDetail } from "@/lib/protocol/studies";
import { phoneStreaming } from "./helpers";

/**
 * The measure, in the browser: a facilitator sets up a study with two
 * conditions in the editor and runs two simulated participants from the console
 * (the desktop's simulated phone performs the `npm run sim` motions and agrees to
 * the consent screen), marking trials with single keys: one false trigger, one miss,
 * every other trial found by the detector. The report page and the exported CSV
 * must show exactly those counts and rates. A second test shows the consent screen
 * on a real phone page: declining records nothing, agreeing starts the session.
 */

const console$ = (page: Page) => page.getByTestId("study-console");
const live = (page: Page) => page.getByTestId("study-live");

async function phase(page: Page, phase: string, seq?: number, timeout = 45_000) {
  await expect(console$(page)).toHaveAttribute("data-phase", phase, { timeout });
  if (seq !== undefined) await expect(live(page)).toHaveAttribute("data-seq", String(seq), { timeout });
}

async function studyCreate(page: Page): Promise<string> {
  await page.goto("/studies");
  await page.getByTestId("study-new").click();
  await page.getByTestId("study-name").fill("E2E raise study");
  await page.getByTestId("study-scene").selectOption("raise-to-speak");
  await page.getByTestId("study-rest").fill("1");
  const trials = page.getByTestId("trial-row");
  while ((await trials.count()) > 2) await trials.last().getByTestId("trial-remove").click();
  await page.getByTestId("trial-prompt").nth(0).fill("Raise your wrist to speak");
  await page.getByTestId("trial-prompt").nth(1).fill("Raise it again");
  for (const i of [0, 1]) await page.getByTestId("trial-time-limit").nth(i).fill("25");
  await page.getByTestId("condition-name").nth(0).fill("Low threshold");
  await page.getByTestId("condition-name").nth(1).fill("High threshold");
  await page.getByTestId("condition-threshold").nth(0).fill("0.4");
  await page.getByTestId("condition-threshold").nth(1).fill("0.8");
  await page.getByTestId("study-save").click();
  await expect(page.getByTestId("study-title")).toHaveText("E2E raise study", { timeout: 15_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
}

async function sessionStart(page: Page, participant: string) {
  await page.getByTestId("session-participant").fill(participant);
  await expect(page.getByTestId("session-device")).not.toHaveValue("");
  await page.getByTestId("session-start").click();
  // The simulated phone agrees to the consent screen by itself; then "Get ready" and the first trial.
  await phase(page, "trial", 1);
}

test("a facilitator runs two participants through two conditions; report and CSV match what happened", async ({ page, context }, testInfo) => {
  test.setTimeout(360_000);
  const id = await studyCreate(page);
  const definition = ((await (await page.request.get(`/api/studies/${id}`)).json()) as StudyDetail).definition;
  expect(definition.conditions.map((c) => [c.id, c.name, c.settings.roles.trigger?.decision?.thresholdProb])).toEqual([
    ["low-threshold", "Low threshold", 0.4],
    ["high-threshold", "High threshold", 0.8],
  ]);

  await page.goto(`/studies/${id}/run`);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 60_000 });
  await page.getByTestId("sim-motion").selectOption("raise");
  await page.getByTestId("sim-toggle").click();
  const room = new URL(page.url()).searchParams.get("room")!;
  const observer = await context.newPage();
  await observer.setViewportSize({ width: 1920, height: 1080 });
  await observer.goto(`/studies/${id}/observe?room=${room}`);
  await expect(observer.getByTestId("observer-waiting")).toBeVisible({ timeout: 60_000 });

  // P01 does Low, then High (row 1 of the Latin square).
  await sessionStart(page, "P01");
  await expect(observer.getByTestId("study-observer")).toHaveAttribute("data-phase", "trial");
  await expect(observer.getByTestId("study-live-participant")).toHaveText("P01");
  await page.screenshot({ path: testInfo.outputPath("console-trial.png") });
  await observer.screenshot({ path: testInfo.outputPath("observer-trial.png") });
  // Trial 1: the detector sees the raise.
  await phase(page, "rest");
  await page.getByTestId("sim-motion").selectOption("idle");
  // Trial 2: the facilitator saw the watch react without a raise (F), then the raise is detected.
  await phase(page, "trial", 2);
  await page.keyboard.press("f");
  await expect(page.getByTestId("session-log")).toContainText("False trigger · trial 2");
  await page.getByTestId("sim-motion").selectOption("raise");
  await phase(page, "break");
  await page.keyboard.press("n");
  await page.getByTestId("note-input").fill("Asked whether to hold the wrist up");
  await page.keyboard.press("Enter");
  await page.getByTestId("sim-motion").selectOption("idle");
  await page.keyboard.press(" ");
  // Trial 3 (High): the participant does not manage it; the facilitator marks a miss.
  await phase(page, "trial", 3);
  await page.keyboard.press("m");
  await phase(page, "rest");
  await page.getByTestId("sim-motion").selectOption("raise");
  await phase(page, "done", 4, 60_000);
  await page.screenshot({ path: testInfo.outputPath("console-done.png") });

  // P02 does High, then Low; every raise is detected.
  await sessionStart(page, "P02");
  const p02 = ((await (await page.request.get(`/api/rooms/${room}`)).json()) as { study: LiveStudyInfo }).study;
  expect(p02.conditions.map((c) => c.id)).toEqual(["high-threshold", "low-threshold"]);
  await phase(page, "break", 2, 60_000);
  await page.keyboard.press(" ");
  await phase(page, "done", 4, 90_000);

  await page.goto(`/studies/${id}/report`);
  const rows = page.getByTestId("report-condition-row");
  await expect(rows).toHaveCount(2, { timeout: 15_000 });
  const low = page.locator('[data-testid="report-condition-row"][data-condition="low-threshold"]');
  const high = page.locator('[data-testid="report-condition-row"][data-condition="high-threshold"]');
  await expect(low).toHaveAttribute("data-trials", "4");
  await expect(low).toHaveAttribute("data-successes", "4");
  await expect(low).toHaveAttribute("data-false-triggers", "1");
  await expect(high).toHaveAttribute("data-trials", "4");
  await expect(high).toHaveAttribute("data-successes", "3");
  await expect(high).toHaveAttribute("data-false-triggers", "0");
  await expect(low).toContainText("100%");
  await expect(high).toContainText("75%");
  await expect(page.getByTestId("report-overall-row")).toContainText("88%");
  await expect(page.getByTestId("report-trial-row")).toHaveCount(8);
  await expect(page.locator('[data-testid="report-trial-row"][data-outcome="miss"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="report-trial-row"][data-outcome="miss"]')).toHaveAttribute("data-participant", "P01");
  await page.screenshot({ path: testInfo.outputPath("report.png"), fullPage: true });

  const csv = await (await page.request.get(`/api/studies/${id}/export?format=csv`)).text();
  const [header, ...lines] = csv.trim().split("\n");
  const col = (name: string) => header!.split(",").indexOf(name);
  const cells = lines.map((l) => l.split(","));
  expect(cells).toHaveLength(8);
  const of = (cond: string) => cells.filter((c) => c[col("condition")] === cond);
  expect(of("low-threshold").filter((c) => c[col("outcome")] === "success")).toHaveLength(4);
  expect(of("high-threshold").filter((c) => c[col("outcome")] === "success")).toHaveLength(3);
  const missRow = cells.find((c) => c[col("outcome")] === "miss")!;
  expect([missRow[col("participant")], missRow[col("condition")], missRow[col("trial")], missRow[col("outcome_by")]]).toEqual(["P01", "high-threshold", "1", "facilitator"]);
  const ftRows = cells.filter((c) => c[col("false_triggers")] !== "0");
  expect(ftRows.map((c) => [c[col("participant")], c[col("condition")], c[col("trial")], c[col("false_triggers")]])).toEqual([["P01", "low-threshold", "2", "1"]]);
  // The report's false triggers per minute is the CSV's count over the CSV's trial time.
  const lowMinutes = of("low-threshold").reduce((s, c) => s + Number(c[col("duration_ms")]), 0) / 60_000;
  await expect(low).toContainText(`${(1 / lowMinutes).toFixed(2)} /min`);
  expect(csv).not.toContain(room);
  expect(csv).not.toContain("Asked whether");

  // A trial links to its span on the recording's timeline.
  await page.getByTestId("report-trial-timeline").first().click();
  await expect(page).toHaveURL(/\/recordings\/[^/?]+\?from=\d+(\.\d+)?&to=\d+/);
  // The console's live scores and the facilitator's marks are on that recording's timeline.
  await expect(page.getByTestId("review-score-lane")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("review-mark-legend")).toContainText("False trigger");
  await page.screenshot({ path: testInfo.outputPath("review.png") });
});

test("the phone shows the consent screen: declining records nothing, agreeing starts the trials", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const create = await page.request.post("/api/studies", {
    data: { name: "Consent check", sceneId: "double-tap", trials: [{ prompt: "Double tap to answer", role: "action", timeLimitS: 30 }], conditions: [{ id: "a", name: "A", settings: { roles: {}, options: {} } }] },
  });
  const study = (await create.json()) as StudyDetail;
  const room = ((await (await page.request.post("/api/rooms")).json()) as { code: string }).code;
  const phone = await phoneStreaming(browser, room);
  const deviceId = ((await (await page.request.get(`/api/rooms/${room}`)).json()) as { devices: { id: string }[] }).devices[0]!.id;

  const start = () => page.request.post(`/api/studies/${study.id}/sessions`, { data: { participant: "P01", room, deviceId } });
  expect((await start()).status()).toBe(201);
  await expect(phone.page.getByTestId("consent-screen")).toBeVisible();
  await expect(phone.page.getByTestId("consent-text")).toContainText("No name is stored");
  await phone.page.screenshot({ path: test.info().outputPath("phone-consent.png") });
  await phone.page.getByTestId("consent-decline").click();
  await expect(phone.page.getByTestId("consent-screen")).toBeHidden();
  const declined = ((await (await page.request.get(`/api/studies/${study.id}`)).json()) as StudyDetail).participants[0]!;
  expect(declined.session).toMatchObject({ status: "declined", recordingId: null });

  expect((await start()).status()).toBe(201);
  await phone.page.getByTestId("consent-agree").click();
  await expect(phone.page.getByTestId("protocol-prompt-text")).toHaveText("Double tap to answer", { timeout: 10_000 });
  const running = ((await (await page.request.get(`/api/rooms/${room}`)).json()) as { study: LiveStudyInfo }).study;
  expect(running).toMatchObject({ phase: "trial", participant: "P01" });
  expect(running.recordingId).toBeTruthy();
  // The room page leaves the session's recording alone: no label keys, no Stop, no second copy of the events.
  await page.goto(`/?room=${room}`);
  await expect(page.getByTestId("recording-panel")).toHaveAttribute("data-state", "study", { timeout: 60_000 });
  await expect(page.getByTestId("recording-study")).toContainText("P01");
  expect((await page.request.post(`/api/study-sessions/${running.sessionId}/stop`)).status()).toBe(200);
  await phone.context.close();
});
