import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { datasetHoldout } from "../lib/data/dataset-holdout";
import { datasetLoad } from "../lib/data/dataset-load";
import type { MotionDataset } from "../lib/data/motion-recording";
import { evaluateDetector, reportText, type EvalOptions } from "../lib/eval/evaluate";
import type { DecisionSettings, Detector } from "../lib/models/detector";
import { heuristicCreate } from "../lib/models/heuristics";
import { REPORT_FILE } from "../lib/models/model-files";
import { modelFilesRead } from "../lib/models/model-files-read";
import { tfBackendInit } from "../lib/models/tf-backend";
import { tfDetectorLoad } from "../lib/models/tf-detector";
import { tfWasmDistPath } from "../lib/models/tf-wasm-dist-path";
import { isSynthInteraction, synthDataset, synthSeeds, SYNTH_RECIPES } from "../lib/training/synthetic-data";

/**
 * `npm run eval -- --model <dir|heuristic:name> --data <synth|path>`: scores a
 * checkpoint folder or a rule-based detector on a dataset exactly as the live runtime
 * runs it and prints the event-level report. A model's report is written into its
 * folder by default, where the playground shows it with the version it describes.
 */

const USAGE = `Usage: npm run eval -- --model <dir|heuristic:name> --data <synth|path> [--json] [--out <file>]
         path: a data file or folder, or the recordings database data/recordings.sqlite[#ID,...]
         --out: where the JSON report goes; default <dir>/${REPORT_FILE} for a model folder, none for a heuristic
         --json: print the JSON instead of the table
         [--seconds 3600] [--seeds 10]       synthetic data: total negative motion, held-out seeds it is spread over
         [--map from=to,...]                 dataset label -> detector label (e.g. raise=raise-to-speak)
         [--threshold 0.5] [--tolerance 500] decision threshold override; match tolerance after a segment's end, ms
         [--edge 0]                          ms at each end of a recording whose gestures are not judged (long streams only)
         [--holdout 0.25] [--holdout-seed 1] recorded data: judge only the held-out groups that \`npm run train --holdout\` left out`;

const HEURISTIC_PREFIX = "heuristic:";

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    data: { type: "string" },
    json: { type: "boolean", default: false },
    out: { type: "string" },
    seconds: { type: "string", default: "3600" },
    seeds: { type: "string", default: "10" },
    map: { type: "string" },
    threshold: { type: "string" },
    tolerance: { type: "string" },
    edge: { type: "string", default: "0" },
    holdout: { type: "string" },
    "holdout-seed": { type: "string", default: "1" },
    help: { type: "boolean", default: false },
  },
});

function fail(message: string, code = 2): never {
  console.error(`eval: ${message}${code === 2 ? `\n${USAGE}` : ""}`);
  process.exit(code);
}

function labelMapParse(text: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (text ?? "").split(",").filter(Boolean)) {
    const [from, to, extra] = pair.split("=").map((s) => s.trim());
    if (!from || !to || extra !== undefined) fail(`--map entry "${pair}" is not from=to`);
    map[from] = to;
  }
  return map;
}

async function detectorLoad(model: string): Promise<Detector> {
  if (model.startsWith(HEURISTIC_PREFIX)) return heuristicCreate(model.slice(HEURISTIC_PREFIX.length));
  const read = await modelFilesRead(model);
  if (!read.ok) throw new Error(`${model} is not a usable model folder:\n  ${read.errors.join("\n  ")}`);
  await tfBackendInit(["wasm", "cpu"], { wasmPath: tfWasmDistPath() });
  return tfDetectorLoad(read.files, { version: "eval" });
}

/**
 * Held-out synthetic data for the detector's interaction (seeds training never
 * uses): its gesture runs, and `negativeSeconds` of negative motion in all, spread
 * evenly over the seeds and the recipe's negative motions.
 */
function syntheticLoad(detector: Detector, negativeSeconds: number, seedCount: number): { dataset: MotionDataset; labelMap: Record<string, string> } {
  const { interaction } = detector.spec;
  if (!isSynthInteraction(interaction)) {
    throw new Error(`no synthetic data for ${interaction}: the simulator makes ${Object.keys(SYNTH_RECIPES).join(", ")}`);
  }
  const recipe = SYNTH_RECIPES[interaction];
  const dataset = synthDataset({
    interaction,
    seeds: synthSeeds("test", seedCount),
    negativeSeconds: negativeSeconds / (seedCount * recipe.negatives.length),
  });
  return { dataset, labelMap: { ...recipe.labelMap } };
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.model) fail("--model is required");
if (!values.data) fail("--data is required");
const seconds = Number(values.seconds);
const seedCount = Number(values.seeds);
if (!(seconds > 0)) fail("--seconds must be a positive number");
if (!(Number.isSafeInteger(seedCount) && seedCount >= 1)) fail("--seeds must be a positive integer");
const decision: Partial<DecisionSettings> = {};
if (values.threshold !== undefined) {
  const t = Number(values.threshold);
  if (!(t > 0 && t <= 1)) fail("--threshold must be in (0, 1]");
  decision.thresholdProb = t;
}
const toleranceMs = values.tolerance === undefined ? undefined : Number(values.tolerance);
if (toleranceMs !== undefined && !(toleranceMs >= 0)) fail("--tolerance must be a number of ms >= 0");
const edgeMs = Number(values.edge);
if (!(edgeMs >= 0)) fail("--edge must be a number of ms >= 0");

async function recordedLoad(path: string): Promise<MotionDataset> {
  const dataset = await datasetLoad(path, { onWarning: (m) => console.error(`eval: ${m}`) });
  if (values.holdout === undefined) return dataset;
  return datasetHoldout(dataset, Number(values.holdout), Number(values["holdout-seed"])).test;
}

try {
  const detector = await detectorLoad(values.model);
  const { dataset, labelMap } =
    values.data === "synth"
      ? syntheticLoad(detector, seconds, seedCount)
      : { dataset: await recordedLoad(values.data), labelMap: {} };
  const opts: EvalOptions = { labelMap: { ...labelMap, ...labelMapParse(values.map) }, decision, toleranceMs, edgeMs };
  const startedMs = performance.now();
  const report = evaluateDetector(detector, dataset, opts);
  detector.dispose();
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const out = values.out ?? (values.model.startsWith(HEURISTIC_PREFIX) ? undefined : join(values.model, REPORT_FILE));
  if (out) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, json);
  }
  if (values.json) {
    process.stdout.write(json);
  } else {
    console.log(reportText(report));
    console.log(`\nevaluated in ${((performance.now() - startedMs) / 1000).toFixed(1)} s${out ? `; report written to ${out}` : ""}`);
  }
} catch (e) {
  fail((e as Error).message, 1);
}
