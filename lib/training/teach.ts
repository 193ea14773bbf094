import type { MotionRecording } from "../data/motion-recording";
import { checkpointFiles } from "../models/checkpoint-files";
import type { ModelFiles } from "../models/model-files";
import { CUSTOM_PRESET } from "./interaction-presets";
import { trainModel, type TrainProgress } from "./train";

/**
 * "Teach a gesture": a handful of examples recorded from the live phone and a stretch
 * of anything else, trained in the browser into a checkpoint the rest of the
 * playground uses like any other. The same training as `npm run train`, sized for a
 * tiny dataset: few epochs, early stopping, every example its own group so
 * validation holds out whole examples.
 */

export interface TeachRequest {
  /** What the designer calls the gesture; becomes the label and, slugged, the model id. */
  name: string;
  examples: readonly MotionRecording[];
  others: readonly MotionRecording[];
  epochs?: number;
  seed?: number;
  onProgress?: (p: TrainProgress) => void;
}

export interface TeachResult {
  files: ModelFiles;
  epochs: number;
  valEventF1: number | null;
}

export const TEACH_MIN_EXAMPLES = 3;
const TEACH_EPOCHS = 25;

/** Lower-case letters, digits and dashes, as model ids and custom interactions need. */
export function teachSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "gesture";
}

export async function teachTrain(req: TeachRequest): Promise<TeachResult> {
  if (req.examples.length < TEACH_MIN_EXAMPLES) {
    throw new Error(`record at least ${TEACH_MIN_EXAMPLES} examples of the gesture (have ${req.examples.length})`);
  }
  if (req.others.length === 0) throw new Error("record some other motion too, so the model learns what the gesture is not");
  const slug = teachSlug(req.name);
  const result = await trainModel({
    spec: {
      id: `taught-${slug}`,
      name: `${req.name.trim() || "Gesture"} (taught)`,
      interaction: `custom:${slug}`,
      input: CUSTOM_PRESET.input,
      eventLabels: [slug],
      labelMap: Object.fromEntries([...new Set(req.examples.flatMap((r) => r.segments.map((s) => s.label)))].map((l) => [l, slug])),
      decision: CUSTOM_PRESET.decision,
      trainedOn: `${req.examples.length} examples of "${req.name}" and ${req.others.length} clip(s) of other motion recorded live in the playground`,
      source: "taught in the browser",
    },
    dataset: { name: `taught ${req.name}`, recordings: [...req.examples, ...req.others] },
    epochs: req.epochs ?? TEACH_EPOCHS,
    seed: req.seed ?? 1,
    patience: 6,
    // Examples are trimmed by motion, not labelled by hand: a window holding most of one still shows the gesture.
    minCoverage: 0.7,
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
  });
  const files = await checkpointFiles(result.model, result.manifest);
  result.model.dispose();
  const best = result.history[result.bestEpoch - 1] ?? result.history.at(-1);
  return { files, epochs: result.history.length, valEventF1: best ? best.val.eventF1 : null };
}
