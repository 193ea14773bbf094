import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SampleTuple } from "@/lib/protocol/sample";
import type { SessionStatus } from "@/lib/protocol/studies";
import { RecordingStore } from "@/lib/recordings/recording-store";
import { RecordingStoreError } from "@/lib/recordings/recording-store-error";
import { conditionOrder } from "@/lib/studies/latin-square";
import { nextParticipantId } from "@/lib/studies/participant-ids";
import { StudyStore } from "@/lib/studies/study-store";
import { heuristicSettings, studyDefinition, thresholdCondition } from "@/tests/support/study-fixtures";

let dir: string;
let recordings: RecordingStore;
let store: StudyStore;
let nowMs: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wristlab-studies-"));
  recordings = RecordingStore.open(dir, () => {});
  nowMs = 1_000_000;
  store = new StudyStore(recordings, () => nowMs);
});
afterEach(() => {
  recordings.close();
  rmSync(dir, { recursive: true, force: true });
});

// Three conditions: an odd count, so the balanced square has six rows.
const study = studyDefinition({
  trials: [
    { prompt: "Answer the call", role: "select", timeLimitS: 15 },
    { prompt: "Answer again", role: "select", timeLimitS: 10 },
  ],
  conditions: [thresholdCondition("low", 0.4), thresholdCondition("mid", 0.55), thresholdCondition("high", 0.7)],
});
const ids = study.conditions.map((c) => c.id);

/** The HTTP status a store call refuses with, or null when it succeeds. */
function refusal(fn: () => unknown): number | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof RecordingStoreError) return e.status;
    throw e;
  }
}

const count = (sql: string, ...args: unknown[]) => (recordings.db.prepare(`SELECT COUNT(*) AS n FROM ${sql}`).get(...args) as { n: number }).n;
const sessionStatus = (sessionId: string) => (recordings.db.prepare("SELECT status FROM study_sessions WHERE id = ?").get(sessionId) as { status: SessionStatus }).status;

const tuple = (tMs: number): SampleTuple => [tMs, 0.01, -0.02, 0.98, null, null, null, 0.1, 0.2, 0.3, null, 12, -4];

/** A session that ran: a recording with a device, samples and an event, a finished trial and marks. */
function ranSession(studyId: string, participant: string, startedAtMs: number): { sessionId: string; recordingId: string; deviceRow: number } {
  const { sessionId } = store.sessionCreate(studyId, participant);
  const recordingId = recordings.create({ name: `${participant} session`, room: "K7QM4X", deviceFilter: null, labelSet: [], protocol: null, startedAtMs });
  const deviceRow = recordings.deviceAdd(recordingId, { id: `phone-${participant}`, name: "Pixel", source: "phone", platform: "android", clockOffsetMs: 0 });
  recordings.samplesWrite([{ deviceRow, n0: 0, samples: Array.from({ length: 20 }, (_, i) => tuple(startedAtMs + i * 20)) }]);
  recordings.eventsAdd(recordingId, [{ tMs: startedAtMs + 200, deviceId: `phone-${participant}`, interaction: "double-tap", detector: "heuristic", score: 0.9, slot: "select", detectedAtMs: startedAtMs + 260 }]);
  store.sessions.status(sessionId, "running", { recordingId, consentAtMs: startedAtMs });
  store.sessions.trialStart(sessionId, { seq: 1, conditionId: "low", trialIndex: 0, prompt: "Answer the call", role: "select", timeLimitS: 15, promptAtMs: startedAtMs + 100 });
  store.sessions.trialEnd(sessionId, 1, startedAtMs + 300, "detector");
  store.sessions.markAdd(sessionId, 1, "false-trigger", startedAtMs + 150, null);
  store.sessions.markAdd(sessionId, 1, "note", startedAtMs + 250, "Used the other hand");
  return { sessionId, recordingId, deviceRow };
}

