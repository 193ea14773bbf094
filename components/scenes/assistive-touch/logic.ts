import type { SceneInputs, SceneLogic, SceneMirror, SceneOptions } from "@/lib/scenes/scene-types";
import { pointerDisarm, pointerMove, pointerSettleStep, pointerStart, type PointerSettle, type PointerState } from "./pointer";
import { APPS, SCREENS, type ScreenId } from "./screens";

/** A countdown; `leftS` is advanced by onTick in whole seconds, so it re-renders once a second. */
export interface TimerRun {
  durationS: number;
  endsAtMs: number;
  /** Time left when paused, ms; null while running. */
  pausedLeftMs: number | null;
  leftS: number;
}

/**
 * `focus` indexes the screen's items (screens.ts). `on` holds the switched-on items
 * as "screen.item" (a sent reply, a started workout, a setting). The counters tell the
 * cue what the last change was, and `pressed` keys the screen's press animation.
 */
export interface AssistiveTouchState {
  screen: ScreenId;
  focus: number;
  on: readonly string[];
  timer: TimerRun | null;
  /** Null while the motion pointer is off, or on but waiting for the wrist to hold still. */
  pointer: PointerState | null;
  /** The wait for a neutral pose while the pointer is on but not started; null otherwise. */
  settle: PointerSettle | null;
  moves: number;
  activations: number;
  backs: number;
  pressed: string | null;
}

const INITIAL_ON = ["settings.wrist", "settings.haptics"];

/** The focused item's id, or null on a screen without items. */
export const focusedItem = (s: AssistiveTouchState): string | null => SCREENS[s.screen].items[s.focus]?.id ?? null;

export const isOn = (s: AssistiveTouchState, screen: ScreenId, item: string): boolean => s.on.includes(`${screen}.${item}`);

/** A new screen, focused on its primary item; the pointer waits to be re-aimed. */
function go(s: AssistiveTouchState, screen: ScreenId, extra: Partial<AssistiveTouchState> = {}): AssistiveTouchState {
  const pointer = s.pointer && pointerDisarm(s.pointer, screen);
  return { ...s, ...extra, screen, focus: SCREENS[screen].initialFocus, pointer };
}

function toggled(on: readonly string[], key: string, exclusiveIn?: ScreenId): readonly string[] {
  if (on.includes(key)) return on.filter((k) => k !== key);
  return [...(exclusiveIn ? on.filter((k) => !k.startsWith(`${exclusiveIn}.`)) : on), key];
}

function timerStart(durationS: number, nowMs: number): TimerRun {
  return { durationS, endsAtMs: nowMs + durationS * 1000, pausedLeftMs: null, leftS: durationS };
}

/** Where the Timer app opens: the running timer if there is one, as watchOS does. */
function timerScreen(timer: TimerRun | null): ScreenId {
  if (!timer) return "timer";
  return timer.leftS > 0 ? "timer-running" : "timer-done";
}

/** Presses the item at `index` of the screen shown; the pointer, which may have clicked it, must be re-aimed. */
function activate(s0: AssistiveTouchState, index: number, nowMs: number): AssistiveTouchState {
  const item = SCREENS[s0.screen].items[index];
  if (!item) return s0;
  const pointer = s0.pointer && pointerDisarm(s0.pointer, s0.screen);
  const s = { ...s0, focus: index, pointer, activations: s0.activations + 1, pressed: `${s0.screen}.${item.id}` };
  const key = `${s.screen}.${item.id}`;
  switch (s.screen) {
    case "menu": {
      const app = APPS.find((a) => a.id === item.id);
      if (!app) return s;
      return app.id === "timer" ? go(s, timerScreen(s.timer)) : go(s, app.id);
    }
    case "timer":
      return go(s, "timer-running", { timer: timerStart(Number(item.id.replace("min-", "")) * 60, nowMs) });
    case "timer-running":
      return item.id === "cancel" ? go(s, "timer", { timer: null }) : { ...s, timer: s.timer && timerPauseToggle(s.timer, nowMs) };
    case "timer-done":
      return item.id === "repeat" && s.timer ? go(s, "timer-running", { timer: timerStart(s.timer.durationS, nowMs) }) : go(s, "timer", { timer: null });
    case "messages":
      // A sent reply stays sent.
      return s.on.includes(key) ? s : { ...s, on: [...s.on, key] };
    case "workout":
      // One workout at a time: starting one ends the other; selecting the active one ends it.
      return { ...s, on: toggled(s.on, key, "workout") };
    case "music":
    case "settings":
      return { ...s, on: toggled(s.on, key) };
  }
}

