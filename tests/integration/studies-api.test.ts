import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PhoneLink } from "@/lib/client/phone-link";
import type { DevicePrompt, RecordingDetail } from "@/lib/protocol/recordings";
import type { SampleTuple } from "@/lib/protocol/sample";
import type { LiveStudyInfo, ParticipantInfo, StudyDetail, StudyResults } from "@/lib/protocol/studies";
import { heuristicSettings } from "@/tests/support/study-fixtures";
import { apiCall, errorOf, phoneNowMs, roomCreate, samplesStream, testServerStart, type TestServer, until } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

const api = <T>(method: string, path: string, body?: unknown) => apiCall<T>(t.url, method, path, body);

const settings = (threshold: number) => heuristicSettings(threshold, { role: "trigger", heuristic: "raise", refractoryMs: 1000 });
// No consent text: the server fills in its default.
const definition = {
  name: "Raise threshold",
  sceneId: "raise-to-speak",
  restS: 0.3,
  trials: [
    { prompt: "Raise your wrist to speak", role: "trigger", timeLimitS: 2 },
    { prompt: "Once more", role: "trigger", timeLimitS: 20 },
  ],
  conditions: [
    { id: "low", name: "Low threshold", settings: settings(0.4) },
    { id: "high", name: "High threshold", settings: settings(0.8) },
  ],
};

function phone(room: string, deviceId: string, prompts: (DevicePrompt | null)[]) {
  return new PhoneLink({ url: t.url, room, deviceId, name: "Participant phone", source: "phone", platform: "android", nowMs: phoneNowMs, onPrompt: (p) => prompts.push(p) });
}
const studyOf = (room: string) => t.server.hub.rooms.get(room)?.study ?? null;
const phaseIs = (room: string, phase: string, seq?: number) => () => studyOf(room)?.phase === phase && (seq === undefined || studyOf(room)?.trial?.seq === seq);

