import type { DevicePrompt } from "../protocol/recordings";
import { roomCodeFormat } from "../protocol/room-code";
import { STUDY_LEAD_IN_S, type DeviceConsent, type LiveStudyInfo, type MarkKind, type StudyDefinition, type StudyEvent, type StudyPhase, type StudyScorePoint } from "../protocol/studies";
import type { RecordingStore } from "../recordings/recording-store";
import { RecordingStoreError } from "../recordings/recording-store-error";
import { liveTrial, studyConsentInfo, studyPlan, studyPrompts, type PlannedTrial } from "../studies/study-plan";
import type { StudyStore } from "../studies/study-store";
import type { Hub } from "./hub";
import type { Recorder } from "./recorder";
import type { Room } from "./room-registry";
import { StepTimer } from "./step-timer";

export interface StudyRunnerDeps {
  studies: StudyStore;
  recordings: RecordingStore;
  recorder: Recorder;
  hub: Hub;
  nowMs?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

interface Running {
  room: Room;
  def: StudyDefinition;
  plan: PlannedTrial[];
  /** Index into the plan of the trial shown now, or of the last one. */
  cursor: number;
  trialOpen: boolean;
  timer: StepTimer;
  info: LiveStudyInfo;
}

/** A key press may carry the console's clock; beyond this from the server's, the server's wins. */
const KEY_CLOCK_TRUST_MS = 5000;
/** How long "All done" stays on the phone and the room shows the finished session. */
const DONE_SHOWN_MS = 8000;

/**
 * Runs usability study sessions on the server, one per room: the consent screen on
 * the participant's phone, then (once they agree) a recording of their device with
 * each trial's prompt at its time, the trial's span as a label, the facilitator's
 * marks and the console's detector events. Running here rather than in the console
 * keeps the timeline whole when a desktop tab reloads.
 */
export class StudyRunner {
  private readonly running = new Map<string, Running>();
  /** Sessions that just ended, while the room still shows them: marks may still correct the last trial. */
  private readonly finished = new Map<string, Running>();
  private readonly nowMs: () => number;
  private readonly log: (msg: string, err?: unknown) => void;
  private readonly offConsent: () => void;

  constructor(private readonly deps: StudyRunnerDeps) {
    this.nowMs = deps.nowMs ?? Date.now;
    this.log = deps.log ?? ((msg, err) => console.error(`[studies] ${msg}`, err ?? ""));
    this.offConsent = deps.hub.onConsent((room, deviceId, consent) => this.consent(room, deviceId, consent));
    const found = deps.studies.interruptedMark();
    if (found > 0) this.log(`${found} study session(s) were running when the server stopped; marked interrupted.`);
  }

  start(studyId: string, req: { participant: string; room: string; deviceId: string }): LiveStudyInfo {
    const def = this.deps.studies.definition(studyId);
    const room = this.deps.hub.rooms.get(req.room);
    if (!room) throw new RecordingStoreError(404, `No room ${roomCodeFormat(req.room)}: open it on the desktop first.`);
    if (room.study && room.study.phase !== "done") throw new RecordingStoreError(409, `Room ${roomCodeFormat(room.code)} is running ${room.study.participant}'s session: stop it first.`);
    if (room.recording) throw new RecordingStoreError(409, `Room ${roomCodeFormat(room.code)} is recording "${room.recording.name}": stop it first.`);
    const device = room.devices.get(req.deviceId);
    if (!device) throw new RecordingStoreError(404, `No device "${req.deviceId}" in room ${roomCodeFormat(room.code)}.`);
    if (device.socketId === null) throw new RecordingStoreError(409, `${device.name} is offline: the participant's phone must be connected to show the consent screen.`);
    this.clearDone(room);
    const { sessionId, info: participant } = this.deps.studies.sessionCreate(studyId, req.participant);
    const plan = studyPlan(def, participant.conditionOrder);
    const r: Running = {
      room,
      def,
      plan,
      cursor: 0,
      trialOpen: false,
      timer: new StepTimer(this.nowMs, (err) => this.log(`session ${sessionId} step failed`, err)),
      info: studyConsentInfo(def, { sessionId, studyId, participant: req.participant, deviceId: req.deviceId, conditionOrder: participant.conditionOrder, trials: plan.length }),
    };
    this.running.set(sessionId, r);
    this.publish(r);
    return r.info;
  }

  pause(sessionId: string): LiveStudyInfo {
    const r = this.session(sessionId);
    if (!["lead-in", "trial", "rest"].includes(r.info.phase)) throw new RecordingStoreError(409, `Cannot pause during ${r.info.phase}.`);
    r.timer.clear();
    const now = this.nowMs();
    if (r.trialOpen) {
      // The interrupted trial is taken back and prompted afresh on resume: its partial time would skew the figures.
      this.deps.studies.sessions.trialDrop(sessionId, r.plan[r.cursor]!.seq);
      this.labelEnd(r, now);
      r.trialOpen = false;
      r.info.trial = null;
    }
    this.deps.studies.sessions.status(sessionId, "paused");
    this.set(r, { phase: "paused", pausedPhase: r.info.phase, phaseUntilMs: null, prompt: studyPrompts.paused(r.plan[r.cursor]!.seq, r.plan.length) });
    return r.info;
  }

