import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";
import { corruptModelJson, tinyModelFiles, tinyModelFolderWrite, type TinyModelOptions } from "@/tests/support/tiny-models";
import { desktopWithSim } from "./helpers";

/**
 * The live model runtime in the browser: heuristics and checkpoints run in the
 * page's Web Worker on a simulated phone's stream; a model folder is loaded from
 * the page, hot-swapped when its files change on the server, refused when broken,
 * and rolled back by picking an earlier version.
 */

const userModels = () => join(process.env.E2E_DATA_DIR!, "models");
const model = (id: string, prob: number): TinyModelOptions => ({
  id,
  name: `E2E ${id}`,
  interaction: "raise-to-speak",
  behaviour: { kind: "constant", prob },
  decision: { thresholdProb: 0.5, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs: 1000 },
});

test.beforeAll(async () => {
  await tfBackendInit(["wasm"], { wasmPath: tfWasmDistPath() });
});


test("a rule-based detector runs in the worker and raises events on the simulated raise", async ({ page }) => {
  await desktopWithSim(page, "raise");
  await page.getByLabel("Detector A").selectOption("h:raise-to-speak");
  await expect(page.getByTestId("slot-A")).toHaveAttribute("data-running", "heuristic:raise-to-speak");
  await expect(page.getByTestId("event-row").first()).toHaveAttribute("data-label", "raise-to-speak", { timeout: 20_000 });
  await expect(page.getByTestId("host-stats")).toContainText(/[1-9][\d,]* samples in/);

  // B runs a flick rule on the same raises: the comparison counts A's events as A's alone.
  await page.getByLabel("Detector B").selectOption("h:flick");
  await expect(page.getByTestId("slot-B")).toHaveAttribute("data-running", "heuristic:flick");
  await expect(page.getByTestId("agreement")).toContainText(/0 matched, [1-9]\d* only A, 0 only B/, { timeout: 20_000 });
});

test("a model folder dropped on the page is uploaded and runs", async ({ page }) => {
  const id = `e2e-drop-${Date.now().toString(36)}`;
  const files = await tinyModelFiles(model(id, 0.3));
  const payload = [
    { name: "manifest.json", base64: Buffer.from(JSON.stringify(files.manifest)).toString("base64") },
    { name: "model.json", base64: Buffer.from(JSON.stringify(files.modelJson)).toString("base64") },
    ...[...files.weights].map(([name, bytes]) => ({ name, base64: Buffer.from(bytes).toString("base64") })),
  ];
  await desktopWithSim(page, "idle");
  // A synthetic drop of the three files, as a file manager's drag delivers them.
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    for (const type of ["dragenter", "dragover", "drop"]) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
  await expect(page.getByTestId("model-drop-outcome")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("slot-A")).toHaveAttribute("data-running", `model:${id}@1`);
});

test("a model folder loads from the page, hot-swaps without a reload, refuses a broken version and rolls back", async ({ page }) => {
  const id = `e2e-${Date.now().toString(36)}`;
  const picked = join(mkdtempSync(join(tmpdir(), "wristlab-pick-")), id);
  await tinyModelFolderWrite(picked, model(id, 0.2));
  await desktopWithSim(page, "walk");
  const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Math.random()));

  await page.getByTestId("model-folder-input").setInputFiles(picked);
  await expect(page.getByTestId("model-drop-outcome")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("slot-A")).toHaveAttribute("data-running", `model:${id}@1`);

  // An engineer copies a new checkpoint over the folder: the page follows within 2 s of the server noticing.
  await tinyModelFolderWrite(join(userModels(), id), model(id, 0.9));
  await expect(page.getByTestId("slot-A")).toHaveAttribute("data-running", `model:${id}@2`, { timeout: 5_000 });
  await expect(page.getByTestId("event-row").first()).toHaveAttribute("data-detector", `model:${id}@2`, { timeout: 10_000 });

  await corruptModelJson(join(userModels(), id));
  await expect(page.getByTestId("slot-A-error")).toContainText(`The newest files of ${id} were refused`);
  await expect(page.getByTestId("slot-A-error")).toContainText("model.json");
  await expect(page.getByTestId("slot-A")).toHaveAttribute("data-running", `model:${id}@2`);

  await page.getByLabel("Version A").selectOption("1");
  await expect(page.getByTestId("slot-A")).toHaveAttribute("data-running", `model:${id}@1`);
  expect(await page.evaluate(() => (window as unknown as { __noReload: number }).__noReload)).toBe(marker);
});

test("a broken model folder picked on the page is refused with the reason and nothing changes", async ({ page }) => {
  const id = `e2e-bad-${Date.now().toString(36)}`;
  const picked = join(mkdtempSync(join(tmpdir(), "wristlab-pick-")), id);
  await tinyModelFolderWrite(picked, model(id, 0.5));
  await corruptModelJson(picked);
  await desktopWithSim(page, "idle");
  await page.getByTestId("model-folder-input").setInputFiles(picked);
  await expect(page.getByTestId("model-drop-outcome")).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("model-drop-outcome")).toContainText("model.json");
  const listing = (await (await page.request.get("/api/models")).json()) as { models: { id: string }[] };
  expect(listing.models.map((m) => m.id)).not.toContain(id);

  // The same broken folder copied into the models folder by hand is listed as refused, with the reason.
  await tinyModelFolderWrite(join(userModels(), id), model(id, 0.5));
  await corruptModelJson(join(userModels(), id));
  await expect(page.getByTestId("refused-models")).toContainText(id);
  await expect(page.getByTestId("refused-models")).toContainText("model.json");
});