function timerPauseToggle(t: TimerRun, nowMs: number): TimerRun {
  if (t.pausedLeftMs === null) return { ...t, pausedLeftMs: Math.max(0, t.endsAtMs - nowMs) };
  return { ...t, endsAtMs: nowMs + t.pausedLeftMs, pausedLeftMs: null };
}

/** Back lands on the item that led down, as the watch keeps your place: the app's tile, the timer's preset. */
function returnFocus(s: AssistiveTouchState, parent: ScreenId): number {
  const via = parent === "menu" ? (s.screen.startsWith("timer") ? "timer" : s.screen) : s.timer ? `min-${s.timer.durationS / 60}` : "";
  const i = SCREENS[parent].items.findIndex((item) => item.id === via);
  return i >= 0 ? i : SCREENS[parent].initialFocus;
}

function back(s: AssistiveTouchState): AssistiveTouchState {
  const parent = SCREENS[s.screen].parent;
  if (!parent) return s;
  // Leaving the alarm dismisses it.
  const timer = s.screen === "timer-done" ? null : s.timer;
  return { ...go({ ...s, backs: s.backs + 1 }, parent, { timer }), focus: returnFocus(s, parent) };
}

function next(s: AssistiveTouchState): AssistiveTouchState {
  const n = SCREENS[s.screen].items.length;
  return n === 0 ? s : { ...s, focus: (s.focus + 1) % n, moves: s.moves + 1 };
}

/** The countdown, in whole seconds; at zero the alarm takes over the screen, wherever the wearer is. */
function timerAdvance(s: AssistiveTouchState, nowMs: number): AssistiveTouchState {
  const t = s.timer;
  if (!t || t.pausedLeftMs !== null || t.leftS === 0) return s;
  const leftS = Math.max(0, Math.ceil((t.endsAtMs - nowMs) / 1000));
  if (leftS === t.leftS) return s;
  const timer = { ...t, leftS };
  return leftS === 0 ? go(s, "timer-done", { timer }) : { ...s, timer };
}

/** The motion pointer's frame: on or off with the option, moved by the pose, focus following it, dwell clicking. */
function pointerTick(s: AssistiveTouchState, inputs: SceneInputs, options: SceneOptions): AssistiveTouchState {
  if (options.pointer !== true) return s.pointer || s.settle ? { ...s, pointer: null, settle: null } : s;
  if (!inputs.pose) return s;
  if (!s.pointer) {
    const settle = pointerSettleStep(s.settle, inputs.pose, inputs.nowMs);
    if (settle === "settled") return { ...s, settle: null, pointer: pointerStart(inputs.pose, s.screen) };
    return settle === s.settle ? s : { ...s, settle };
  }
  const { pointer, click } = pointerMove(s.pointer, s.screen, inputs.pose, inputs.nowMs, Number(options.pointerGainPctPerDeg), Number(options.dwellMs));
  if (click) return activate({ ...s, pointer }, pointer.hover, inputs.nowMs);
  if (pointer === s.pointer) return s;
  // The focus ring follows the pointer, so a Select event presses what the pointer is on.
  return { ...s, pointer, focus: pointer.hover >= 0 ? pointer.hover : s.focus };
}

