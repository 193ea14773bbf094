import { samplesPack, type MotionDataset, type MotionRecording } from "../data/motion-recording";
import { INTERACTIONS } from "../models/manifest";
import { motionGenerate, type MotionName } from "../sim/motion-generator";

/**
 * Labelled synthetic recordings for the built-in interactions, from the seeded
 * simulator: for each seed, one run of the interaction's own motion (its segments
 * are the positives) and one run of every negative motion (ordinary wear plus the
 * other interactions' gestures, all background for this model).
 *
 * One seed is one group: the simulator draws the phone's noise, bias, mounting and
 * heading from the seed, so a seed is one "person with one phone", and a split by
 * group keeps all of it on one side. Train and test seeds come from disjoint ranges
 * (`synthSeeds`), so a held-out evaluation never meets a seed the model trained on.
 *
 * Labels stay the simulator's own ("raise", "scrub"); `labelMap` renames them to the
 * model's event label, the interaction's name, as the heuristics use.
 */

export type SynthInteraction = (typeof INTERACTIONS)[number];

export interface SynthRecipe {
  positive: MotionName;
  /** Simulator label -> model label for the positives. */
  labelMap: Readonly<Record<string, string>>;
  /** The model's one event label. */
  eventLabel: SynthInteraction;
  negatives: readonly MotionName[];
  /** Long enough for a comparable number of positive windows across interactions. */
  positiveSeconds: number;
}

/** Everyday motion that must trigger nothing, whatever the interaction. */
export const EVERYDAY_NEGATIVES: readonly MotionName[] = ["idle", "walk", "typing", "swing", "random", "shake"];

/** The gestures of the built-in interactions; each is a negative for the others (a double tap above all for a tap). */
const GESTURES: readonly MotionName[] = ["raise", "double-tap", "flick", "scrub", "tap"];
const otherGestures = (own: MotionName): MotionName[] => GESTURES.filter((g) => g !== own);

export const SYNTH_RECIPES: Readonly<Record<SynthInteraction, SynthRecipe>> = {
  // The raise run alternates raise and lower: every lower is a negative too.
  "raise-to-speak": {
    positive: "raise",
    labelMap: { raise: "raise-to-speak" },
    eventLabel: "raise-to-speak",
    negatives: [...EVERYDAY_NEGATIVES, ...otherGestures("raise")],
    positiveSeconds: 90,
  },
  "double-tap": { positive: "double-tap", labelMap: {}, eventLabel: "double-tap", negatives: [...EVERYDAY_NEGATIVES, ...otherGestures("double-tap")], positiveSeconds: 60 },
  flick: { positive: "flick", labelMap: {}, eventLabel: "flick", negatives: [...EVERYDAY_NEGATIVES, ...otherGestures("flick")], positiveSeconds: 60 },
  handwash: {
    positive: "scrub",
    labelMap: { scrub: "handwash" },
    eventLabel: "handwash",
    negatives: [...EVERYDAY_NEGATIVES, ...otherGestures("scrub")],
    positiveSeconds: 60,
  },
  tap: { positive: "tap", labelMap: {}, eventLabel: "tap", negatives: [...EVERYDAY_NEGATIVES, ...otherGestures("tap")], positiveSeconds: 60 },
};

export function isSynthInteraction(x: string): x is SynthInteraction {
  return (INTERACTIONS as readonly string[]).includes(x);
}

/** First seed of each range; training never reaches the test range. */
export const SYNTH_SEED_BASE = { train: 1, test: 100_001 } as const;
export const MAX_TRAIN_SEEDS = SYNTH_SEED_BASE.test - SYNTH_SEED_BASE.train;

export function synthSeeds(split: keyof typeof SYNTH_SEED_BASE, count: number): number[] {
  if (!Number.isInteger(count) || count < 1 || (split === "train" && count > MAX_TRAIN_SEEDS)) {
    throw new RangeError(`seed count must be an integer in 1-${MAX_TRAIN_SEEDS}, got ${count}`);
  }
  return Array.from({ length: count }, (_, i) => SYNTH_SEED_BASE[split] + i);
}

/** Phones report at different rates (browsers ~60 Hz, native apps more, some Androids 50): vary it by seed. */
const PHONE_RATES_HZ = [60, 100, 60, 50] as const;

export function synthPhoneRateHz(seed: number): number {
  return PHONE_RATES_HZ[seed % PHONE_RATES_HZ.length]!;
}

export interface SynthDatasetOptions {
  interaction: SynthInteraction;
  seeds: readonly number[];
  /** Length of each negative run; default 30 s. */
  negativeSeconds?: number;
  /** Length of the positive run; default the recipe's. */
  positiveSeconds?: number;
  /** Default: the recipe's. */
  negatives?: readonly MotionName[];
}

/** One simulator run as a recording of the shared form. */
export function synthRecording(motion: MotionName, seed: number, seconds: number, motionIndex = 0): MotionRecording {
  const rateHz = synthPhoneRateHz(seed);
  // Distinct, realistic epoch times per recording; the resampler's grid does not care.
  const startTimeMs = 1_700_000_000_000 + (seed * 32 + motionIndex) * 1_000_000;
  const track = motionGenerate({ motion, seconds, seed, rateHz, startTimeMs });
  return {
    id: `synthetic/${motion}#${seed}`,
    group: `seed:${seed}`,
    source: `synthetic:${motion}`,
    samples: samplesPack(track.samples),
    length: track.samples.length,
    segments: track.segments.map((s) => ({ label: s.label, tStartMs: s.startMs, tEndMs: s.endMs })),
  };
}

export function synthDataset(opts: SynthDatasetOptions): MotionDataset {
  const recipe = SYNTH_RECIPES[opts.interaction];
  const negatives = opts.negatives ?? recipe.negatives;
  const recordings: MotionRecording[] = [];
  for (const seed of opts.seeds) {
    recordings.push(synthRecording(recipe.positive, seed, opts.positiveSeconds ?? recipe.positiveSeconds));
    negatives.forEach((motion, i) => recordings.push(synthRecording(motion, seed, opts.negativeSeconds ?? 30, i + 1)));
  }
  return { name: `synthetic-${opts.interaction}`, recordings };
}

/**
 * Everyday negatives alone, to mix into recorded data that has no "nothing
 * happening" time of its own (clip datasets such as punch-flex): without them a
 * model never sees background and fires on any motion. Groups are the seeds, as in
 * {@link synthDataset}, so they split like any other group.
 */
export function synthNegatives(seeds: readonly number[], seconds: number, motions: readonly MotionName[] = EVERYDAY_NEGATIVES): MotionRecording[] {
  return seeds.flatMap((seed) => motions.map((motion, i) => synthRecording(motion, seed, seconds, i + 1)));
}

/** For a manifest's provenance: what the data was, plainly. */
export function synthDescription(opts: SynthDatasetOptions): string {
  const recipe = SYNTH_RECIPES[opts.interaction];
  const seeds = opts.seeds;
  const range = seeds.length > 1 ? `${Math.min(...seeds)}-${Math.max(...seeds)}` : `${seeds[0]}`;
  return (
    `SYNTHETIC wrist motion from the Wristlab simulator (lib/sim), not real recordings: ${seeds.length} seeds (${range}), ` +
    `each ${opts.positiveSeconds ?? recipe.positiveSeconds} s of "${recipe.positive}" plus ${opts.negativeSeconds ?? 30} s of each negative ` +
    `(${(opts.negatives ?? recipe.negatives).join(", ")}). A starting point: retrain on recorded data.`
  );
}
