import { z } from "zod";
import { CHANNEL_NAMES, isChannelName, type ChannelName } from "./channels";
import { issuesToLines } from "./plain-issues";

/**
 * `manifest.json`: everything the runtime needs to feed a TF.js checkpoint and turn
 * its outputs into interaction events, next to `model.json` in
 * `public/models/<id>/`. Objects are strict so a misspelt field ("rateHZ") is an
 * error instead of a silently ignored default.
 */

export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";

export const INTERACTIONS = ["raise-to-speak", "double-tap", "flick", "handwash", "tap"] as const;
/** A built-in interaction, or `custom:<name>` for experiments that have no scene yet. */
export type Interaction = (typeof INTERACTIONS)[number] | `custom:${string}`;

const CUSTOM_INTERACTION = /^custom:[a-z0-9][a-z0-9-]{0,39}$/;

export function isInteraction(x: unknown): x is Interaction {
  return typeof x === "string" && ((INTERACTIONS as readonly string[]).includes(x) || CUSTOM_INTERACTION.test(x));
}

/** Lower-case slug, also the folder name, so URLs and file names need no escaping. */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "must be 1-64 lower-case letters, digits or dashes" });
const text = (max: number) => z.string().trim().min(1).max(max);
// zod 4 numbers already reject NaN and ±Infinity, which JSON cannot carry anyway.
const finite = z.number();
const count = (min: number, max: number) => z.number().int().min(min).max(max);

const channel = z.custom<ChannelName>((v) => typeof v === "string" && isChannelName(v), {
  error: `must be one of ${CHANNEL_NAMES.join(", ")}`,
});

const normalisation = z.discriminatedUnion(
  "kind",
  [
    /** (x - mean) / std per channel, the usual output of a scikit-learn StandardScaler. */
    z.strictObject({ kind: z.literal("standardize"), mean: z.array(finite), std: z.array(finite.positive()) }),
    /** x * scale per channel, for models trained on unit-scaled data. */
    z.strictObject({ kind: z.literal("scale"), scale: z.array(finite.refine((v) => v !== 0, { error: "must not be 0" })) }),
  ],
  { error: `must be "standardize" (with mean and std) or "scale" (with scale)` },
);

const label = z.strictObject({
  name: text(64),
  /** Exactly one label is the "nothing happening" class; the others are events. */
  role: z.enum(["event", "background"]),
});

const manifestObject = z.strictObject({
  manifestVersion: z.literal(MANIFEST_VERSION),
  id: slug,
  name: text(80),
  interaction: z.custom<Interaction>(isInteraction, {
    error: `must be one of ${INTERACTIONS.join(", ")} or custom:<name> (lower-case letters, digits, dashes)`,
  }),
  /** TF.js `layers-model` (converted from Keras) or `graph-model` (converted from a SavedModel). */
  format: z.enum(["layers", "graph"]),
  input: z.strictObject({
    rateHz: finite.min(1).max(1000),
    windowSamples: count(1, 4096),
    hopSamples: count(1, 4096),
    channels: z.array(channel).min(1).max(CHANNEL_NAMES.length),
    /** `tc`: tensor [batch, windowSamples, channels]; `flat`: [batch, windowSamples * channels], time-major. */
    layout: z.enum(["tc", "flat"]),
    normalisation,
  }),
  output: z.strictObject({
    /** In the order of the model's output units (softmax or sigmoid probabilities). */
    labels: z.array(label).min(2).max(64),
  }),
  decision: z.strictObject({
    /** An event fires when its smoothed probability reaches this. */
    thresholdProb: finite.gt(0).max(1),
    /** Probabilities are averaged over the last k windows. */
    smoothingWindows: count(1, 64),
    /** ...and must stay above threshold this many windows in a row. */
    minConsecutiveWindows: count(1, 64),
    /** No second event of the same label within this time. */
    refractoryMs: finite.min(0).max(60_000),
  }),
  provenance: z.strictObject({
    trainedOn: text(500),
    trainedAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "must be a date like 2025-06-01" }),
    /** Held-out metrics, e.g. { "f1": 0.93, "falsePositivesPerHour": 0.4 }. */
    metrics: z.record(z.string().min(1), finite),
    source: text(500).optional(),
  }),
});

function duplicates(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x, i) => xs.indexOf(x) !== i))];
}

/**
 * Checks that need two fields at once. zod skips them when a field has the wrong
 * type, but runs them after range errors, so they must not repeat those.
 */
export const manifestSchema = manifestObject.superRefine((m, ctx) => {
  const { input } = m;
  const nChannels = input.channels.length;
  const lengthCheck = (key: string, values: readonly number[]) => {
    if (nChannels > 0 && values.length !== nChannels) {
      ctx.addIssue({
        code: "custom",
        path: ["input", "normalisation", key],
        message: `has ${values.length} values but input.channels has ${nChannels}`,
      });
    }
  };
  if (input.normalisation.kind === "standardize") {
    lengthCheck("mean", input.normalisation.mean);
    lengthCheck("std", input.normalisation.std);
  } else {
    lengthCheck("scale", input.normalisation.scale);
  }
  if (input.hopSamples > input.windowSamples) {
    ctx.addIssue({
      code: "custom",
      path: ["input", "hopSamples"],
      message: `is ${input.hopSamples} but must not exceed input.windowSamples (${input.windowSamples}), or samples would be skipped`,
    });
  }
  const repeatedChannels = duplicates(input.channels);
  if (repeatedChannels.length) {
    ctx.addIssue({ code: "custom", path: ["input", "channels"], message: `lists ${repeatedChannels.join(", ")} more than once` });
  }
  const labels = m.output.labels;
  const background = labels.filter((l) => l.role === "background").length;
  if (background !== 1) {
    ctx.addIssue({
      code: "custom",
      path: ["output", "labels"],
      message: `must have exactly one label with role "background", found ${background}`,
    });
  }
  const repeatedLabels = duplicates(labels.map((l) => l.name));
  if (repeatedLabels.length) {
    ctx.addIssue({ code: "custom", path: ["output", "labels"], message: `lists ${repeatedLabels.join(", ")} more than once` });
  }
});

export type ModelManifest = z.infer<typeof manifestSchema>;

export type ManifestParseResult = { ok: true; manifest: ModelManifest } | { ok: false; errors: string[] };

/** Validates already-decoded JSON; `fileName` prefixes every error line. */
export function manifestParse(json: unknown, fileName: string = MANIFEST_FILE): ManifestParseResult {
  const r = manifestSchema.safeParse(json, { reportInput: true });
  return r.success ? { ok: true, manifest: r.data } : { ok: false, errors: issuesToLines(fileName, r.error.issues) };
}
