import type { Detector } from "../detector";
import { doubleTapHeuristic } from "./double-tap";
import { flickHeuristic } from "./flick";
import { handwashHeuristic } from "./handwash";
import type { HeuristicDefinition } from "./heuristic-definition";
import { raiseToSpeakHeuristic } from "./raise-to-speak";
import { tapHeuristic } from "./tap";

/** Rule-based detectors, one per built-in interaction: baselines and fallbacks, selected like models. */

export type { HeuristicDefinition, HeuristicParam } from "./heuristic-definition";

export const HEURISTICS: readonly HeuristicDefinition[] = [raiseToSpeakHeuristic, doubleTapHeuristic, flickHeuristic, handwashHeuristic, tapHeuristic];

export function heuristicDefinition(name: string): HeuristicDefinition {
  const d = HEURISTICS.find((h) => h.name === name);
  if (!d) throw new Error(`unknown heuristic "${name}" (known: ${HEURISTICS.map((h) => h.name).join(", ")})`);
  return d;
}

/** A fresh detector; `params` override the defaults by name. Throws on an unknown name or param, or a value out of range. */
export function heuristicCreate(name: string, params?: Partial<Record<string, number>>): Detector {
  return heuristicDefinition(name).create(params);
}
