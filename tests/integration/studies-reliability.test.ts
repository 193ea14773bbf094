import { describe, expect, it } from "vitest";
import { PhoneLink } from "@/lib/client/phone-link";
import type { RecordingSummary } from "@/lib/protocol/recordings";
import type { SampleTuple } from "@/lib/protocol/sample";
import type { LiveStudyInfo, StudyDetail, StudyResults } from "@/lib/protocol/studies";
import { spawnedServers } from "../support/api-server-spawn";
import { apiOk, phoneNowMs, roomCreate, samplesStream, until } from "./harness";

const definition = {
  name: "Killed mid-session",
  sceneId: "raise-to-speak",
  restS: 0,
  trials: [{ prompt: "Raise your wrist", role: "trigger", timeLimitS: 60 }],
  conditions: [
    { id: "a", name: "A", settings: { roles: {}, options: {} } },
    { id: "b", name: "B", settings: { roles: {}, options: {} } },
  ],
};

describe("a server killed with SIGKILL during a study session", () => {
  const serverStart = spawnedServers("wristlab-study-kill-");

  it("keeps the finished trials and the recording, and marks the session interrupted", async () => {
    const first = await serverStart();
    const study = await apiOk<StudyDetail>("POST", `${first.url}/api/studies`, definition);
    const room = await roomCreate(first.url);
    const link = new PhoneLink({ url: first.url, room, deviceId: "participant-k", name: "phone", source: "phone", platform: "android", nowMs: phoneNowMs });
    await until(() => link.status === "streaming", 10_000, "phone to join");
    const started = await apiOk<LiveStudyInfo>("POST", `${first.url}/api/studies/${study.id}/sessions`, { participant: "P01", room, deviceId: "participant-k" });
    expect(await link.consent(started.sessionId, true)).toEqual({ ok: true });
    const room$ = async () => (await apiOk<{ study: LiveStudyInfo | null }>("GET", `${first.url}/api/rooms/${room}`)).study;
    const sent: SampleTuple[] = [];
    const stream = samplesStream(link, 6000, sent);
    // Trial 1 (condition A) is marked a success; the server dies in the break before condition B.
    for (let i = 0; i < 100 && (await room$())?.phase !== "trial"; i++) await new Promise((r) => setTimeout(r, 100));
    await apiOk("POST", `${first.url}/api/study-sessions/${started.sessionId}/marks`, { kind: "success" });
    expect((await room$())?.phase).toBe("break");
    await stream;
    await new Promise((r) => setTimeout(r, 500));
    first.child.kill("SIGKILL");
    link.close();

    const second = await serverStart();
    const detail = await apiOk<StudyDetail>("GET", `${second.url}/api/studies/${study.id}`);
    expect(detail.participants[0]!.session).toMatchObject({ status: "interrupted", trialsDone: 1, trialsTotal: 2 });
    const recordingId = detail.participants[0]!.session!.recordingId!;
    const rec = (await apiOk<{ recordings: RecordingSummary[] }>("GET", `${second.url}/api/recordings`)).recordings.find((r) => r.id === recordingId)!;
    expect(rec.status).toBe("interrupted");
    expect(rec.devices[0]!.samples).toBeGreaterThan(sent.length / 2);
    const results = await apiOk<StudyResults>("GET", `${second.url}/api/studies/${study.id}/results`);
    expect(results.trials.map((t) => [t.condition, t.outcome, t.outcomeBy])).toEqual([["a", "success", "facilitator"]]);
    expect(results.byParticipant).toMatchObject([{ participant: "P01", status: "interrupted" }]);
    second.child.kill("SIGTERM");
  }, 60_000);
});
