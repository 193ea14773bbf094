import { afterAll, beforeAll, describe, it } from "vitest";
import { PhoneLink } from "@/lib/client/phone-link";
import type { DevicePrompt, RecordingDetail, RecordingSummary } from "@/lib/protocol/recordings";
import type { LiveStudyInfo, StudyDefinition, StudyDetail, StudyResults } from "@/lib/protocol/studies";
import { studyDefinition, thresholdCondition } from "@/tests/support/study-fixtures";
import { apiCall, errorOf, phoneNowMs, roomCreate, testServerStart, type TestServer, until } from "./harness";

/**
 * The study runner's and its routes' less travelled paths: refused starts, consent
 * from the wrong phone, stopping before consent, pausing outside a trial, a recording
 * stopped under a session, marks around the first and after the last trial, and the
 * routes' refusals. Each case has its own study, room and phone, so they run side by
 * side: the 3 s "Get ready" dominates, not the number of cases.
 */

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

const api = <T>(method: string, path: string, body?: unknown) => apiCall<T>(t.url, method, path, body);
const raw = (method: string, path: string, body?: string) => fetch(`${t.url}${path}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body });

const twoTrials = [
  { prompt: "Answer the call", role: "select", timeLimitS: 20 },
  { prompt: "Decline the call", role: "select", timeLimitS: 20 },
];
const oneCondition = [thresholdCondition("low", 0.4)];

async function studyCreate(over: Partial<StudyDefinition> = {}): Promise<string> {
  const res = await api<StudyDetail>("POST", "/api/studies", studyDefinition({ restS: 0, ...over }));
  if (res.status !== 201) throw new Error(`study not created: ${res.status} ${errorOf(res)}`);
  return res.body.id;
}

interface Phone {
  link: PhoneLink;
  prompts: (DevicePrompt | null)[];
}

async function phoneJoin(room: string, deviceId: string, name = "Participant phone"): Promise<Phone> {
  const prompts: (DevicePrompt | null)[] = [];
  const link = new PhoneLink({ url: t.url, room, deviceId, name, source: "phone", platform: "android", nowMs: phoneNowMs, onPrompt: (p) => prompts.push(p) });
  await until(() => link.status === "streaming", 5000, `${deviceId} to join`);
  return { link, prompts };
}

const studyOf = (room: string) => t.server.hub.rooms.get(room)?.study ?? null;
const phaseIs = (room: string, phase: string, seq?: number) => () => studyOf(room)?.phase === phase && (seq === undefined || studyOf(room)?.trial?.seq === seq);
const sessionStart = (studyId: string, participant: string, room: string, deviceId: string) =>
  api<LiveStudyInfo>("POST", `/api/studies/${studyId}/sessions`, { participant, room, deviceId });
const sessionOf = async (studyId: string, participant = "P01") =>
  (await api<StudyDetail>("GET", `/api/studies/${studyId}`)).body.participants.find((p) => p.participant === participant)?.session ?? null;
const control = (sid: string, action: "pause" | "resume" | "stop") => api<LiveStudyInfo>("POST", `/api/study-sessions/${sid}/${action}`);
const mark = (sid: string, kind: string, note?: string) => api<LiveStudyInfo>("POST", `/api/study-sessions/${sid}/marks`, note === undefined ? { kind } : { kind, note });

/** A study of one participant on a fresh room and phone, started and waiting on the consent screen. */
async function consentShown(over: Partial<StudyDefinition> = {}) {
  const id = await studyCreate(over);
  const room = await roomCreate(t.url);
  const phone = await phoneJoin(room, "participant");
  const started = await sessionStart(id, "P01", room, "participant");
  if (started.status !== 201) throw new Error(`session not started: ${started.status} ${errorOf(started)}`);
  const sid = started.body.sessionId;
  await until(() => phone.prompts.some((p) => p?.consent?.sessionId === sid), 3000, "the consent screen");
  return { id, room, sid, ...phone };
}

describe.concurrent("study sessions off the happy path", () => {
  it("refuses to start for an unknown study or room, an offline phone, a room that records or runs a session", async ({ expect }) => {
    const id = await studyCreate();
    const other = await studyCreate({ name: "Another study" });
    const room = await roomCreate(t.url);
    const { link } = await phoneJoin(room, "on-phone");
    const gone = await phoneJoin(room, "off-phone", "Borrowed Pixel");
    gone.link.close();
    await until(() => t.server.hub.rooms.get(room)?.devices.get("off-phone")?.socketId === null, 3000, "the phone to go offline");

    const noStudy = await sessionStart("no-such-study", "P01", room, "on-phone");
    expect(noStudy.status).toBe(404);
    expect(errorOf(noStudy)).toMatch(/No study no-such-study/);
    const absent = "ZZZZZZ" === room ? "YYYYYY" : "ZZZZZZ";
    const noRoom = await sessionStart(id, "P01", absent, "on-phone");
    expect(noRoom.status).toBe(404);
    expect(errorOf(noRoom)).toMatch(/^No room/);
    const offline = await sessionStart(id, "P01", room, "off-phone");
    expect(offline.status).toBe(409);
    expect(errorOf(offline)).toMatch(/^Borrowed Pixel is offline/);

    const rec = await api<RecordingSummary>("POST", "/api/recordings", { room });
    expect(rec.status).toBe(201);
    const recording = await sessionStart(id, "P01", room, "on-phone");
    expect(recording.status).toBe(409);
    expect(errorOf(recording)).toMatch(/is recording ".+": stop it first/);
    expect((await api("POST", `/api/recordings/${rec.body.id}/stop`)).status).toBe(200);

    const first = await sessionStart(id, "P01", room, "on-phone");
    expect(first.status).toBe(201);
    const busy = await sessionStart(other, "P01", room, "on-phone");
    expect(busy.status).toBe(409);
    expect(errorOf(busy)).toMatch(/running P01's session/);
    // A refused start adds nobody: the participant list is the study's record of who ran.
    expect((await api<StudyDetail>("GET", `/api/studies/${other}`)).body.participants).toEqual([]);
    expect((await api<StudyDetail>("GET", `/api/studies/${id}`)).body.participants.map((p) => p.participant)).toEqual(["P01"]);
    expect(studyOf(room)).toMatchObject({ sessionId: first.body.sessionId, phase: "consent" });
    await control(first.body.sessionId, "stop");
    link.close();
  });

  it("takes consent only from the session's phone and while a recording can start; a stop before it declines", async ({ expect }) => {
    const s = await consentShown();
    const other = await phoneJoin(s.room, "observer-phone");
    const foreign = await other.link.consent(s.sid, true);
    expect(foreign).toMatchObject({ ok: false, error: { message: "This consent screen is for another phone." } });
    expect(studyOf(s.room)).toMatchObject({ phase: "consent", recordingId: null });
    expect(t.server.hub.rooms.get(s.room)!.recording).toBeNull();

    // The session owns the room while it waits: a plain recording cannot start and take it.
    const rec = await api("POST", "/api/recordings", { room: s.room });
    expect(rec.status).toBe(409);
    expect(errorOf(rec)).toMatch(/running P01's study session/);

    const stopped = await control(s.sid, "stop");
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ phase: "done", recordingId: null, prompt: null });
    expect(await sessionOf(s.id)).toMatchObject({ status: "declined", recordingId: null, trialsDone: 0 });
    expect(studyOf(s.room)).toBeNull();
    await until(() => s.prompts.at(-1) === null, 3000, "the consent screen to clear");
    const recordings = (await api<{ recordings: RecordingSummary[] }>("GET", "/api/recordings")).body.recordings;
    expect(recordings.filter((r) => r.room === s.room)).toEqual([]);
    expect((await s.link.consent(s.sid, true)).ok).toBe(false);
    expect((await control(s.sid, "stop")).status).toBe(409);

    // A declined session does not stand in the way of running the participant again.
    const again = await sessionStart(s.id, "P01", s.room, "participant");
    expect(again.status).toBe(201);
    await control(again.body.sessionId, "stop");
    other.link.close();
    s.link.close();
  });

  it("pauses a lead-in and a rest: the lead-in starts over, the rest goes on to the next trial", async ({ expect }) => {
    const s = await consentShown({ restS: 1, trials: twoTrials, conditions: oneCondition });
    const early = await control(s.sid, "pause");
    expect(early.status).toBe(409);
    expect(errorOf(early)).toBe("Cannot pause during consent.");
    expect(await s.link.consent(s.sid, true)).toEqual({ ok: true });
    expect(studyOf(s.room)).toMatchObject({ phase: "lead-in", trial: null });

    const paused = await control(s.sid, "pause");
    expect(paused.body).toMatchObject({ phase: "paused", pausedPhase: "lead-in", phaseUntilMs: null, trial: null, prompt: { text: "Paused", step: 1, untilMs: null } });
    expect(await sessionOf(s.id)).toMatchObject({ status: "paused" });
    await until(() => s.prompts.at(-1)?.text === "Paused", 3000, "the phone to show Paused");
    const resumedAt = Date.now();
    const resumed = await control(s.sid, "resume");
    expect(resumed.body).toMatchObject({ phase: "lead-in", pausedPhase: null, prompt: { text: "Get ready", step: 1 } });
    expect(resumed.body.phaseUntilMs).toBeGreaterThanOrEqual(resumedAt + 3000 - 50);
    expect(await sessionOf(s.id)).toMatchObject({ status: "running" });
    const notPaused = await control(s.sid, "resume");
    expect(notPaused.status).toBe(409);
    expect(errorOf(notPaused)).toBe("Nothing to resume during lead-in.");

    await until(phaseIs(s.room, "trial", 1), 6000, "trial 1");
    // The whole lead-in is given again after the pause, not what was left of it.
    expect(studyOf(s.room)!.trial!.startedAtMs).toBeGreaterThanOrEqual(resumed.body.phaseUntilMs! - 5);
    expect((await control(s.sid, "resume")).status).toBe(409);
    expect((await mark(s.sid, "success")).body).toMatchObject({ phase: "rest", trial: { seq: 1, ended: "success" } });

    const inRest = await control(s.sid, "pause");
    expect(inRest.body).toMatchObject({ phase: "paused", pausedPhase: "rest", trial: { seq: 1, ended: "success" } });
    const next = await control(s.sid, "resume");
    expect(next.body).toMatchObject({ phase: "lead-in", prompt: { text: "Get ready", step: 2 } });
    await until(phaseIs(s.room, "trial", 2), 6000, "trial 2");
    expect(s.prompts.at(-1)).toMatchObject({ text: "Decline the call", step: 2, steps: 2 });

    expect((await control(s.sid, "stop")).body).toMatchObject({ phase: "done" });
    expect(await sessionOf(s.id)).toMatchObject({ status: "stopped", trialsDone: 1 });
    const results = (await api<StudyResults>("GET", `/api/studies/${s.id}/results`)).body;
    // Trial 2 was under way at the stop: it is taken back, so only trial 1 counts.
    expect(results.trials.map((r) => [r.seq, r.outcome, r.outcomeBy])).toEqual([[1, "success", "facilitator"]]);
    s.link.close();
  });

  it("ends the session at the next trial when its recording was stopped from outside during a rest", async ({ expect }) => {
    const s = await consentShown({ restS: 1, trials: twoTrials, conditions: oneCondition });
    expect(await s.link.consent(s.sid, true)).toEqual({ ok: true });
    const recordingId = studyOf(s.room)!.recordingId!;
    await until(phaseIs(s.room, "trial", 1), 6000, "trial 1");
    expect((await mark(s.sid, "success")).body.phase).toBe("rest");
    expect((await api("POST", `/api/recordings/${recordingId}/stop`)).status).toBe(200);
    expect(studyOf(s.room)!.phase).toBe("rest");

    await until(phaseIs(s.room, "done"), 3000, "the session to end");
    expect(studyOf(s.room)).toMatchObject({ trial: { seq: 1 }, prompt: { text: "All done. Thank you!" } });
    expect(await sessionOf(s.id)).toMatchObject({ status: "stopped", recordingId, trialsDone: 1 });
    const rec = (await api<RecordingDetail>("GET", `/api/recordings/${recordingId}`)).body;
    expect(rec).toMatchObject({ status: "complete", endReason: "stopped" });
    const results = (await api<StudyResults>("GET", `/api/studies/${s.id}/results`)).body;
    expect(results.trials.map((r) => r.seq)).toEqual([1]);
    expect(results.byParticipant).toMatchObject([{ participant: "P01", status: "stopped" }]);
    s.link.close();
  });

  it("keeps a note from before the first trial, and lets a verdict just after the end correct the last trial", async ({ expect }) => {
    const s = await consentShown({ trials: twoTrials.slice(0, 1), conditions: oneCondition });
    expect(await s.link.consent(s.sid, true)).toEqual({ ok: true });
    const recordingId = studyOf(s.room)!.recordingId!;
    const verdictEarly = await mark(s.sid, "success");
    expect(verdictEarly.status).toBe(409);
    const note = await mark(s.sid, "note", "wears the watch on the right wrist");
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ phase: "lead-in", trial: null, marks: 1 });

    await until(phaseIs(s.room, "trial", 1), 6000, "trial 1");
    expect((await mark(s.sid, "success")).body).toMatchObject({ phase: "done", trial: { seq: 1, ended: "success" } });
    const corrected = await mark(s.sid, "miss");
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ phase: "done", marks: 3 });
    expect(studyOf(s.room)).toMatchObject({ phase: "done", marks: 3 });

    const results = (await api<StudyResults>("GET", `/api/studies/${s.id}/results`)).body;
    expect(results.trials.map((r) => [r.seq, r.outcome, r.outcomeBy, r.endReason])).toEqual([[1, "miss", "facilitator", "success"]]);
    expect(results.overall).toMatchObject({ trials: 1, successes: 0 });
    const rec = (await api<RecordingDetail>("GET", `/api/recordings/${recordingId}`)).body;
    expect(rec.marks.map((m) => [m.kind, m.trial, m.note])).toEqual([
      ["note", null, "wears the watch on the right wrist"],
      ["success", 1, null],
      ["miss", 1, null],
    ]);
    expect(await sessionOf(s.id)).toMatchObject({ status: "complete", trialsDone: 1 });
    const rerun = await sessionStart(s.id, "P01", s.room, "participant");
    expect(rerun.status).toBe(409);
    expect(errorOf(rerun)).toMatch(/P01 already has a session \(complete\)/);

    // The next participant's session takes the room: the finished one can no longer be marked.
    const next = await sessionStart(s.id, "P02", s.room, "participant");
    expect(next.status).toBe(201);
    expect((await mark(s.sid, "success")).status).toBe(409);
    await control(next.body.sessionId, "stop");
    s.link.close();
  });

  it("answers wrong methods, unknown paths, bad and oversized bodies, and deletes under a running session", async ({ expect }) => {
    const s = await consentShown();
    const wrongMethod = await raw("PUT", `/api/study-sessions/${s.sid}/pause`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    expect(((await wrongMethod.json()) as { error: string }).error).toMatch(/PUT not allowed/);
    expect((await raw("PATCH", "/api/studies")).headers.get("allow")).toBe("GET, POST");
    const onStudy = await raw("POST", `/api/studies/${s.id}`);
    expect(onStudy.status).toBe(405);
    expect(onStudy.headers.get("allow")).toBe("GET, PUT, DELETE");
    expect((await raw("GET", `/api/studies/${s.id}/results`)).status).toBe(200);

    for (const [method, path] of [
      ["POST", `/api/study-sessions/${s.sid}/bogus`],
      ["POST", `/api/study-sessions/${s.sid}`],
      ["POST", `/api/study-sessions/${s.sid}/pause/now`],
      ["GET", `/api/studies/${s.id}/bogus`],
      ["GET", `/api/studies/${s.id}/results/more`],
      ["DELETE", `/api/studies/${s.id}/participants`],
      ["DELETE", `/api/studies/${s.id}/participants/P01/data`],
      ["GET", "/api/studies/%E0%A4%A"],
      ["GET", "/api/study-sessions"],
      ["POST", "/api/study-sessions"],
    ] as const) {
      const res = await api(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(errorOf(res)).toMatch(/^no API at /);
    }
    expect((await api("GET", "/api/studies/no-such-study/results")).status).toBe(404);
    expect((await api("POST", "/api/study-sessions/no-such-session/pause")).status).toBe(409);

    const notJson = await raw("POST", "/api/studies", "{not json");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^The body is not JSON/);
    expect((await raw("POST", `/api/study-sessions/${s.sid}/marks`, "{\"kind\":")).status).toBe(400);
    const huge = await raw("POST", "/api/studies", JSON.stringify({ ...studyDefinition(), consentText: "x".repeat(300 * 1024) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toMatch(/256 KB/);

    const exportXml = await api("GET", `/api/studies/${s.id}/export?format=xml`);
    expect(exportXml.status).toBe(400);
    expect(errorOf(exportXml)).toBe("format must be csv or json");

    const delStudy = await api("DELETE", `/api/studies/${s.id}`);
    expect(delStudy.status).toBe(409);
    expect(errorOf(delStudy)).toMatch(/running: stop it first/);
    const delRunning = await api("DELETE", `/api/studies/${s.id}/participants/P01`);
    expect(delRunning.status).toBe(409);
    expect(errorOf(delRunning)).toMatch(/^P01's session is running/);
    expect((await api("DELETE", `/api/studies/${s.id}/participants/Anna`)).status).toBe(400);
    // Only the running participant is held: another one can go meanwhile.
    expect((await api("POST", `/api/studies/${s.id}/participants`, { participant: "P02" })).status).toBe(201);
    expect((await api("DELETE", `/api/studies/${s.id}/participants/P02`)).status).toBe(204);

    await control(s.sid, "stop");
    expect((await api("DELETE", `/api/studies/${s.id}/participants/P01`)).status).toBe(204);
    expect((await api("DELETE", `/api/studies/${s.id}`)).status).toBe(204);
    expect((await api("GET", `/api/studies/${s.id}`)).status).toBe(404);
    s.link.close();
  });
});
