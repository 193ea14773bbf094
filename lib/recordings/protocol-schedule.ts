import { PROTOCOL_LEAD_IN_S, type DevicePrompt, type ProtocolStep } from "../protocol/recordings";

/** One stretch of a prompted protocol: what the phone shows and which label applies. */
export interface ProtocolPhase {
  fromMs: number;
  toMs: number;
  prompt: DevicePrompt;
}

/**
 * The whole protocol laid out on the recording clock from `startMs`: a lead-in,
 * then each step (labelled) and its rest (unlabelled). Computed once up front so
 * that timer jitter never shifts later steps: each phase starts at its planned time.
 */
export function protocolSchedule(steps: readonly ProtocolStep[], startMs: number): ProtocolPhase[] {
  const phases: ProtocolPhase[] = [];
  let t = startMs;
  const add = (durationS: number, text: string, label: string | null, step: number) => {
    const toMs = t + durationS * 1000;
    phases.push({ fromMs: t, toMs, prompt: { text, label, step, steps: steps.length, untilMs: toMs } });
    t = toMs;
  };
  add(PROTOCOL_LEAD_IN_S, "Get ready", null, 0);
  steps.forEach((s, i) => {
    add(s.durationS, `Now: ${s.prompt}`, s.label, i + 1);
    if (s.restS > 0) add(s.restS, "Rest", null, i + 1);
  });
  return phases;
}
