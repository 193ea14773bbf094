import type { SceneLogic } from "@/lib/scenes/scene-types";

export type RaiseToSpeakState =
  | { kind: "idle"; sessions: number }
  | { kind: "listening"; sessions: number; sinceMs: number; loweredSinceMs: number | null };

const idle = (sessions: number): RaiseToSpeakState => ({ kind: "idle", sessions });

/**
 * Raise to speak: the detector fires once the wrist is up at the mouth and held;
 * listening then lasts while the forearm stays up. Lowering ends it, read from the
 * pose rather than from a "lower" detector: the arm's elevation is known every
 * frame, and a short dip (a nod, a glance) must not end a sentence, hence the hold.
 * Without a pose (no gyroscope), listening ends after the time limit.
 */
export const raiseToSpeakLogic: SceneLogic<RaiseToSpeakState> = {
  id: "raise-to-speak",
  title: "Raise to speak",
  summary: "Bring the watch to your mouth and talk: no wake word, no button.",
  howTo: "Raise your wrist to your mouth and hold it there. Lower it to stop listening.",
  simMotion: "raise",
  roles: [
    {
      id: "trigger",
      label: "Raise",
      description: "Starts listening when the wrist is raised to the mouth and held.",
      interaction: "raise-to-speak",
      default: { kind: "heuristic", name: "raise-to-speak", params: {} },
    },
  ],
  options: [
    { key: "lowerBelowDeg", kind: "number", label: "Lowered below", unit: "°", min: 10, max: 70, step: 1, default: 35, description: "Forearm elevation under which the wrist counts as lowered." },
    { key: "lowerHoldMs", kind: "number", label: "Lowered for", unit: "ms", min: 0, max: 1500, step: 50, default: 300, description: "How long it must stay lowered to stop listening." },
    { key: "maxListenS", kind: "number", label: "Listen at most", unit: "s", min: 2, max: 60, step: 1, default: 15, description: "Listening stops after this even if the wrist stays up." },
    { key: "speech", kind: "boolean", label: "Speech recognition", default: true, description: "Use the browser's speech recognition where it has one." },
  ],
  machine: {
    initial: () => idle(0),
    onEvent: (s, _role, _event, inputs) =>
      s.kind === "listening" ? s : { kind: "listening", sessions: s.sessions + 1, sinceMs: inputs.nowMs, loweredSinceMs: null },
    onTick(s, inputs, options) {
      if (s.kind !== "listening") return s;
      if (inputs.nowMs - s.sinceMs >= Number(options.maxListenS) * 1000) return idle(s.sessions);
      const lowered = inputs.pose !== null && inputs.pose.raiseDeg < Number(options.lowerBelowDeg);
      if (!lowered) return s.loweredSinceMs === null ? s : { ...s, loweredSinceMs: null };
      if (s.loweredSinceMs === null) return { ...s, loweredSinceMs: inputs.nowMs };
      return inputs.nowMs - s.loweredSinceMs >= Number(options.lowerHoldMs) ? idle(s.sessions) : s;
    },
    stateName: (s) => s.kind,
    cue: (prev, next) => (prev.kind === next.kind ? null : next.kind === "listening" ? "start" : "stop"),
    mirror: (s) => (s.kind === "listening" ? { text: "Listening…", tone: "active" } : { text: "Raise your wrist to speak", tone: "idle" }),
  },
};
