import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { evaluateDetector } from "@/lib/eval/evaluate";
import { heuristicCreate } from "@/lib/models/heuristics";
import { REPORT_FILE } from "@/lib/models/model-files";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";
import { synthDataset, synthSeeds, SYNTH_RECIPES } from "@/lib/training/synthetic-data";
import { tinyModelFolderWrite } from "@/tests/support/tiny-models";
import { desktopWithSim } from "./helpers";

/**
 * A checkpoint's evaluation report opened from the slot it runs in (figures,
 * threshold sweep that sets the live threshold, confusion matrix), and a gesture
 * taught in the browser from the simulated phone's motion, trained in a worker and
 * run at once.
 */

const userModels = () => join(process.env.E2E_DATA_DIR!, "models");

test.beforeAll(async () => {
  await tfBackendInit(["wasm"], { wasmPath: tfWasmDistPath() });
});


test("a model's evaluation report shows its figures and picks the live threshold from the sweep", async ({ page }) => {
  const id = `e2e-report-${Date.now().toString(36)}`;
  const dir = join(userModels(), id);
  // A real report (the raise heuristic on simulated data) stands in for the checkpoint's own.
  const dataset = synthDataset({ interaction: "raise-to-speak", seeds: synthSeeds("test", 1), negativeSeconds: 10 });
  const report = evaluateDetector(heuristicCreate("raise-to-speak"), dataset, { labelMap: SYNTH_RECIPES["raise-to-speak"].labelMap });
  await tinyModelFolderWrite(dir, { id, name: "Report demo", interaction: "raise-to-speak", behaviour: { kind: "constant", prob: 0.2 } });
  await writeFile(join(dir, REPORT_FILE), JSON.stringify(report));

  await desktopWithSim(page, "idle");
  await expect(page.getByLabel("Detector A").locator(`option[value="m:${id}"]`)).toHaveCount(1, { timeout: 10_000 });
  await page.getByLabel("Detector A").selectOption(`m:${id}`);
  await page.getByTestId("slot-A-report").click();
  const dialog = page.getByTestId("model-report");
  await expect(dialog.getByTestId("report-f1")).toHaveText(`${Math.round(report.overall.f1! * 100)}%`);
  await expect(dialog.getByTestId("confusion")).toContainText("raise-to-speak");

  // Clicking the sweep near its left end sets a low threshold on the running model.
  const chart = dialog.getByTestId("sweep-chart").locator(".u-over");
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.06, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width * 0.06, box.y + box.height / 2);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Threshold A")).toHaveValue("0.05");
});

test("a gesture taught from the phone trains in the browser and runs at once", async ({ page }) => {
  test.setTimeout(150_000);
  await desktopWithSim(page, "flick");
  await page.getByTestId("teach-panel").locator("summary").click();
  await page.getByLabel("Gesture name").fill("flick again");
  for (let i = 1; i <= 3; i++) {
    await page.getByTestId("teach-record-example").click();
    await expect(page.getByTestId("teach-clips")).toHaveAttribute("data-examples", String(i), { timeout: 10_000 });
  }
  await page.getByTestId("sim-motion").selectOption("walk");
  await page.getByTestId("teach-record-other").click();
  await expect(page.getByTestId("teach-train")).toBeEnabled({ timeout: 25_000 });
  const started = Date.now();
  await page.getByTestId("teach-train").click();
  await expect(page.getByTestId("teach-panel")).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
  test.info().annotations.push({ type: "teach-train-ms", description: String(Date.now() - started) });
  await expect(page.getByTestId("slot-A")).toHaveAttribute("data-running", /^model:taught-flick-again@\d+$/, { timeout: 10_000 });
});
