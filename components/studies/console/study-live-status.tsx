"use client";

import type { LiveStudyInfo, StudyPhase } from "@/lib/protocol/studies";
import { useServerCountdown } from "./use-server-countdown";

const PHASE: Record<StudyPhase, { label: string; tone: string }> = {
  consent: { label: "Waiting for consent on the phone", tone: "border-amber-400 text-amber-200" },
  "lead-in": { label: "Get ready", tone: "border-slate-500 text-slate-200" },
  trial: { label: "Trial running", tone: "border-sky-400 text-sky-200" },
  rest: { label: "Rest", tone: "border-slate-500 text-slate-200" },
  break: { label: "Break: continue when ready", tone: "border-amber-400 text-amber-200" },
  paused: { label: "Paused", tone: "border-amber-400 text-amber-200" },
  done: { label: "Session complete", tone: "border-emerald-400 text-emerald-200" },
};

const ENDED: Record<string, string> = {
  success: "success (marked)",
  miss: "miss (marked)",
  detector: "detected",
  "time-limit": "time limit reached",
};

/**
 * Where the session is, for the facilitator and for observers: participant,
 * condition, trial and its prompt, and the seconds left. `large` is the observer's
 * second screen, readable across a room.
 */
export function StudyLiveStatus({ live, large = false }: { live: LiveStudyInfo; large?: boolean }) {
  // "done" ends by itself too (the room lets go of the session), but that is no deadline for anyone.
  const seconds = useServerCountdown(live.phase === "done" ? null : live.phaseUntilMs);
  const phase = PHASE[live.phase];
  const condition = live.conditions[live.conditionIndex];
  const trial = live.trial;
  const big = large ? "text-6xl" : "text-3xl";
  return (
    <section data-testid="study-live" data-phase={live.phase} data-seq={trial?.seq ?? 0} aria-live="polite" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <span className={`rounded-full border-2 px-3 py-1 font-semibold ${phase.tone} ${large ? "text-2xl" : "text-base"}`}>{phase.label}</span>
        {seconds !== null && <span className={`font-mono font-bold text-slate-100 tabular-nums ${large ? "text-4xl" : "text-2xl"}`}>{seconds} s</span>}
      </div>
      <dl className={`grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 ${large ? "text-3xl" : "text-lg"}`}>
        <dt className="text-slate-400">Participant</dt>
        <dd data-testid="study-live-participant" className="font-semibold text-slate-50">
          {live.participant}
        </dd>
        <dt className="text-slate-400">Condition</dt>
        <dd data-testid="study-live-condition" className="text-slate-100">
          {condition ? `${condition.name}` : "—"} <span className="text-slate-400">({live.conditionIndex + 1} of {live.conditions.length})</span>
        </dd>
        <dt className="text-slate-400">Trial</dt>
        <dd className="text-slate-100">
          {trial ? (
            <>
              {trial.index} of {trial.count} <span className="text-slate-400">· {trial.seq} of {trial.total} overall</span>
            </>
          ) : (
            "not started"
          )}
        </dd>
      </dl>
      {trial && (
        <p data-testid="study-live-prompt" className={`${big} leading-tight font-bold break-words ${trial.ended ? "text-slate-400" : "text-sky-100"}`}>
          “{trial.prompt}”
        </p>
      )}
      {trial?.ended && (
        <p className={`${large ? "text-2xl" : "text-base"} text-slate-300`}>
          Trial {trial.seq}: <span className="font-semibold text-slate-100">{ENDED[trial.ended] ?? trial.ended}</span>
          {trial.falseTriggers > 0 && `, ${trial.falseTriggers} false trigger${trial.falseTriggers === 1 ? "" : "s"}`}
        </p>
      )}
    </section>
  );
}
