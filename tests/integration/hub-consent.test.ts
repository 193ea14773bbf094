import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DesktopSimPhone } from "@/lib/client/desktop-sim-phone";
import type { LinkSocket } from "@/lib/client/link-socket";
import { PhoneLink } from "@/lib/client/phone-link";
import type { Ack } from "@/lib/protocol/events";
import type { DevicePrompt } from "@/lib/protocol/recordings";
import type { DeviceConsent, LiveStudyInfo } from "@/lib/protocol/studies";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import { createHub, type Hub } from "@/lib/server/hub";
import type { Room } from "@/lib/server/room-registry";
import type { HubServer } from "@/lib/server/socket-types";
import { connected, phoneNowMs, rawSocket, until } from "./harness";

/*
 * A hub of its own on a real socket.io server rather than the whole app server: these
 * tests decide who listens for consent (nobody, a refuser, a recorder of answers), and
 * the app server's own study runner would be one more listener answering first.
 */
let io: HubServer;
let hub: Hub;
let url: string;
beforeAll(async () => {
  const http = createServer();
  io = new Server(http, { serveClient: false });
  hub = createHub(io, { log: () => {} });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  hub.close();
  await io.close();
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

type Heard = { room: Room; deviceId: string; consent: DeviceConsent };
/** Registers a listener for this test only, answering with `verdict`; returns what it heard. */
function listen(verdict: string | null = null): Heard[] {
  const heard: Heard[] = [];
  cleanups.push(hub.onConsent((room, deviceId, consent) => (heard.push({ room, deviceId, consent }), verdict)));
  return heard;
}

async function socketOpen(): Promise<LinkSocket> {
  const s = rawSocket(url);
  cleanups.push(() => s.close());
  await connected(s);
  return s;
}

/** A raw device socket in `room`, and the prompts it was sent. */
async function deviceJoin(room: Room, deviceId: string) {
  const s = await socketOpen();
  const prompts: (DevicePrompt | null)[] = [];
  s.on("device:prompt", (p) => prompts.push(p));
  const res = await s.emitWithAck("device:hello", { v: PROTOCOL_VERSION, room: room.code, deviceId, session: `${deviceId}-s`, name: deviceId, source: "phone", platform: "android" });
  expect(res.ok).toBe(true);
  await until(() => prompts.length === 1, 5000, "the join prompt");
  return { s, prompts };
}

/** The loose view: malformed payloads are what the typed socket would not let a test send. */
const consentSend = (s: LinkSocket, payload: unknown) =>
  (s as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack> }).emitWithAck("device:consent", payload);

const CONSENT_PROMPT: DevicePrompt = { text: "We record this phone's motion. No name is stored.", label: null, step: 0, steps: 4, untilMs: null, consent: { sessionId: "sess-consent-1" } };

function studyOn(room: Room, deviceId: string, prompt: DevicePrompt | null = CONSENT_PROMPT): LiveStudyInfo {
  const study: LiveStudyInfo = {
    sessionId: prompt?.consent?.sessionId ?? "sess-consent-1",
    studyId: "study-1",
    studyName: "Raise to speak",
    sceneId: "raise-to-speak",
    participant: "P01",
    deviceId,
    recordingId: null,
    phase: "consent",
    conditions: [{ id: "a", name: "A" }],
    conditionIndex: 0,
    trial: null,
    phaseUntilMs: null,
    pausedPhase: null,
    marks: 0,
    prompt,
  };
  room.study = study;
  cleanups.push(() => (room.study = null));
  return study;
}

describe("device:consent", () => {
  it("hands a joined device's answer to the listener and acks it", async () => {
    const heard = listen();
    const room = hub.roomCreate();
    const phone = await deviceJoin(room, "consent-phone-1");

    expect(await consentSend(phone.s, { sessionId: "sess-consent-1", agreed: true })).toEqual({ ok: true });
    expect(await consentSend(phone.s, { sessionId: "sess-consent-1", agreed: false })).toEqual({ ok: true });
    expect(heard).toHaveLength(2);
    expect(heard[0]!.room).toBe(room);
    expect(heard[0]!.deviceId).toBe("consent-phone-1");
    expect(heard.map((h) => h.consent)).toEqual([
      { sessionId: "sess-consent-1", agreed: true },
      { sessionId: "sess-consent-1", agreed: false },
    ]);
  });

  it("acks the listener's sentence as the refusal", async () => {
    listen("This session has already ended.");
    const room = hub.roomCreate();
    const phone = await deviceJoin(room, "consent-phone-2");
    const errors: unknown[] = [];
    phone.s.on("protocol:error", (e) => errors.push(e));

    const res = await consentSend(phone.s, { sessionId: "sess-consent-1", agreed: true });
    expect(res).toEqual({ ok: false, error: { code: "not-allowed", message: "This session has already ended.", event: "device:consent" } });
    await until(() => errors.length === 1, 5000, "the protocol error");
  });

  it("takes the answer when one of several listeners does", async () => {
    listen("Not mine.");
    const heard = listen();
    const room = hub.roomCreate();
    const phone = await deviceJoin(room, "consent-phone-3");
    expect(await consentSend(phone.s, { sessionId: "sess-consent-1", agreed: true })).toEqual({ ok: true });
    expect(heard).toHaveLength(1);
  });

  it("says nobody is waiting when no listener is registered", async () => {
    const room = hub.roomCreate();
    const phone = await deviceJoin(room, "consent-phone-4");
    const res = await consentSend(phone.s, { sessionId: "sess-consent-1", agreed: true });
    expect(res).toMatchObject({ ok: false, error: { code: "not-allowed", message: "No study session is waiting for this answer." } });
  });

  it("rejects a malformed answer with a clear error, before any listener sees it", async () => {
    const heard = listen();
    const room = hub.roomCreate();
    const phone = await deviceJoin(room, "consent-phone-5");
    for (const payload of [{ sessionId: "sess-consent-1", agreed: "yes" }, { sessionId: "x", agreed: true }, { sessionId: "sess-consent-1", agreed: true, extra: 1 }, null]) {
      const res = await consentSend(phone.s, payload);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe("malformed");
        expect(res.error.message).toMatch(/^Malformed device:consent: ./);
      }
    }
    expect(heard).toEqual([]);
  });

  it("rejects an answer from a socket that has not joined as a device, or only watches", async () => {
    const heard = listen();
    const room = hub.roomCreate();
    const stranger = await socketOpen();
    expect(await consentSend(stranger, { sessionId: "sess-consent-1", agreed: true })).toEqual({
      ok: false,
      error: { code: "not-joined", message: "Send device:hello before device:consent.", event: "device:consent" },
    });
    const viewer = await socketOpen();
    expect((await viewer.emitWithAck("room:watch", { v: PROTOCOL_VERSION, room: room.code })).ok).toBe(true);
    expect(await consentSend(viewer, { sessionId: "sess-consent-1", agreed: true })).toMatchObject({ ok: false, error: { code: "not-joined" } });
    expect(heard).toEqual([]);
  });
});

