import { writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { datasetHoldout } from "../lib/data/dataset-holdout";
import { datasetLoad } from "../lib/data/dataset-load";
import type { MotionDataset } from "../lib/data/motion-recording";
import { checkpointWrite } from "../lib/models/checkpoint-write";
import { isInteraction, type Interaction } from "../lib/models/manifest";
import { tfBackendInit } from "../lib/models/tf-backend";
import { tfWasmDistPath } from "../lib/models/tf-wasm-dist-path";
import { convGradKernelRegister } from "../lib/training/conv1d-grad-kernel";
import { EVERYDAY_NEGATIVES, isSynthInteraction, synthDataset, synthDescription, synthNegatives, synthSeeds, SYNTH_RECIPES } from "../lib/training/synthetic-data";
import { trainModel, type TrainProgress, type TrainResult, type TrainSpec } from "../lib/training/train";
import { inputPlan, labelPlan, presetFor } from "../lib/training/train-setup";

/**
 * `npm run train -- --interaction <name> --data <synth|path> --out public/models/<id>`:
 * trains the small 1D CNN in Node on the wasm backend (with our conv gradient
 * kernel; see lib/training/conv1d-grad-kernel.ts) and writes a checkpoint folder
 * (model.json, weights, manifest.json) that a running playground hot-swaps in.
 */

const USAGE = `Usage: npm run train -- --interaction <raise-to-speak|double-tap|flick|handwash|tap|custom:name> --data <synth|path> --out public/models/<id>
  (path: a data file or folder, or the recordings database data/recordings.sqlite[#ID,...])
  [--epochs 30] [--seed 1] [--rate Hz] [--window samples] [--hop samples] [--channels accelGX,accelGY,...]
  [--labels a,b] (which labels of recorded data are events)  [--holdout 0.25 [--holdout-seed 1]] (keep groups out for npm run eval --holdout)  [--seeds 24] (synthetic seeds)
  [--negatives synth] (mix simulated everyday motion into recorded data that has no background)
  [--id <id>] [--name "Shown name"] [--batch 32] [--backend wasm|cpu]`;

const TITLES: Record<string, string> = { "raise-to-speak": "Raise to speak", "double-tap": "Double tap", flick: "Wrist flick", handwash: "Handwashing" };

class UsageError extends Error {}

/** Written next to the checkpoint: how training went and which groups it held out, so an evaluation can use exactly those. */
const TRAINING_FILE = "training.json";

function trainingRecord(r: TrainResult, seed: number) {
  const round = (v: number) => Number(v.toFixed(5));
  return {
    seed,
    bestEpoch: r.bestEpoch,
    stoppedEarly: r.stoppedEarly,
    split: r.split,
    windows: { classes: r.manifest.output.labels.map((l) => l.name), ...r.windows },
    history: r.history.map((p) => ({
      epoch: p.epoch,
      loss: round(p.loss),
      valLoss: round(p.val.loss),
      valAccuracy: round(p.val.accuracy),
      valEventF1: round(p.val.eventF1),
      seconds: round(p.seconds),
    })),
  };
}

function numberArg(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!Number.isFinite(v)) throw new UsageError(`--${name} must be a number, got "${text}"`);
  return v;
}

const list = (text: string | undefined) => text?.split(",").map((s) => s.trim()).filter(Boolean);

function progressLine(p: TrainProgress): string {
  const width = String(p.epochs).length;
  const eta = p.etaSeconds >= 90 ? `${(p.etaSeconds / 60).toFixed(1)} min` : `${p.etaSeconds.toFixed(0)} s`;
  return [
    `epoch ${String(p.epoch).padStart(width)}/${p.epochs}`,
    `loss ${p.loss.toFixed(4)}`,
    `val loss ${p.val.loss.toFixed(4)}`,
    `val acc ${p.val.accuracy.toFixed(3)}`,
    `val event F1 ${p.val.eventF1.toFixed(3)}`,
    `${p.seconds.toFixed(1)} s`,
    `~${eta} left at most`,
    p.improved ? "best so far" : "",
  ]
    .filter(Boolean)
    .join("  ");
}

