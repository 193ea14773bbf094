import type { SceneDefinition } from "./scene-definition";
import raiseToSpeak from "./raise-to-speak";

/** Every scene, in gallery order. A new scene is a folder next to this file plus one line here. */
export const SCENES: readonly SceneDefinition[] = [raiseToSpeak];

export function sceneFind(id: string): SceneDefinition | undefined {
  return SCENES.find((s) => s.logic.id === id);
}
