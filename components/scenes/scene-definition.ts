import type { ComponentType } from "react";
import type { SceneLogic, SceneOptions } from "@/lib/scenes/scene-types";

export interface SceneScreenProps<S> {
  state: S;
  /** The state's name (the root's `data-state`). */
  name: string;
  options: SceneOptions;
  /** False for the gallery's thumbnails: no microphone, no timers. */
  live: boolean;
}

/**
 * A scene as the app uses it: its logic (plain TypeScript, tested in Node) and the
 * watch screen that draws its state. One folder under components/scenes/ exports one
 * of these from its index.ts, and registry.ts lists it.
 */
export interface SceneDefinition<S = unknown> {
  logic: SceneLogic<S>;
  Screen: ComponentType<SceneScreenProps<S>>;
}

/** Erases the state type so scenes of different states share one list. */
export function defineScene<S>(logic: SceneLogic<S>, Screen: ComponentType<SceneScreenProps<S>>): SceneDefinition {
  return { logic, Screen } as unknown as SceneDefinition;
}
