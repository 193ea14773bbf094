import type { DevicePrompt } from "../protocol/recordings";
import type { LiveStudyInfo, StudyDefinition } from "../protocol/studies";

/** One trial of a participant's session, in the order they do it. */
export interface PlannedTrial {
  /** 1-based over the session. */
  seq: number;
  conditionIndex: number;
  conditionId: string;
  /** 0-based index in the task script. */
  trialIndex: number;
  /** 1-based within its condition, and the condition's count. */
  index: number;
  count: number;
  prompt: string;
  role: string;
  timeLimitS: number;
}

/** The whole script once per condition, conditions in the participant's (counterbalanced) order. */
export function studyPlan(d: StudyDefinition, conditionOrder: readonly string[]): PlannedTrial[] {
  return conditionOrder.flatMap((conditionId, conditionIndex) =>
    d.trials.map((t, trialIndex) => ({
      seq: conditionIndex * d.trials.length + trialIndex + 1,
      conditionIndex,
      conditionId,
      trialIndex,
      index: trialIndex + 1,
      count: d.trials.length,
      prompt: t.prompt,
      role: t.role,
      timeLimitS: t.timeLimitS,
    })),
  );
}

/** What the participant's phone shows in each phase; the trial's prompt carries its role as the label. */
export const studyPrompts = {
  consent: (text: string, sessionId: string, steps: number): DevicePrompt => ({ text, label: null, step: 0, steps, untilMs: null, consent: { sessionId } }),
  getReady: (seq: number, steps: number, untilMs: number): DevicePrompt => ({ text: "Get ready", label: null, step: seq, steps, untilMs }),
  trial: (t: PlannedTrial, steps: number, untilMs: number): DevicePrompt => ({ text: t.prompt, label: t.role, step: t.seq, steps, untilMs }),
  rest: (seq: number, steps: number, untilMs: number): DevicePrompt => ({ text: "Rest", label: null, step: seq, steps, untilMs }),
  /** Between conditions the facilitator explains what changes; the phone waits for them. */
  break: (seq: number, steps: number): DevicePrompt => ({ text: "Short break", label: null, step: seq, steps, untilMs: null }),
  paused: (seq: number, steps: number): DevicePrompt => ({ text: "Paused", label: null, step: seq, steps, untilMs: null }),
  done: (steps: number, untilMs: number): DevicePrompt => ({ text: "All done. Thank you!", label: null, step: steps, steps, untilMs }),
};

/** The live trial block of {@link LiveStudyInfo} for a planned trial. */
export function liveTrial(t: PlannedTrial, total: number, startedAtMs: number, untilMs: number | null): NonNullable<LiveStudyInfo["trial"]> {
  return { seq: t.seq, total, index: t.index, count: t.count, prompt: t.prompt, role: t.role, startedAtMs, untilMs, ended: null, falseTriggers: 0 };
}

/** A session's state as the room shows it before anything else: its phone shows the consent screen. */
export function studyConsentInfo(
  d: StudyDefinition,
  s: { sessionId: string; studyId: string; participant: string; deviceId: string; conditionOrder: readonly string[]; trials: number },
): LiveStudyInfo {
  const names = new Map(d.conditions.map((c) => [c.id, c.name]));
  return {
    sessionId: s.sessionId,
    studyId: s.studyId,
    studyName: d.name,
    sceneId: d.sceneId,
    participant: s.participant,
    deviceId: s.deviceId,
    recordingId: null,
    phase: "consent",
    conditions: s.conditionOrder.map((id) => ({ id, name: names.get(id) ?? id })),
    conditionIndex: 0,
    trial: null,
    phaseUntilMs: null,
    pausedPhase: null,
    marks: 0,
    prompt: studyPrompts.consent(d.consentText, s.sessionId, s.trials),
  };
}