/** Rows anywhere in the database that belong to this session and its recording. */
function leftovers(r: { sessionId: string; recordingId: string; deviceRow: number }): Record<string, number> {
  return {
    sessions: count("study_sessions WHERE id = ?", r.sessionId),
    trials: count("study_trials WHERE session_id = ?", r.sessionId),
    marks: count("study_marks WHERE session_id = ?", r.sessionId),
    recordings: count("recordings WHERE id = ?", r.recordingId),
    devices: count("recording_devices WHERE recording_id = ?", r.recordingId),
    samples: count("samples WHERE device_row = ?", r.deviceRow),
    events: count("events WHERE recording_id = ?", r.recordingId),
  };
}
const none = { sessions: 0, trials: 0, marks: 0, recordings: 0, devices: 0, samples: 0, events: 0 };
const all = { sessions: 1, trials: 1, marks: 2, recordings: 1, devices: 1, samples: 20, events: 1 };

describe("participant ids", () => {
  it("numbers from P01, one past the highest in use, never filling gaps", () => {
    expect(nextParticipantId([])).toBe("P01");
    expect(nextParticipantId(["P01", "P02"])).toBe("P03");
    expect(nextParticipantId(["P03", "P01"])).toBe("P04");
    expect(nextParticipantId(["P09"])).toBe("P10");
    expect(nextParticipantId(["P99"])).toBe("P100");
  });

  it("keeps the widest width in use", () => {
    expect(nextParticipantId(["P001"])).toBe("P002");
    expect(nextParticipantId(["P01", "P0007"])).toBe("P0008");
    // Ids that are not participant ids take no part in the width or the number.
    expect(nextParticipantId(["Alice", "P01"])).toBe("P02");
  });

  it("has no next id after P9999 (ids are at most four digits)", () => {
    expect(nextParticipantId(["P9998"])).toBe("P9999");
    expect(nextParticipantId(["P9999"])).toBeNull();
  });
});