  /** Continues after a pause or a break between conditions. */
  resume(sessionId: string): LiveStudyInfo {
    const r = this.session(sessionId);
    const from = r.info.phase === "paused" ? r.info.pausedPhase : r.info.phase;
    if (r.info.phase !== "paused" && r.info.phase !== "break") throw new RecordingStoreError(409, `Nothing to resume during ${r.info.phase}.`);
    // After a rest or a break the last trial is over: go on with the next one.
    if (from === "rest" || from === "break") r.cursor++;
    this.deps.studies.sessions.status(sessionId, "running");
    this.leadIn(r);
    return r.info;
  }

  stop(sessionId: string, reason = "stopped by the facilitator"): LiveStudyInfo {
    const r = this.session(sessionId);
    r.timer.clear();
    const now = this.nowMs();
    if (r.trialOpen) this.deps.studies.sessions.trialDrop(sessionId, r.plan[r.cursor]!.seq);
    this.end(r, r.info.phase === "consent" ? "declined" : "stopped", reason, now);
    return r.info;
  }

  /** Also just after the session ended, so the last trial's verdict can still be corrected. */
  mark(sessionId: string, kind: MarkKind, note: string | null, atServerMs?: number): LiveStudyInfo {
    const r = this.finished.get(sessionId) ?? this.session(sessionId);
    const now = this.nowMs();
    const atMs = atServerMs !== undefined && Math.abs(atServerMs - now) < KEY_CLOCK_TRUST_MS ? atServerMs : now;
    const seq = r.info.trial?.seq ?? null;
    if (kind !== "note" && seq === null) throw new RecordingStoreError(409, "No trial has started yet: there is nothing to mark.");
    this.deps.studies.sessions.markAdd(sessionId, seq, kind, atMs, note);
    const trial = r.info.trial && kind === "false-trigger" ? { ...r.info.trial, falseTriggers: r.info.trial.falseTriggers + 1 } : r.info.trial;
    this.set(r, { marks: r.info.marks + 1, trial });
    // A verdict during the trial ends it; after it (rest, break) it overrides the detector's.
    if ((kind === "success" || kind === "miss") && r.trialOpen) this.trialEnd(r, kind, atMs);
    return r.info;
  }

  /** The console's detector events: stored on the recording's timeline; the trial's own role ends the trial. */
  events(sessionId: string, events: readonly StudyEvent[]): void {
    const r = this.session(sessionId);
    if (r.info.recordingId === null) throw new RecordingStoreError(409, "The participant has not agreed yet: nothing is recorded.");
    this.deps.recordings.eventsAdd(
      r.info.recordingId,
      events.map((e) => ({ tMs: e.tEndMs, deviceId: e.deviceId, interaction: e.interaction, detector: `${e.role}: ${e.detector}`, score: e.score, slot: e.role, detectedAtMs: e.detectedAtMs })),
    );
    const t = r.plan[r.cursor]!;
    const hit = r.trialOpen && r.info.trial && events.find((e) => e.role === t.role && e.detectedAtMs >= r.info.trial!.startedAtMs);
    if (hit) this.trialEnd(r, "detector", Math.max(hit.detectedAtMs, r.info.trial!.startedAtMs));
  }

  /** The console's live detector scores, kept with the recording for the timeline. */
  scores(sessionId: string, points: readonly StudyScorePoint[]): void {
    const r = this.finished.get(sessionId) ?? this.session(sessionId);
    if (r.info.recordingId === null) throw new RecordingStoreError(409, "The participant has not agreed yet: nothing is recorded.");
    this.deps.recordings.scoresAdd(r.info.recordingId, points);
  }

  /** A session of the study (of that participant, when given) is running. */
  isRunning(studyId: string, participant?: string): boolean {
    return [...this.running.values()].some((r) => r.info.studyId === studyId && (participant === undefined || r.info.participant === participant));
  }

  /** Ends every session (server shutdown); they stay stopped, with their finished trials. */
  close(): void {
    for (const r of [...this.running.values()]) this.stop(r.info.sessionId, "the server stopped");
    this.offConsent();
  }

  private consent(room: Room, deviceId: string, c: DeviceConsent): string | null {
    const r = this.running.get(c.sessionId);
    if (r && r.room === room && r.info.deviceId !== deviceId) return "This consent screen is for another phone.";
    if (!r || r.room !== room || r.info.phase !== "consent") return "This consent screen is no longer current.";
    const now = this.nowMs();
    if (!c.agreed) {
      this.end(r, "declined", "declined on the phone", now);
      return null;
    }
    try {
      const roles = [...new Set(r.plan.map((t) => t.role))];
      const rec = this.deps.recorder.start({ room: room.code, deviceId, name: `${r.def.name} · ${r.info.participant}`, labelSet: roles }, true);
      this.deps.studies.sessions.status(r.info.sessionId, "running", { recordingId: rec.id, consentAtMs: now });
      r.info = { ...r.info, recordingId: rec.id };
    } catch (err) {
      return `The recording could not start: ${(err as Error).message}`;
    }
    this.leadIn(r);
    return null;
  }

