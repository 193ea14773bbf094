import type { SceneDefinition } from "./scene-definition";
import assistiveTouch from "./assistive-touch";
import doubleTap from "./double-tap";
import handwash from "./handwash";
import raiseToSpeak from "./raise-to-speak";
import wristFlick from "./wrist-flick";

/** Every scene, in gallery order. A new scene is a folder next to this file plus one line here. */
export const SCENES: readonly SceneDefinition[] = [raiseToSpeak, doubleTap, assistiveTouch, handwash, wristFlick];

export function sceneFind(id: string): SceneDefinition | undefined {
  return SCENES.find((s) => s.logic.id === id);
}
