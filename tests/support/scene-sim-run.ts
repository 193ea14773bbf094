import type { InteractionEvent, ScoreFrame } from "@/lib/models/detector";
import { DetectorRunner } from "@/lib/models/detector-runner";
import { heuristicCreate } from "@/lib/models/heuristics";
import { PoseTracker } from "@/lib/pose/pose-tracker";
import { SceneSession } from "@/lib/client/scene-session";
import { sceneDefaults } from "@/lib/scenes/scene-settings-resolve";
import type { SceneCue, SceneLogic, SceneOptionValue, ScoreInput } from "@/lib/scenes/scene-types";
import { motionGenerate, type MotionSegment } from "@/lib/sim/motion-generator";
import type { MotionName } from "@/lib/sim/motion-names";

export const SCENE_RUN_START_MS = 1_700_000_000_000;
/** Ticks at 60 frames per second of simulated time, as the desktop's animation frames. */
const FRAME_MS = 1000 / 60;

export interface SceneSimRun {
  /** Every change of state name, with its stream time. */
  states: { tMs: number; name: string }[];
  events: { role: string; event: InteractionEvent }[];
  cues: SceneCue[];
  segments: MotionSegment[];
  finalState: unknown;
}

export interface SceneSimOptions {
  motion: MotionName;
  seconds: number;
  seed: number;
  rateHz?: number;
  options?: Record<string, SceneOptionValue>;
}

/**
 * A scene driven by the simulator in Node, as the desktop drives it: each role's
 * default heuristic in a DetectorRunner (same resampling, windows and decision as
 * the worker), the pose tracker on the same samples, events into the scene session
 * as they are decided, and a tick every 1/60 s of stream time.
 */
export function sceneSimRun(logic: SceneLogic, o: SceneSimOptions): SceneSimRun {
  const track = motionGenerate({ motion: o.motion, seconds: o.seconds, seed: o.seed, rateHz: o.rateHz ?? 60, startTimeMs: SCENE_RUN_START_MS });
  let nowMs = SCENE_RUN_START_MS;
  const options = { ...sceneDefaults(logic).options, ...o.options };
  const session = new SceneSession(logic, options, { nowMs: () => nowMs, perfNowMs: () => 0 });
  const run: SceneSimRun = { states: [{ tMs: nowMs, name: session.getSnapshot().name }], events: [], cues: [], segments: track.segments, finalState: null };
  session.setFeedback({ onCue: (c) => run.cues.push(c) });
  session.subscribe(() => {
    const name = session.getSnapshot().name;
    if (run.states[run.states.length - 1]!.name !== name) run.states.push({ tMs: nowMs, name });
  });

  const scores: Record<string, ScoreInput | null> = {};
  const runners = logic.roles.map((role) => {
    if (role.default.kind !== "heuristic") throw new Error(`role ${role.id} defaults to a model; sceneSimRun runs heuristics only`);
    const detector = heuristicCreate(role.default.name, role.default.params);
    const eventLabels = detector.spec.labels.flatMap((l, i) => (l.role === "event" ? [i] : []));
    const runner: DetectorRunner = new DetectorRunner(detector, {
      deviceId: "sim",
      nowMs: () => nowMs,
      onEvent: (event) => {
        run.events.push({ role: role.id, event });
        session.event(role.id, event);
      },
      onScores: (f: ScoreFrame) => {
        const score = Math.max(...eventLabels.map((i) => f.smoothed[i] ?? 0));
        scores[role.id] = { score, above: score >= runner.decision.thresholdProb };
      },
    });
    if (role.defaultDecision) runner.setDecision(role.defaultDecision);
    return runner;
  });

  const pose = new PoseTracker();
  let nextTickMs = SCENE_RUN_START_MS;
  for (const s of track.samples) {
    nowMs = s[0];
    pose.push(s);
    for (const r of runners) r.push(s[0], s);
    while (nextTickMs <= nowMs) {
      const a = pose.angles;
      session.tick({ nowMs: nextTickMs, pose: { raiseDeg: a.raiseDeg, rollDeg: a.rollDeg, headingDeg: a.headingDeg }, scores: { ...scores } });
      nextTickMs += FRAME_MS;
    }
  }
  run.finalState = session.getSnapshot().state;
  return run;
}
