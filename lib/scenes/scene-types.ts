import type { DecisionSettings, InteractionEvent } from "../models/detector";
import type { Interaction } from "../models/manifest";
import type { WatchTone } from "../protocol/device-feedback";
import type { SceneChoice } from "../protocol/scene-settings";
import type { MotionName } from "../sim/motion-names";

/**
 * What a scene is, without React: its detector roles, its options and a state
 * machine driven by interaction events (discrete) and by a per-frame tick (pose and
 * live scores, for "while scrubbing" or "until lowered"). Scenes live in
 * components/scenes/<id>/ so that one is one folder; their logic imports only this
 * engine, so it is tested in Node like the rest of lib/.
 */

/** A short feedback cue: each has a sound and a vibration pattern. */
export const SCENE_CUES = ["detect", "start", "stop", "move", "select", "back", "success", "dismiss"] as const;
export type SceneCue = (typeof SCENE_CUES)[number];

export interface ScoreInput {
  /** The role's newest smoothed score (strongest event label), 0-1. */
  score: number;
  /** At or above the role's current threshold. */
  above: boolean;
}

/** What a tick sees. Pose and scores are null while unknown (no device, no detector, stale stream). */
export interface SceneInputs {
  /** The page's clock, epoch ms. */
  nowMs: number;
  pose: { raiseDeg: number; rollDeg: number; headingDeg: number } | null;
  scores: Readonly<Record<string, ScoreInput | null>>;
}

/** A detector a scene needs: one slot of the scene's detector runtime. */
export interface SceneRole {
  /** Slot id, e.g. "trigger" or "next". */
  id: string;
  /** Short, shown on the slot's dot and in the event log, e.g. "Next". */
  label: string;
  description: string;
  /** Models of this interaction are offered first for the role. */
  interaction: Interaction;
  default: Exclude<SceneChoice, null>;
  /** Decision settings for the default detector; null keeps the detector's own. */
  defaultDecision?: DecisionSettings | null;
}

export type SceneOptionValue = number | boolean | string;

export type SceneOptionSpec =
  | { key: string; label: string; description?: string; kind: "number"; default: number; min: number; max: number; step: number; unit: string }
  | { key: string; label: string; description?: string; kind: "boolean"; default: boolean }
  | { key: string; label: string; description?: string; kind: "choice"; default: string; choices: readonly { value: string; label: string }[] };

export type SceneOptions = Readonly<Record<string, SceneOptionValue>>;

/** What the watch face shows in one line, for the phone's mirror and screen readers. */
export interface SceneMirror {
  text: string;
  tone: WatchTone;
  /** 0-1 for a progress ring. */
  progress?: number;
}

export interface SceneMachine<S> {
  initial(options: SceneOptions, nowMs: number): S;
  /** An event of one of the scene's roles. Return `s` itself when nothing changes. */
  onEvent(s: S, role: string, event: InteractionEvent, inputs: SceneInputs, options: SceneOptions): S;
  /** Called every animation frame. Return `s` itself when nothing changes (the common case: no re-render). */
  onTick(s: S, inputs: SceneInputs, options: SceneOptions): S;
  /** The state's name, exposed as `data-state` on the scene's root, e.g. "idle" / "listening". */
  stateName(s: S): string;
  /** The cue a change deserves; an event's change with no cue still gets "detect". */
  cue?(prev: S, next: S): SceneCue | null;
  mirror(s: S, options: SceneOptions): SceneMirror;
}

export interface SceneLogic<S = unknown> {
  /** Kebab-case, also the URL: /scenes/<id>. */
  id: string;
  title: string;
  /** One sentence for the gallery. */
  summary: string;
  /** What to do with the wrist, shown next to the watch. */
  howTo: string;
  /** The simulated phone's motion that demonstrates the scene. */
  simMotion: MotionName;
  roles: readonly SceneRole[];
  options: readonly SceneOptionSpec[];
  machine: SceneMachine<S>;
}
