import type { DecisionSettings, Detector, DetectorInput, DetectorLabel, DetectorSpec } from "../detector";
import type { Interaction } from "../manifest";

/**
 * The shape of a rule-based detector: a readable rule (title, description), its named
 * thresholds with units and ranges (what a settings panel shows as sliders), and
 * `create`, which builds a {@link Detector} the runtime runs exactly like a TF.js model.
 */

export interface HeuristicParam {
  /** The default. */
  value: number;
  min: number;
  max: number;
  /** Slider step. */
  step: number;
  /** "m/s²", "rad/s", "ms", "Hz", "deg", or "" for a ratio. */
  unit: string;
  description: string;
}

export type ParamValues<K extends string> = Readonly<Record<K, number>>;

export interface HeuristicDefinition<K extends string = string> {
  /** Registry key; the detector's id is `heuristic:<name>`. */
  name: string;
  interaction: Interaction;
  title: string;
  /** The rule in one or two sentences, in words a designer uses. */
  description: string;
  params: Readonly<Record<K, HeuristicParam>>;
  /** The input at the default params; time params that set how much context the rule needs resize the window. */
  input: DetectorInput;
  /** Always `[background, <interaction>]`. */
  labels: readonly DetectorLabel[];
  decision: DecisionSettings;
  /** Throws on an unknown param name or a value outside its range. */
  create(params?: Partial<Record<string, number>>): Detector;
}

export function heuristicLabels(interaction: Interaction): readonly DetectorLabel[] {
  return [
    { name: "background", role: "background" },
    { name: interaction, role: "event" },
  ];
}

/** Defaults overridden by `overrides`, each checked against its range; errors name the heuristic, param, value and range. */
export function heuristicParamsResolve<K extends string>(
  name: string,
  specs: Readonly<Record<K, HeuristicParam>>,
  overrides: Partial<Record<string, number>> = {},
): ParamValues<K> {
  const values = {} as Record<K, number>;
  const keys = Object.keys(specs) as K[];
  for (const key of keys) values[key] = specs[key].value;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(specs, key)) {
      throw new Error(`heuristic "${name}": unknown param "${key}" (known: ${keys.join(", ")})`);
    }
    const spec = specs[key as K];
    if (typeof value !== "number" || !Number.isFinite(value) || value < spec.min || value > spec.max) {
      const unit = spec.unit ? ` ${spec.unit}` : "";
      throw new Error(`heuristic "${name}": param "${key}" is ${String(value)} but must be within ${spec.min}-${spec.max}${unit}`);
    }
    values[key as K] = value;
  }
  return values;
}

/** For params that bound a range from both ends (min below max). */
export function heuristicParamsOrdered(name: string, values: Readonly<Record<string, number>>, lowKey: string, highKey: string): void {
  if (!(values[lowKey]! < values[highKey]!)) {
    throw new Error(`heuristic "${name}": "${lowKey}" (${values[lowKey]}) must be below "${highKey}" (${values[highKey]})`);
  }
}

export interface HeuristicSpecParts {
  name: string;
  title: string;
  interaction: Interaction;
  input: DetectorInput;
  decision: DecisionSettings;
}

export function heuristicSpec(p: HeuristicSpecParts): DetectorSpec {
  return {
    id: `heuristic:${p.name}`,
    name: p.title,
    kind: "heuristic",
    interaction: p.interaction,
    input: p.input,
    labels: heuristicLabels(p.interaction),
    decision: { ...p.decision },
  };
}

/** Samples covering `ms` at `rateHz`, at least one. */
export function samplesFor(ms: number, rateHz: number): number {
  return Math.max(1, Math.ceil((ms * rateHz) / 1000));
}

/** The two-label output: `[1 − p, p]`. */
export function probsOf(eventProb: number): Float32Array {
  const p = Math.min(1, Math.max(0, Number.isNaN(eventProb) ? 0 : eventProb));
  return Float32Array.of(1 - p, p);
}