  private leadIn(r: Running) {
    const t = r.plan[r.cursor]!;
    const until = this.nowMs() + STUDY_LEAD_IN_S * 1000;
    this.set(r, { phase: "lead-in", pausedPhase: null, conditionIndex: t.conditionIndex, phaseUntilMs: until, prompt: studyPrompts.getReady(t.seq, r.plan.length, until) });
    r.timer.at(until, () => this.trialBegin(r));
  }

  private trialBegin(r: Running) {
    const t = r.plan[r.cursor]!;
    const now = this.nowMs();
    if (!this.deps.recorder.isRunning(r.info.recordingId!)) {
      this.end(r, "stopped", "its recording was stopped outside the study", now);
      return;
    }
    const until = now + t.timeLimitS * 1000;
    this.deps.studies.sessions.trialStart(r.info.sessionId, { seq: t.seq, conditionId: t.conditionId, trialIndex: t.trialIndex, prompt: t.prompt, role: t.role, timeLimitS: t.timeLimitS, promptAtMs: now });
    this.deps.recorder.label(r.info.recordingId!, t.role, now);
    r.trialOpen = true;
    this.set(r, { phase: "trial", trial: liveTrial(t, r.plan.length, now, until), phaseUntilMs: until, prompt: studyPrompts.trial(t, r.plan.length, until) });
    r.timer.at(until, () => this.trialEnd(r, "time-limit", until));
  }

  private trialEnd(r: Running, reason: NonNullable<NonNullable<LiveStudyInfo["trial"]>["ended"]>, atMs: number) {
    r.timer.clear();
    const t = r.plan[r.cursor]!;
    this.deps.studies.sessions.trialEnd(r.info.sessionId, t.seq, atMs, reason);
    this.labelEnd(r, atMs);
    r.trialOpen = false;
    const trial = r.info.trial ? { ...r.info.trial, ended: reason, untilMs: null } : null;
    const next = r.plan[r.cursor + 1];
    const now = this.nowMs();
    if (!next) {
      this.set(r, { trial });
      this.end(r, "complete", "all trials done", now);
    } else if (next.conditionIndex !== t.conditionIndex) {
      this.set(r, { phase: "break", trial, phaseUntilMs: null, prompt: studyPrompts.break(t.seq, r.plan.length) });
    } else {
      const until = now + r.def.restS * 1000;
      this.set(r, { phase: "rest", trial, phaseUntilMs: until, prompt: studyPrompts.rest(t.seq, r.plan.length, until) });
      r.timer.at(until, () => {
        r.cursor++;
        this.trialBegin(r);
      });
    }
  }

  private end(r: Running, status: "complete" | "stopped" | "declined", reason: string, now: number) {
    r.timer.clear();
    this.running.delete(r.info.sessionId);
    this.finished.set(r.info.sessionId, r);
    this.deps.studies.sessions.status(r.info.sessionId, status, { endedAtMs: now, endReason: reason });
    if (r.info.recordingId !== null && this.deps.recorder.isRunning(r.info.recordingId)) this.deps.recorder.stop(r.info.recordingId, reason);
    if (status === "declined") {
      this.set(r, { phase: "done", phaseUntilMs: null, prompt: null });
      this.clearDone(r.room);
      return;
    }
    const until = now + DONE_SHOWN_MS;
    this.set(r, { phase: "done", phaseUntilMs: until, prompt: studyPrompts.done(r.plan.length, until) });
    r.timer.at(until, () => this.clearDone(r.room, r.info.sessionId));
  }

  /** Takes a finished session off the room (and its "All done" off the phone). */
  private clearDone(room: Room, sessionId?: string) {
    const s = room.study;
    if (!s || s.phase !== "done" || (sessionId !== undefined && s.sessionId !== sessionId)) return;
    this.finished.delete(s.sessionId);
    room.study = null;
    this.deps.hub.devicePrompt(room, [s.deviceId], null);
    this.deps.hub.roomChanged(room);
  }

  private labelEnd(r: Running, atMs: number) {
    if (r.info.recordingId !== null && this.deps.recorder.isRunning(r.info.recordingId)) this.deps.recorder.label(r.info.recordingId, null, atMs);
  }

  private session(sessionId: string): Running {
    const r = this.running.get(sessionId);
    if (r) return r;
    throw new RecordingStoreError(409, "That session is not running (it ended, or the server restarted).");
  }

  /** A new info object (screens compare by identity) on the room, and the phone's prompt when it changed. */
  private set(r: Running, patch: Partial<LiveStudyInfo> & { phase?: StudyPhase; prompt?: DevicePrompt | null }) {
    const before = r.info.prompt;
    r.info = { ...r.info, ...patch };
    this.publish(r, before !== r.info.prompt);
  }

  private publish(r: Running, promptChanged = true) {
    r.room.study = r.info;
    if (promptChanged) this.deps.hub.devicePrompt(r.room, [r.info.deviceId], r.info.prompt);
    this.deps.hub.roomChanged(r.room);
  }
}
