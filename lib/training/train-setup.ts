import { recordingDurationMs, type MotionDataset } from "../data/motion-recording";
import { isChannelName, type ChannelName } from "../models/channels";
import type { DetectorInput } from "../models/detector";
import { INTERACTIONS, type Interaction } from "../models/manifest";
import { CUSTOM_PRESET, INTERACTION_PRESETS, type InteractionPreset } from "./interaction-presets";

/**
 * Turning what a user asks for (an interaction, some data, a few overrides) into a
 * training spec: which dataset labels are the model's events, and an input that the
 * data can fill. Kept apart from the CLI so it is tested without a process.
 */

/** Segment labels that mean "nothing in particular" in the datasets we read. */
const BACKGROUND_NAMES = new Set(["background", "idle", "none", "null", "other", "others", "noise", "rest", "negative", "unknown"]);

export function isBackgroundName(label: string): boolean {
  return BACKGROUND_NAMES.has(label.trim().toLowerCase());
}

export function presetFor(interaction: Interaction): InteractionPreset {
  return (INTERACTIONS as readonly string[]).includes(interaction) ? INTERACTION_PRESETS[interaction as (typeof INTERACTIONS)[number]] : CUSTOM_PRESET;
}

export interface LabelPlan {
  eventLabels: string[];
  labelMap: Record<string, string>;
}

/**
 * The model's event labels for recorded data. A built-in interaction has one event,
 * named after it (as its heuristic's), so the one dataset label that stands for it is
 * mapped onto that name; a custom interaction keeps the dataset's names. `wanted`
 * lists dataset labels explicitly; by default every label in the data that does not
 * mean background.
 */
export function labelPlan(interaction: Interaction, dataset: MotionDataset, wanted?: readonly string[]): LabelPlan {
  const present = [...new Set(dataset.recordings.flatMap((r) => r.segments.map((s) => s.label)))].sort();
  const missing = (wanted ?? []).filter((l) => !present.includes(l));
  if (missing.length > 0) {
    throw new Error(`label(s) ${missing.join(", ")} not found in ${dataset.name}; its labels are: ${present.join(", ") || "(none)"}`);
  }
  const chosen = wanted ? [...wanted] : present.filter((l) => !isBackgroundName(l));
  if (chosen.length === 0) throw new Error(`${dataset.name} has no labelled segments to learn (labels: ${present.join(", ") || "none"})`);
  if (interaction.startsWith("custom:")) return { eventLabels: chosen, labelMap: {} };
  if (present.includes(interaction) && !wanted) return { eventLabels: [interaction], labelMap: {} };
  if (chosen.length !== 1) {
    throw new Error(`${interaction} has one event, but ${dataset.name} has several labels (${chosen.join(", ")}): say which one with --labels`);
  }
  return { eventLabels: [interaction], labelMap: { [chosen[0]!]: interaction } };
}

export interface InputOverrides {
  rateHz?: number;
  windowSamples?: number;
  hopSamples?: number;
  channels?: readonly string[];
}

export interface InputPlan {
  input: DetectorInput;
  /** Adjustments made to fit the data, for the user to read. */
  notes: string[];
}

function positiveInteger(name: string, v: number | undefined): void {
  if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new RangeError(`${name} must be a positive integer, got ${v}`);
}

/**
 * The preset's input with the overrides applied. When the window was not given and
 * the data is clips shorter than the preset's window (punch-flex holds 1 s clips),
 * the window shrinks to 85 % of the shortest tenth of the recordings, or most of
 * them would give no window at all.
 */
export function inputPlan(preset: InteractionPreset, overrides: InputOverrides, dataset?: MotionDataset): InputPlan {
  positiveInteger("--window", overrides.windowSamples);
  positiveInteger("--hop", overrides.hopSamples);
  if (overrides.rateHz !== undefined && !(overrides.rateHz >= 1 && overrides.rateHz <= 1000)) {
    throw new RangeError(`--rate must be within 1-1000 Hz, got ${overrides.rateHz}`);
  }
  const unknown = (overrides.channels ?? []).filter((c) => !isChannelName(c));
  if (unknown.length > 0) throw new RangeError(`unknown channel(s) ${unknown.join(", ")}`);
  const notes: string[] = [];
  const rateHz = overrides.rateHz ?? preset.input.rateHz;
  let windowSamples = overrides.windowSamples ?? preset.input.windowSamples;
  if (overrides.windowSamples === undefined && dataset && dataset.recordings.length > 0) {
    const durationsS = dataset.recordings.map((r) => recordingDurationMs(r) / 1000).sort((a, b) => a - b);
    const shortS = durationsS[Math.floor(0.1 * (durationsS.length - 1))]!;
    const fit = Math.floor(0.85 * shortS * rateHz);
    if (fit < windowSamples) {
      windowSamples = Math.max(8, fit);
      notes.push(`recordings are short (10 % are under ${shortS.toFixed(2)} s): window shortened to ${windowSamples} samples (${((windowSamples / rateHz) * 1000).toFixed(0)} ms)`);
    }
  }
  let hopSamples = overrides.hopSamples ?? preset.input.hopSamples;
  if (hopSamples > windowSamples) {
    if (overrides.hopSamples !== undefined) throw new RangeError(`--hop (${hopSamples}) must not exceed the window (${windowSamples})`);
    hopSamples = windowSamples;
  }
  const channels = (overrides.channels ?? preset.input.channels) as readonly ChannelName[];
  return { input: { rateHz, windowSamples, hopSamples, channels: [...channels] }, notes };
}