describe("study store", () => {
  it("creates, lists newest first and details studies", () => {
    const a = store.create(study);
    expect(a).toEqual({ id: a.id, definition: study, createdAtMs: 1_000_000, updatedAtMs: 1_000_000, participants: [] });
    nowMs = 2_000_000;
    const b = store.create({ ...study, name: "Second study" });
    expect(store.list().map((s) => s.name)).toEqual(["Second study", "Double tap thresholds"]);
    expect(store.list()[1]).toEqual({
      id: a.id,
      name: "Double tap thresholds",
      sceneId: "double-tap",
      conditions: [
        { id: "low", name: "Threshold 0.4" },
        { id: "mid", name: "Threshold 0.55" },
        { id: "high", name: "Threshold 0.7" },
      ],
      trials: 2,
      participants: 0,
      sessionsComplete: 0,
      createdAtMs: 1_000_000,
      updatedAtMs: 1_000_000,
    });
    expect(store.detail(b.id)!.definition.name).toBe("Second study");
    expect(store.detail("no-such-study")).toBeNull();
    expect(refusal(() => store.definition("no-such-study"))).toBe(404);
  });

  it("adds participants as P01, P02 in order of addition, refusing repeats and unknown studies", () => {
    const { id } = store.create(study);
    expect(store.participantAdd(id)).toMatchObject({ participant: "P01", position: 0, session: null });
    expect(store.participantAdd(id)).toMatchObject({ participant: "P02", position: 1 });
    expect(store.participantAdd(id, "P07")).toMatchObject({ participant: "P07", position: 2 });
    expect(store.participantAdd(id)).toMatchObject({ participant: "P08", position: 3 });
    expect(refusal(() => store.participantAdd(id, "P02"))).toBe(409);
    expect(refusal(() => store.participantAdd("no-such-study"))).toBe(404);
    expect(store.detail(id)!.participants.map((p) => p.participant)).toEqual(["P01", "P02", "P07", "P08"]);
    expect(store.list()[0]!.participants).toBe(4);
  });

  it("orders conditions by the balanced Latin square row of each participant's position", () => {
    const { id } = store.create(study);
    for (let i = 0; i < 7; i++) store.participantAdd(id);
    const orders = store.detail(id)!.participants.map((p) => p.conditionOrder);
    expect(orders).toEqual([0, 1, 2, 3, 4, 5, 6].map((position) => conditionOrder(3, position).map((i) => ids[i])));
    // Six different orders for three conditions, then the square starts again.
    expect(new Set(orders.slice(0, 6).map((o) => o.join())).size).toBe(6);
    expect(orders[6]).toEqual(orders[0]);
    // The session keeps the order it was created with.
    const { info } = store.sessionCreate(id, "P02");
    expect(info.conditionOrder).toEqual(orders[1]);
  });

  it("creates one session per participant, adding them if new, unless the earlier one was declined", () => {
    const { id } = store.create(study);
    const first = store.sessionCreate(id, "P03");
    expect(first.info).toMatchObject({ participant: "P03", position: 0, session: { id: first.sessionId, status: "consent", recordingId: null, startedAtMs: 1_000_000, trialsDone: 0, trialsTotal: 6 } });
    expect(refusal(() => store.sessionCreate(id, "P03"))).toBe(409);

    store.sessions.status(first.sessionId, "declined", { endedAtMs: 1_000_500 });
    nowMs = 1_100_000;
    const again = store.sessionCreate(id, "P03");
    expect(again.sessionId).not.toBe(first.sessionId);
    expect(again.info.session).toMatchObject({ status: "consent", startedAtMs: 1_100_000 });
    // The declined session is gone, not kept beside the new one.
    expect(count("study_sessions WHERE study_id = ? AND participant = ?", id, "P03")).toBe(1);

    for (const status of ["complete", "stopped", "interrupted", "running", "paused"] as const) {
      store.sessions.status(again.sessionId, status);
      expect(refusal(() => store.sessionCreate(id, "P03"))).toBe(409);
    }
    expect(refusal(() => store.sessionCreate("no-such-study", "P01"))).toBe(404);
  });

  it("counts finished trials and complete sessions", () => {
    const { id } = store.create(study);
    const r = ranSession(id, "P01", 50_000);
    store.sessions.trialStart(r.sessionId, { seq: 2, conditionId: "low", trialIndex: 1, prompt: "Answer again", role: "select", timeLimitS: 10, promptAtMs: 50_400 });
    expect(store.participant(id, "P01")!.session).toMatchObject({ status: "running", recordingId: r.recordingId, trialsDone: 1, trialsTotal: 6 });
    store.participantAdd(id);
    expect(store.list()[0]).toMatchObject({ participants: 2, sessionsComplete: 0 });
    store.sessions.status(r.sessionId, "complete", { endedAtMs: 60_000 });
    expect(store.list()[0]).toMatchObject({ participants: 2, sessionsComplete: 1 });
  });

  it("reads a session back with its trials, marks and slotted events for the results", () => {
    const { id } = store.create(study);
    const r = ranSession(id, "P01", 50_000);
    const declined = store.sessionCreate(id, "P02").sessionId;
    store.sessions.status(declined, "declined");
    const [s, ...rest] = store.sessions.load(id);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      id: r.sessionId,
      participant: "P01",
      status: "running",
      recordingId: r.recordingId,
      conditionOrder: conditionOrder(3, 0).map((i) => ids[i]),
      trials: [{ seq: 1, conditionId: "low", trialIndex: 0, promptAtMs: 50_100, endAtMs: 50_300, endReason: "detector" }],
      marks: [
        { seq: 1, kind: "false-trigger", atMs: 50_150, note: null },
        { seq: 1, kind: "note", atMs: 50_250, note: "Used the other hand" },
      ],
      events: [{ slot: "select", interaction: "double-tap", tEndMs: 50_200, detectedAtMs: 50_260 }],
    });
  });

  it("keeps the scene, trials and conditions once a session stands, but lets the name change", () => {
    const { id } = store.create(study);
    const edited = store.update(id, { ...study, trials: [study.trials[0]!] });
    expect(edited.definition.trials).toHaveLength(1);
    store.update(id, study);

    const { sessionId } = store.sessionCreate(id, "P01");
    expect(refusal(() => store.update(id, { ...study, trials: [study.trials[0]!] }))).toBe(409);
    expect(refusal(() => store.update(id, { ...study, trials: [{ ...study.trials[0]!, timeLimitS: 20 }, study.trials[1]!] }))).toBe(409);
    expect(refusal(() => store.update(id, { ...study, conditions: study.conditions.slice(0, 2) }))).toBe(409);
    expect(refusal(() => store.update(id, { ...study, conditions: [{ ...study.conditions[0]!, settings: heuristicSettings(0.3) }, ...study.conditions.slice(1)] }))).toBe(409);
    expect(refusal(() => store.update(id, { ...study, sceneId: "music-player" }))).toBe(409);
    expect(store.definition(id)).toEqual(study);

    nowMs = 1_500_000;
    const renamed = store.update(id, { ...study, name: "Thresholds, pilot", consentText: "Motion only.", restS: 5 });
    expect(renamed).toMatchObject({ definition: { name: "Thresholds, pilot", consentText: "Motion only.", restS: 5 }, createdAtMs: 1_000_000, updatedAtMs: 1_500_000 });
    expect(store.list()[0]!.name).toBe("Thresholds, pilot");
    // The same settings written with their keys in another order are the same script.
    const reordered = study.conditions.map((c) => ({ ...c, settings: { options: c.settings.options, roles: { select: { decision: c.settings.roles.select!.decision, choice: c.settings.roles.select!.choice } } } }));
    expect(store.update(id, { ...study, name: "Thresholds, pilot", conditions: reordered }).definition.name).toBe("Thresholds, pilot");

    // A declined session does not hold the script.
    store.sessions.status(sessionId, "declined");
    expect(store.update(id, { ...study, trials: [study.trials[0]!] }).definition.trials).toHaveLength(1);
    expect(refusal(() => store.update("no-such-study", study))).toBe(404);
  });

  it("removes a participant with their sessions, trials, marks, recording, samples and events", () => {
    const { id } = store.create(study);
    const p1 = ranSession(id, "P01", 50_000);
    const p2 = ranSession(id, "P02", 90_000);
    expect(leftovers(p1)).toEqual(all);

    store.participantRemove(id, "P01");
    expect(leftovers(p1)).toEqual(none);
    expect(store.participant(id, "P01")).toBeNull();
    expect(leftovers(p2)).toEqual(all);
    expect(store.detail(id)!.participants.map((p) => p.participant)).toEqual(["P02"]);
    expect(recordings.list().map((r) => r.id)).toEqual([p2.recordingId]);

    expect(refusal(() => store.participantRemove(id, "P01"))).toBe(404);
    expect(refusal(() => store.participantRemove("no-such-study", "P02"))).toBe(404);
  });

  it("removes a study with everything its sessions recorded, leaving other studies alone", () => {
    const a = store.create(study).id;
    const b = store.create({ ...study, name: "Other study" }).id;
    const inA = [ranSession(a, "P01", 50_000), ranSession(a, "P02", 90_000)];
    const inB = ranSession(b, "P01", 130_000);
    const unrelated = recordings.create({ name: "free recording", room: null, deviceFilter: null, labelSet: [], protocol: null, startedAtMs: 5_000 });

    store.remove(a);
    for (const r of inA) expect(leftovers(r)).toEqual(none);
    expect(count("study_participants WHERE study_id = ?", a)).toBe(0);
    expect(store.detail(a)).toBeNull();
    expect(store.list().map((s) => s.id)).toEqual([b]);
    expect(leftovers(inB)).toEqual(all);
    expect(recordings.list().map((r) => r.id).sort()).toEqual([inB.recordingId, unrelated].sort());
    expect(refusal(() => store.remove(a))).toBe(404);
  });

  it("marks sessions a stopped server left open as interrupted, leaving finished ones", () => {
    const { id } = store.create(study);
    const statuses: SessionStatus[] = ["consent", "running", "paused", "complete", "stopped", "declined"];
    const sessions = statuses.map((status, i) => {
      const { sessionId } = store.sessionCreate(id, `P0${i + 1}`);
      store.sessions.status(sessionId, status, status === "complete" ? { endedAtMs: 1_000_900, endReason: "finished" } : {});
      return sessionId;
    });
    nowMs = 1_234_000;
    expect(store.interruptedMark()).toBe(3);
    expect(sessions.map(sessionStatus)).toEqual(["interrupted", "interrupted", "interrupted", "complete", "stopped", "declined"]);
    const ended = recordings.db.prepare("SELECT ended_at_ms AS endedAtMs, end_reason AS endReason FROM study_sessions WHERE id = ?");
    expect(ended.get(sessions[1])).toEqual({ endedAtMs: 1_234_000, endReason: expect.stringMatching(/server stopped/) });
    expect(ended.get(sessions[3])).toEqual({ endedAtMs: 1_000_900, endReason: "finished" });
    expect(store.interruptedMark()).toBe(0);
  });
});
