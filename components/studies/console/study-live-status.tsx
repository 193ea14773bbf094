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
 * "done" covers every end: the last trial finished, or a stop (a trial cut short, or
 * none yet: a stop or a "No thanks" on the consent screen). The room says which only
 * through the trial it keeps, so read it from that rather than call every end complete.
 */
function doneLabel(live: LiveStudyInfo): { label: string; tone: string } {
  const t = live.trial;
  if (t && t.seq === t.total && t.ended !== null) return PHASE.done;
  if (!t) return { label: "Session ended before the first trial", tone: "border-slate-500 text-slate-200" };
  return { label: "Session stopped early", tone: "border-amber-400 text-amber-200" };
}

/**
 * Where the session is, for the facilitator and for observers: participant,
 * condition, trial and its prompt, and the seconds left. `large` is the observer's
 * second screen, readable across a room.
 */
export function StudyLiveStatus({ live, large = false }: { live: LiveStudyInfo; large?: boolean }) {
  // "done" ends by itself too (the room lets go of the session), but that is no deadline for anyone.
  const seconds = useServerCountdown(live.phase === "done" ? null : live.phaseUntilMs);
  const phase = live.phase === "done" ? doneLabel(live) : PHASE[live.phase];
  const condition = live.conditions[live.conditionIndex];
  const trial = live.trial;
  // A break sits between two conditions: the one shown has just finished.
  const next = live.phase === "break" ? live.conditions[live.conditionIndex + 1] : undefined;
  const big = large ? "text-5xl 2xl:text-6xl" : "text-3xl";
  return (
    <section data-testid="study-live" data-phase={live.phase} data-seq={trial?.seq ?? 0} aria-live="polite" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <span className={`rounded-full border-2 px-3 py-1 font-semibold ${phase.tone} ${large ? "text-2xl" : "text-base"}`}>{phase.label}</span>
        {seconds !== null && (
          // Its own ticking is not announced: the region around it speaks on phase and trial changes only.
          <span aria-live="off" className={`font-bold whitespace-nowrap text-slate-100 tabular-nums ${large ? "text-4xl" : "text-2xl"}`}>
            {seconds} s <span className="font-normal text-slate-400">left</span>
          </span>
        )}
      </div>
      <dl className={`grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 ${large ? "text-3xl" : "text-lg"}`}>
        <dt className="text-slate-400">Participant</dt>
        <dd data-testid="study-live-participant" className="font-semibold text-slate-50">
          {live.participant}
        </dd>
        <dt className="text-slate-400">Condition</dt>
        <dd data-testid="study-live-condition" className="text-slate-100">
          {condition ? `${condition.name}` : "—"}{" "}
          <span className="whitespace-nowrap text-slate-400">
            ({live.conditionIndex + 1} of {live.conditions.length})
          </span>
        </dd>
        <dt className="text-slate-400">Trial</dt>
        <dd className="text-slate-100">
          {trial ? (
            <>
              {trial.index} of {trial.count} <span className="whitespace-nowrap text-slate-400">· {trial.seq} of {trial.total} overall</span>
            </>
          ) : live.phase === "paused" && live.pausedPhase === "trial" ? (
            // The server drops a trial a pause interrupts; saying "not started" here would hide that.
            <span className="text-amber-200">interrupted: prompted again in full on Resume</span>
          ) : (
            "not started"
          )}
        </dd>
      </dl>
      {trial && (
        <p data-testid="study-live-prompt" className={`${big} leading-tight font-bold break-words ${trial.ended || live.phase === "done" ? "text-slate-400" : "text-sky-100"}`}>
          “{trial.prompt}”
        </p>
      )}
      {trial?.ended && (
        <p className={`${large ? "text-2xl" : "text-base"} text-slate-300`}>
          Trial {trial.seq}: <span className="font-semibold text-slate-100">{ENDED[trial.ended] ?? trial.ended}</span>
          {trial.falseTriggers > 0 && `, ${trial.falseTriggers} false trigger${trial.falseTriggers === 1 ? "" : "s"}`}
        </p>
      )}
      {next && (
        <p className={`${large ? "text-3xl" : "text-lg"} text-amber-100`}>
          Next condition: <span className="font-semibold">{next.name}</span> <span className="whitespace-nowrap text-amber-200/80">({live.conditionIndex + 2} of {live.conditions.length})</span>
        </p>
      )}
    </section>
  );
}