export async function trainCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      interaction: { type: "string" },
      data: { type: "string" },
      out: { type: "string" },
      epochs: { type: "string" },
      seed: { type: "string" },
      rate: { type: "string" },
      window: { type: "string" },
      hop: { type: "string" },
      channels: { type: "string" },
      labels: { type: "string" },
      seeds: { type: "string" },
      negatives: { type: "string" },
      holdout: { type: "string" },
      "holdout-seed": { type: "string" },
      id: { type: "string" },
      name: { type: "string" },
      batch: { type: "string" },
      backend: { type: "string", default: "wasm" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.interaction || !values.data || !values.out) throw new UsageError("--interaction, --data and --out are required");
  if (!isInteraction(values.interaction)) throw new UsageError(`unknown interaction "${values.interaction}"`);
  const interaction: Interaction = values.interaction;
  const out = resolve(values.out);
  const id = values.id ?? basename(out);
  const seed = numberArg("seed", values.seed) ?? 1;
  const backend = values.backend;
  if (backend !== "wasm" && backend !== "cpu") throw new UsageError(`--backend must be wasm or cpu, got "${backend}"`);

  let dataset: MotionDataset;
  let trainedOn: string;
  let labels: { eventLabels: string[]; labelMap: Record<string, string> };
  if (values.data === "synth") {
    if (!isSynthInteraction(interaction)) throw new UsageError(`--data synth has no recipe for ${interaction}: give recorded data`);
    const synth = { interaction, seeds: synthSeeds("train", numberArg("seeds", values.seeds) ?? 24) };
    console.log(`Simulating ${synth.seeds.length} seeds of ${interaction} and its negatives...`);
    dataset = synthDataset(synth);
    trainedOn = synthDescription(synth);
    const recipe = SYNTH_RECIPES[interaction];
    labels = { eventLabels: [recipe.eventLabel], labelMap: { ...recipe.labelMap } };
  } else {
    console.log(`Reading ${values.data}...`);
    dataset = await datasetLoad(values.data, { onWarning: (w) => console.warn(`  warning: ${w}`) });
    if (values.holdout !== undefined) {
      const held = datasetHoldout(dataset, numberArg("holdout", values.holdout)!, numberArg("holdout-seed", values["holdout-seed"]) ?? 1);
      console.log(`Holding out ${held.test.recordings.length} of ${dataset.recordings.length} recordings for npm run eval --holdout ${values.holdout}`);
      dataset = held.train;
    }
    trainedOn = `${dataset.recordings.length} recordings from ${values.data}`;
    labels = labelPlan(interaction, dataset, list(values.labels));
    if (values.negatives !== undefined) {
      if (values.negatives !== "synth") throw new UsageError(`--negatives takes "synth", got "${values.negatives}"`);
      const seeds = synthSeeds("train", numberArg("seeds", values.seeds) ?? 8);
      dataset = { ...dataset, recordings: [...dataset.recordings, ...synthNegatives(seeds, 30)] };
      trainedOn += `, plus SYNTHETIC negatives from the simulator (${EVERYDAY_NEGATIVES.join(", ")}; ${seeds.length} seeds x 30 s each)`;
    }
  }
  const preset = presetFor(interaction);
  const plan = inputPlan(
    preset,
    { rateHz: numberArg("rate", values.rate), windowSamples: numberArg("window", values.window), hopSamples: numberArg("hop", values.hop), channels: list(values.channels) },
    values.data === "synth" ? undefined : dataset,
  );
  for (const note of plan.notes) console.log(`  ${note}`);

  convGradKernelRegister();
  const picked = await tfBackendInit(backend === "wasm" ? ["wasm", "cpu"] : ["cpu"], { wasmPath: tfWasmDistPath() });
  const { input } = plan;
  const source = dataset.licence ? "real data" : values.data === "synth" ? "synthetic" : "recorded";
  const spec: TrainSpec = {
    id,
    name: values.name ?? `${TITLES[interaction] ?? interaction.replace(/^custom:/, "")} (1D CNN, ${source})`,
    interaction,
    input,
    ...labels,
    decision: preset.decision,
    trainedOn,
    source: `npm run train -- ${argv.join(" ")}`,
  };
  console.log(
    `Training ${spec.id} on ${picked}: ${input.windowSamples} samples x ${input.channels.length} channels at ${input.rateHz} Hz, hop ${input.hopSamples}; ` +
      `events: ${spec.eventLabels.join(", ")}${Object.keys(labels.labelMap).length ? ` (from ${Object.entries(labels.labelMap).map(([a, b]) => `${a} -> ${b}`).join(", ")})` : ""}`,
  );
  const started = performance.now();
  const result = await trainModel({
    spec,
    dataset,
    epochs: numberArg("epochs", values.epochs),
    batchSize: numberArg("batch", values.batch),
    seed,
    onInfo: (line) => console.log(`  ${line}`),
    onProgress: (p) => console.log(`  ${progressLine(p)}`),
  });
  const best = result.history[result.bestEpoch - 1]!;
  console.log(
    `${result.stoppedEarly ? "Stopped early" : "Done"} after ${result.history.length} epochs in ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
      `kept epoch ${result.bestEpoch} (val loss ${best.val.loss.toFixed(4)}, window F1 ${best.val.eventF1.toFixed(3)}).`,
  );
  await checkpointWrite(out, result.model, result.manifest);
  await writeFile(join(out, TRAINING_FILE), `${JSON.stringify(trainingRecord(result, seed), null, 2)}\n`);
  result.model.dispose();
  console.log(`Wrote ${out} (${id}). Event-level report: npm run eval -- --model ${values.out} --data ${values.data}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  trainCli(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`train: ${(e as Error).message}`);
    const usage = e instanceof UsageError || String((e as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS");
    if (usage) console.error(USAGE);
    process.exit(usage ? 2 : 1);
  });
}