describe("device:hello during a study", () => {
  it("gives the study's device the study's prompt, and the room's other devices none", async () => {
    const room = hub.roomCreate();
    studyOn(room, "study-phone-1");
    const participant = await deviceJoin(room, "study-phone-1");
    const bystander = await deviceJoin(room, "study-phone-2");
    expect(participant.prompts).toEqual([CONSENT_PROMPT]);
    expect(bystander.prompts).toEqual([null]);
  });

  it("prefers the study's prompt to the recording's for the study's device", async () => {
    const room = hub.roomCreate();
    const paused: DevicePrompt = { text: "Paused", label: null, step: 2, steps: 4, untilMs: null };
    studyOn(room, "study-phone-3", paused);
    const recordingPrompt: DevicePrompt = { text: "Raise your wrist", label: "raise", step: 1, steps: 3, untilMs: Date.now() + 60_000 };
    room.recording = { id: "rec-1", name: "study", deviceFilter: null, startedAtMs: Date.now(), labelSet: [], activeLabel: null, prompt: recordingPrompt };
    cleanups.push(() => (room.recording = null));
    const participant = await deviceJoin(room, "study-phone-3");
    const other = await deviceJoin(room, "study-phone-4");
    expect(participant.prompts).toEqual([paused]);
    expect(other.prompts).toEqual([recordingPrompt]);
  });
});

describe("consent from the client side", () => {
  it("PhoneLink.consent resolves with the ack, and with a refusal while not joined", async () => {
    const heard = listen();
    const room = hub.roomCreate();
    studyOn(room, "link-phone-1");
    const prompts: (DevicePrompt | null)[] = [];
    const link = new PhoneLink({ url, room: room.code, deviceId: "link-phone-1", name: "link", source: "phone", platform: "android", nowMs: phoneNowMs, onPrompt: (p) => prompts.push(p) });
    cleanups.push(() => link.close());
    const early = await link.consent("sess-consent-1", true);
    expect(early).toMatchObject({ ok: false, error: { code: "not-joined" } });

    await until(() => prompts.length === 1, 5000, "the consent prompt");
    expect(prompts[0]?.consent).toEqual({ sessionId: "sess-consent-1" });
    expect(await link.consent("sess-consent-1", true)).toEqual({ ok: true });
    expect(heard.map((h) => [h.deviceId, h.consent])).toEqual([["link-phone-1", { sessionId: "sess-consent-1", agreed: true }]]);
  });

  it("the desktop's simulated phone agrees on its participant's behalf, once, after a moment", async () => {
    const heard = listen();
    const room = hub.roomCreate();
    studyOn(room, "sim-consent-1");
    const sim = new DesktopSimPhone({ deviceId: () => "sim-consent-1", nowMs: phoneNowMs });
    cleanups.push(() => sim.stop());
    const startedMs = Date.now();
    sim.start(room.code, url);

    await until(() => heard.length === 1, 5000, "the simulated agreement");
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(300);
    expect(heard[0]).toMatchObject({ deviceId: "sim-consent-1", consent: { sessionId: "sess-consent-1", agreed: true } });
    await new Promise((r) => setTimeout(r, 500));
    expect(heard).toHaveLength(1);
  });
});
