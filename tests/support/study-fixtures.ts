import type { SceneSettings } from "@/lib/protocol/scene-settings";
import type { StudyCondition, StudyDefinition } from "@/lib/protocol/studies";

/** Which heuristic runs the one tuned role; the double-tap scene's `select` unless a test says otherwise. */
interface HeuristicRole {
  role?: string;
  heuristic?: string;
  refractoryMs?: number;
}

/**
 * Scene settings with a single role run by a heuristic at `thresholdProb`, deciding on
 * every window: the threshold is what tells two conditions apart in these tests.
 */
export function heuristicSettings(thresholdProb: number, { role = "select", heuristic = "double-tap", refractoryMs = 500 }: HeuristicRole = {}): SceneSettings {
  return {
    roles: { [role]: { choice: { kind: "heuristic", name: heuristic, params: {} }, decision: { thresholdProb, smoothingWindows: 1, minConsecutiveWindows: 1, refractoryMs } } },
    options: {},
  };
}

/** A double-tap condition named after its threshold: `thresholdCondition("low", 0.4)` is "Threshold 0.4". */
export const thresholdCondition = (id: string, thresholdProb: number): StudyCondition => ({ id, name: `Threshold ${thresholdProb}`, settings: heuristicSettings(thresholdProb) });

/** A stored double-tap study with a low and a high threshold; a test overrides the parts it looks at. */
export function studyDefinition(over: Partial<StudyDefinition> = {}): StudyDefinition {
  return {
    name: "Double tap thresholds",
    sceneId: "double-tap",
    consentText: "We record the phone's motion.",
    restS: 3,
    trials: [{ prompt: "Answer the call", role: "select", timeLimitS: 15 }],
    conditions: [thresholdCondition("low", 0.4), thresholdCondition("high", 0.7)],
    ...over,
  };
}