/** m:ss, as the Timer app shows time left. */
export function clockText(totalS: number): string {
  const t = Math.max(0, Math.floor(totalS));
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, "0")}`;
}

function mirrorOf(s: AssistiveTouchState): SceneMirror {
  if (s.screen === "timer-done") return { text: "Timer done", tone: "alert" };
  const p = s.pointer;
  const hovered = p && p.dwellSinceMs !== null ? SCREENS[s.screen].items[p.hover] : undefined;
  if (hovered && p) return { text: `Dwell · ${hovered.label}`, tone: "active", progress: p.dwellProgress };
  if (s.screen === "timer-running" && s.timer) {
    const paused = s.timer.pausedLeftMs !== null;
    return { text: `Timer ${clockText(s.timer.leftS)}${paused ? " · paused" : ""}`, tone: paused ? "idle" : "active", progress: s.timer.leftS / s.timer.durationS };
  }
  const screen = SCREENS[s.screen];
  const item = screen.items[s.focus];
  return { text: item ? `${screen.title} · ${item.label}` : screen.title, tone: "idle" };
}

/**
 * AssistiveTouch, as on Apple Watch: hands-free navigation with three gestures. A
 * focus ring sits on one item; "next" moves it (wrapping), "select" presses the item,
 * "back" goes up a level. A task done end to end without touching the screen: open
 * Timer, step to "5 min", start it. With the motion pointer on, tilting the wrist
 * moves a pointer instead, and resting it on an item clicks it. State changes on the
 * event itself, so feedback never waits for an animation.
 */
export const assistiveTouchLogic: SceneLogic<AssistiveTouchState> = {
  id: "assistive-touch",
  title: "AssistiveTouch",
  summary: "Drive the watch without touching it: tap to move, double tap to select, flick to go back.",
  howTo:
    "Tap the watch once to move the focus ring to the next item, double tap to open or press it, flick your wrist to go back. " +
    "A task to try: open Timer, move to “5 min” and start it. With the motion pointer on, tilt your wrist to move the pointer and hold it on an item to click.",
  simMotion: "double-tap",
  roles: [
    {
      id: "next",
      label: "Next",
      description: "Moves the focus ring to the next item (after the last, back to the first).",
      interaction: "tap",
      default: { kind: "heuristic", name: "tap", params: {} },
    },
    {
      id: "select",
      label: "Select",
      description: "Presses the focused item, or the item under the motion pointer.",
      interaction: "double-tap",
      default: { kind: "heuristic", name: "double-tap", params: {} },
    },
    {
      id: "back",
      label: "Back",
      description: "Goes up a level, back to the app grid in the end.",
      interaction: "flick",
      default: { kind: "heuristic", name: "flick", params: {} },
    },
  ],
  options: [
    { key: "pointer", kind: "boolean", label: "Motion pointer", default: false, description: "Tilt the wrist to move a pointer over the screen; it starts at the centre, from the wrist's pose when switched on." },
    { key: "pointerGainPctPerDeg", kind: "number", label: "Pointer speed", unit: "% / °", min: 0.5, max: 10, step: 0.5, default: 3, description: "How far the pointer moves per degree of tilt, in percent of the screen." },
    { key: "dwellMs", kind: "number", label: "Dwell to click", unit: "ms", min: 300, max: 3000, step: 100, default: 1000, description: "Holding the pointer on an item this long clicks it." },
  ],
  machine: {
    initial: () => ({ screen: "menu", focus: 0, on: INITIAL_ON, timer: null, pointer: null, settle: null, moves: 0, activations: 0, backs: 0, pressed: null }),
    onEvent(s, role, _event, inputs) {
      switch (role) {
        case "next":
          return next(s);
        case "select":
          return activate(s, s.focus, inputs.nowMs);
        case "back":
          return back(s);
        default:
          return s;
      }
    },
    onTick: (s, inputs, options) => pointerTick(timerAdvance(s, inputs.nowMs), inputs, options),
    stateName: (s) => s.screen,
    // The countdown and the pointer's travel are not the wearer's gestures: no sound, no buzz.
    cue(prev, nextState) {
      if (nextState.activations > prev.activations) return "select";
      if (nextState.backs > prev.backs) return "back";
      if (nextState.moves > prev.moves) return "move";
      return null;
    },
    mirror: (s) => mirrorOf(s),
  },
};
