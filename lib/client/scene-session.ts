import type { InteractionEvent } from "../models/detector";
import type { InteractionBus } from "../models/event-bus";
import type { SceneCue, SceneInputs, SceneLogic, SceneMirror, SceneOptions } from "../scenes/scene-types";

/** One event as the scene's log shows it: what it did and how fast the screen followed. */
export interface SceneLogEntry {
  key: number;
  role: string;
  event: InteractionEvent;
  /** State names before and after; equal when the event changed nothing (e.g. during a refractory run). */
  from: string;
  to: string;
  /** Page clock (performance.now()) when the bus delivered the event. */
  busAtMs: number;
  /** Bus to the DOM showing the new state (React's commit), ms; null until rendered. */
  domMs: number | null;
  /** Bus to the first animation frame after that commit, i.e. the frame that paints it, ms. */
  frameMs: number | null;
  /**
   * Whether the DOM already showed the new state when the first animation frame after
   * the bus delivery ran, i.e. no frame was painted without the feedback: "within one
   * frame" however slow the machine. Null until that frame (or without a frame source).
   */
  inFirstFrame: boolean | null;
}

export interface SceneSnapshot<S> {
  state: S;
  name: string;
  mirror: SceneMirror;
  log: readonly SceneLogEntry[];
}

export interface SceneSessionOptions {
  /** The scene's clock, epoch ms on the server's clock (as events are); ticks get the same time. */
  nowMs: () => number;
  /** The page's clock for latency, ms (performance.now in the browser). */
  perfNowMs: () => number;
  /** Runs a callback on the next animation frame (requestAnimationFrame in the browser). */
  nextFrame?: (callback: () => void) => void;
}

export interface SceneFeedbackHandlers {
  /** Feedback for a change: sound on the desktop, vibration on the phone. */
  onCue?: (cue: SceneCue) => void;
  /** The watch screen's one-line summary changed (for the phone's mirror). */
  onMirror?: (mirror: SceneMirror, stateName: string) => void;
}

const LOG_KEPT = 30;

/**
 * Runs one scene's state machine on the desktop: events from the interaction bus
 * (only those of the scene's roles), a tick per animation frame, and the scene's
 * options. React reads snapshots; every state change is one new snapshot, so an
 * unchanged tick costs no render. The log keeps, per event, the time from the bus
 * to the screen, which is how the scene's feedback latency is measured.
 */
export class SceneSession<S> {
  private snapshot: SceneSnapshot<S>;
  private options: SceneOptions;
  private readonly listeners = new Set<() => void>();
  private nextKey = 1;
  private lastInputs: SceneInputs;
  private handlers: SceneFeedbackHandlers = {};

  constructor(
    readonly logic: SceneLogic<S>,
    options: SceneOptions,
    private readonly opts: SceneSessionOptions,
  ) {
    const nowMs = opts.nowMs();
    this.options = options;
    const state = logic.machine.initial(options, nowMs);
    this.snapshot = { state, name: logic.machine.stateName(state), mirror: logic.machine.mirror(state, options), log: [] };
    this.lastInputs = { nowMs, pose: null, scores: {} };
  }

  readonly getSnapshot = (): SceneSnapshot<S> => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens to the bus for the scene's roles; returns the unsubscribe function. */
  listen(bus: InteractionBus): () => void {
    return bus.onEvent((event, slot) => {
      if (slot !== undefined && this.logic.roles.some((r) => r.id === slot)) this.event(slot, event);
    });
  }

  event(role: string, event: InteractionEvent): void {
    const busAtMs = this.opts.perfNowMs();
    const prev = this.snapshot.state;
    const next = this.logic.machine.onEvent(prev, role, event, { ...this.lastInputs, nowMs: this.opts.nowMs() }, this.options);
    const entry: SceneLogEntry = {
      key: this.nextKey++,
      role,
      event,
      from: this.snapshot.name,
      to: this.logic.machine.stateName(next),
      busAtMs,
      domMs: null,
      frameMs: null,
      inFirstFrame: null,
    };
    const log = [entry, ...this.snapshot.log].slice(0, LOG_KEPT);
    // Registered before the commit below so it runs in the first frame after this event.
    this.opts.nextFrame?.(() => this.firstFrameAfter(entry.key));
    this.commit(next, log, next === prev ? null : (this.logic.machine.cue?.(prev, next) ?? "detect"));
  }

  tick(inputs: SceneInputs): void {
    this.lastInputs = inputs;
    const prev = this.snapshot.state;
    const next = this.logic.machine.onTick(prev, inputs, this.options);
    if (next !== prev) this.commit(next, this.snapshot.log, this.logic.machine.cue?.(prev, next) ?? null);
  }

  /** Where feedback goes; replaced when the page's switches or the followed device change. */
  setFeedback(handlers: SceneFeedbackHandlers): void {
    this.handlers = handlers;
  }

  setOptions(options: SceneOptions): void {
    this.options = options;
    const mirror = this.logic.machine.mirror(this.snapshot.state, options);
    const changed = mirror.text !== this.snapshot.mirror.text || mirror.tone !== this.snapshot.mirror.tone || progressStep(mirror) !== progressStep(this.snapshot.mirror);
    this.snapshot = { ...this.snapshot, mirror };
    this.notify();
    if (changed) this.handlers.onMirror?.(mirror, this.snapshot.name);
  }

  /** Back to the scene's initial state (the "Reset" of a demo). */
  restart(): void {
    this.commit(this.logic.machine.initial(this.options, this.opts.nowMs()), this.snapshot.log, null);
  }

  /** Called by the view after the DOM shows the current snapshot. */
  markRendered(): void {
    if (this.snapshot.log.some((e) => e.domMs === null)) this.patchLog("domMs");
  }

  /** Called on the first animation frame after {@link markRendered}. */
  markPainted(): void {
    if (this.snapshot.log.some((e) => e.frameMs === null && e.domMs !== null)) this.patchLog("frameMs");
  }

  private firstFrameAfter(key: number): void {
    const log = this.snapshot.log.map((e) => (e.key === key && e.inFirstFrame === null ? { ...e, inFirstFrame: e.domMs !== null } : e));
    this.snapshot = { ...this.snapshot, log };
    this.notify();
  }

  private patchLog(field: "domMs" | "frameMs"): void {
    const now = this.opts.perfNowMs();
    const log = this.snapshot.log.map((e) => (e[field] === null && (field === "domMs" || e.domMs !== null) ? { ...e, [field]: now - e.busAtMs } : e));
    this.snapshot = { ...this.snapshot, log };
    this.notify();
  }

  private commit(state: S, log: readonly SceneLogEntry[], cue: SceneCue | null): void {
    const m = this.logic.machine;
    const name = m.stateName(state);
    const mirror = m.mirror(state, this.options);
    const mirrorChanged = mirror.text !== this.snapshot.mirror.text || mirror.tone !== this.snapshot.mirror.tone || name !== this.snapshot.name || progressStep(mirror) !== progressStep(this.snapshot.mirror);
    this.snapshot = { state, name, mirror, log };
    this.notify();
    if (cue) this.handlers.onCue?.(cue);
    if (mirrorChanged) this.handlers.onMirror?.(mirror, name);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

/** Progress in 5% steps: a countdown ring mirrored to the phone needs no more than ~20 messages. */
function progressStep(m: SceneMirror): number {
  return m.progress === undefined ? -1 : Math.round(m.progress * 20);
}