describe("studies API", () => {
  it("runs a participant through consent, trials, marks, events, a pause and a break; scores and exports them", async () => {
    const bad = await api("POST", "/api/studies", { ...definition, conditions: [] });
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toMatch(/conditions/);
    const created = await api<StudyDetail>("POST", "/api/studies", definition);
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.definition.consentText).toMatch(/No name is stored/);
    expect(errorOf(await api("POST", `/api/studies/${id}/participants`, { participant: "Anna" }))).toMatch(/no names/);

    const room = await roomCreate(t.url);
    const prompts: (DevicePrompt | null)[] = [];
    const link = phone(room, "participant-1", prompts);
    await until(() => link.status === "streaming", 5000, "phone");
    expect((await api("POST", `/api/studies/${id}/sessions`, { participant: "P01", room, deviceId: "nobody-here" })).status).toBe(404);
    const started = await api<LiveStudyInfo>("POST", `/api/studies/${id}/sessions`, { participant: "P01", room, deviceId: "participant-1" });
    expect(started.status).toBe(201);
    const sid = started.body.sessionId;
    expect(started.body).toMatchObject({ phase: "consent", participant: "P01", recordingId: null, conditions: [{ id: "low" }, { id: "high" }] });
    await until(() => prompts.some((p) => p?.consent?.sessionId === sid), 3000, "consent screen");
    expect((await api("POST", `/api/studies/${id}/sessions`, { participant: "P02", room, deviceId: "participant-1" })).status).toBe(409);
    expect(errorOf(await api("POST", `/api/study-sessions/${sid}/marks`, { kind: "success" }))).toMatch(/No trial/);
    expect((await api("POST", `/api/study-sessions/${sid}/events`, { events: [event("trigger", Date.now())] })).status).toBe(409);

    expect(await link.consent(sid, true)).toEqual({ ok: true });
    expect(await link.consent(sid, true)).toMatchObject({ ok: false });
    const recordingId = studyOf(room)!.recordingId!;
    expect(recordingId).toBeTruthy();
    const sent: SampleTuple[] = [];
    let streaming = true;
    const stream = (async () => {
      while (streaming) await samplesStream(link, 250, sent);
    })();

    // Trial 1: the expected role's detector event ends it as a success.
    await until(phaseIs(room, "trial", 1), 6000, "trial 1");
    expect(prompts.at(-1)).toMatchObject({ text: "Raise your wrist to speak", label: "trigger", step: 1, steps: 4 });
    const promptAt = studyOf(room)!.trial!.startedAtMs;
    await api("POST", `/api/study-sessions/${sid}/events`, { events: [event("other", Date.now())] });
    expect(studyOf(room)!.phase).toBe("trial");
    const scoresAt = Date.now();
    const points = [0.1, 0.4, 0.9].map((score, i) => ({ slot: "trigger", tMs: scoresAt - 300 + i * 100, score }));
    expect((await api("POST", `/api/study-sessions/${sid}/scores`, { points })).status).toBe(200);
    expect((await api("POST", `/api/study-sessions/${sid}/scores`, { points: [{ slot: "trigger", tMs: scoresAt, score: 1.5 }] })).status).toBe(400);
    const detectedAt = Date.now();
    expect((await api("POST", `/api/study-sessions/${sid}/events`, { events: [event("trigger", detectedAt)] })).status).toBe(200);
    expect(studyOf(room)).toMatchObject({ phase: "rest", trial: { seq: 1, ended: "detector" } });

    // Trial 2: a false trigger, then the facilitator's miss; the condition ends with a break.
    await until(phaseIs(room, "trial", 2), 3000, "trial 2");
    await api("POST", `/api/study-sessions/${sid}/marks`, { kind: "false-trigger" });
    expect(studyOf(room)!.trial!.falseTriggers).toBe(1);
    expect((await api<LiveStudyInfo>("POST", `/api/study-sessions/${sid}/marks`, { kind: "miss" })).body).toMatchObject({ phase: "break" });
    expect(prompts.at(-1)).toMatchObject({ text: "Short break", untilMs: null });
    expect((await api("POST", `/api/study-sessions/${sid}/marks`, { kind: "note", note: "asked about the second condition" })).status).toBe(201);
    expect((await api("POST", `/api/study-sessions/${sid}/pause`)).status).toBe(409);
    await api("POST", `/api/study-sessions/${sid}/resume`);

    // Trial 3 is paused mid-way (taken back) and prompted again; then it runs out of time.
    await until(phaseIs(room, "trial", 3), 6000, "trial 3");
    expect((await api<LiveStudyInfo>("POST", `/api/study-sessions/${sid}/pause`)).body).toMatchObject({ phase: "paused", pausedPhase: "trial" });
    expect(prompts.at(-1)).toMatchObject({ text: "Paused", untilMs: null });
    await api("POST", `/api/study-sessions/${sid}/resume`);
    await until(phaseIs(room, "trial", 3), 6000, "trial 3 again");
    await until(phaseIs(room, "rest"), 4000, "trial 3 time limit");
    expect(studyOf(room)!.trial!.ended).toBe("time-limit");

    // Trial 4: the facilitator's success ends the session.
    await until(phaseIs(room, "trial", 4), 3000, "trial 4");
    expect((await api<LiveStudyInfo>("POST", `/api/study-sessions/${sid}/marks`, { kind: "success" })).body).toMatchObject({ phase: "done" });
    expect(prompts.at(-1)).toMatchObject({ text: "All done. Thank you!" });
    streaming = false;
    await stream;

    const rec = (await api<RecordingDetail>("GET", `/api/recordings/${recordingId}`)).body;
    expect(rec).toMatchObject({ status: "complete", name: "Raise threshold · P01" });
    // Each prompt's span is labelled with its role, the paused attempt of trial 3 included: it happened.
    expect(rec.labels.map((l) => l.label)).toEqual(["trigger", "trigger", "trigger", "trigger", "trigger"]);
    expect(rec.events.map((e) => e.detector)).toEqual(["other: heuristic raise", "trigger: heuristic raise"]);
    // The study's marks, notes and scores are on the recording's timeline too.
    expect(rec.marks.map((m) => [m.kind, m.trial])).toEqual([
      ["false-trigger", 2],
      ["miss", 2],
      ["note", 2],
      ["success", 4],
    ]);
    expect(rec.marks[2]!.note).toBe("asked about the second condition");
    expect(rec.scores).toEqual([{ slot: "trigger", tMs: points.map((p) => p.tMs), score: [0.1, 0.4, 0.9] }]);

    const results = (await api<StudyResults>("GET", `/api/studies/${id}/results`)).body;
    expect(results.trials.map((r) => [r.seq, r.condition, r.outcome, r.outcomeBy, r.endReason, r.falseTriggers])).toEqual([
      [1, "low", "success", "detector", "detector", 0],
      [2, "low", "miss", "facilitator", "miss", 1],
      [3, "high", "miss", "detector", "time-limit", 0],
      [4, "high", "success", "facilitator", "success", 0],
    ]);
    expect(results.trials[0]!.timeToTriggerMs).toBeCloseTo(detectedAt - promptAt, 0);
    expect(results.trials[0]!.detectionLatencyMs).toBe(120);
    expect(results.trials[0]!.unexpectedEvents).toBe(1);
    expect(results.trials[1]!.notes).toEqual(["asked about the second condition"]);
    expect(results.trials[2]!.durationMs).toBeCloseTo(2000, -1);
    expect(results.overall).toMatchObject({ trials: 4, successes: 2, successRate: 0.5, falseTriggers: 1 });
    expect(results.byCondition.map((c) => [c.condition, c.figures.successes, c.figures.trials])).toEqual([
      ["low", 1, 2],
      ["high", 1, 2],
    ]);

    const csv = (await api<string>("GET", `/api/studies/${id}/export?format=csv`)).body;
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      "participant,condition,condition_name,condition_position,trial,seq,prompt,role,outcome,outcome_by,end_reason,time_to_trigger_ms,detection_latency_ms,false_triggers,unexpected_events,duration_ms,prompt_at_session_ms",
    );
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^P01,low,Low threshold,1,2,2,Once more,trigger,miss,facilitator,miss,,,1,0,/);
    for (const secret of [room, "participant-1", "Participant phone", "asked about"]) expect(csv).not.toContain(secret);
    expect((await api<string>("GET", `/api/studies/${id}/export?format=csv&notes=1`)).body).toContain("asked about the second condition");
    const json = (await api<{ trials: unknown[] }>("GET", `/api/studies/${id}/export?format=json`)).body;
    expect(json.trials).toHaveLength(4);

    // The script is fixed once a session ran; the name is not.
    expect((await api("PUT", `/api/studies/${id}`, { ...definition, trials: definition.trials.slice(0, 1) })).status).toBe(409);
    expect((await api<StudyDetail>("PUT", `/api/studies/${id}`, { ...definition, name: "Raise threshold v2" })).body.definition.name).toBe("Raise threshold v2");

    // The next participant can start while the room still shows "All done"; one who declines leaves nothing recorded.
    expect(studyOf(room)!.phase).toBe("done");
    const second = (await api<LiveStudyInfo>("POST", `/api/studies/${id}/sessions`, { participant: "P02", room, deviceId: "participant-1" })).body;
    expect(await link.consent(second.sessionId, false)).toEqual({ ok: true });
    const p2 = (await api<StudyDetail>("GET", `/api/studies/${id}`)).body.participants.find((p) => p.participant === "P02")!;
    expect(p2.session).toMatchObject({ status: "declined", recordingId: null });
    expect(p2.conditionOrder).toEqual(["high", "low"]);

    // Deleting a participant removes their recording, samples, trials and marks.
    const count = (sql: string, ...args: unknown[]) => (t.server.recordings.db.prepare(sql).get(...args) as { n: number }).n;
    expect(count("SELECT COUNT(*) AS n FROM samples s JOIN recording_devices d ON d.id = s.device_row WHERE d.recording_id = ?", recordingId)).toBe(rec.devices[0]!.samples);
    expect(rec.devices[0]!.samples).toBeGreaterThan(sent.length / 2);
    expect((await api("DELETE", `/api/studies/${id}/participants/P01`)).status).toBe(204);
    expect((await api("GET", `/api/recordings/${recordingId}`)).status).toBe(404);
    expect(count("SELECT COUNT(*) AS n FROM recording_devices WHERE recording_id = ?", recordingId)).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM study_marks m JOIN study_sessions s ON s.id = m.session_id WHERE s.participant = 'P01'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM study_trials WHERE session_id = ?", sid)).toBe(0);
    const after = (await api<StudyDetail>("GET", `/api/studies/${id}`)).body;
    expect(after.participants.map((p: ParticipantInfo) => p.participant)).toEqual(["P02"]);
    expect((await api<StudyResults>("GET", `/api/studies/${id}/results`)).body.trials).toEqual([]);
    link.close();
  }, 60_000);
});

function event(role: string, detectedAtMs: number) {
  return { role, deviceId: "participant-1", interaction: "raise-to-speak", detector: "heuristic raise", tEndMs: detectedAtMs - 120, detectedAtMs, score: 0.9 };
}
