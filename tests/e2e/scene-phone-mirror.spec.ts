import { expect, test } from "@playwright/test";
import { phoneStreaming } from "./helpers";
import { sceneRoot } from "./scene-helpers";

test("a phone in a scene's room mirrors the watch screen, and stops when the scene closes", async ({ browser }, testInfo) => {
  const code = ((await (await (await browser.newContext()).request.post(`${testInfo.project.use.baseURL}/api/rooms`)).json()) as { code: string }).code;

  const { context: phoneContext, page: phone } = await phoneStreaming(browser, code);
  await expect(phone.getByTestId("watch-mirror")).toHaveCount(0);

  const desktopContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const desktop = await desktopContext.newPage();
  await desktop.goto(`/scenes/raise-to-speak?room=${code}`);
  await expect(sceneRoot(desktop)).toHaveAttribute("data-state", "idle");
  const mirror = phone.getByTestId("watch-mirror");
  await expect(mirror).toHaveAttribute("data-scene", "raise-to-speak", { timeout: 15_000 });
  await expect(mirror).toHaveAttribute("data-state", "idle");
  await expect(mirror).toContainText("Raise your wrist to speak");
  await phone.screenshot({ path: testInfo.outputPath("phone-mirror.png") });

  // Switching the mirror off on the desktop clears the phone's screen.
  await desktop.getByTestId("switch-mirror").click();
  await expect(mirror).toHaveCount(0);
  await desktop.getByTestId("switch-mirror").click();
  await expect(mirror).toHaveCount(1);

  // Leaving the scene clears it too.
  await desktop.goto(`/?room=${code}`);
  await expect(mirror).toHaveCount(0);
  await phoneContext.close();
  await desktopContext.close();
});
