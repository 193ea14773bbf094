import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PhoneLink } from "@/lib/client/phone-link";
import type { DevicePrompt, RecordingDetail, RecordingSummary, ReplayInfo } from "@/lib/protocol/recordings";
import { SAMPLE_WIDTH, type SampleTuple } from "@/lib/protocol/sample";
import { apiCall, errorOf, phoneNowMs, roomCreate, samplesStream, testServerStart, type TestServer, until, viewerStart } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

const api = <T>(method: string, path: string, body?: unknown) => apiCall<T>(t.url, method, path, body);

function phone(room: string, deviceId: string, onPrompt?: (p: DevicePrompt | null) => void) {
  const link = new PhoneLink({ url: t.url, room, deviceId, name: deviceId, source: "phone", platform: "android", nowMs: phoneNowMs });
  if (onPrompt) link.socket.on("device:prompt", onPrompt);
  return link;
}

const dbSamples = (id: string) =>
  (t.server.recordings.db.prepare("SELECT COUNT(*) AS n FROM samples s JOIN recording_devices d ON d.id = s.device_row WHERE d.recording_id = ?").get(id) as { n: number }).n;

describe("recordings API", () => {
  it("records a room with live labels and model events, within a second to disk", async () => {
    const room = await roomCreate(t.url);
    expect(errorOf(await api("POST", "/api/recordings", { room: "ZZZZZZ" }))).toMatch(/No room/);
    const a = phone(room, "phone-a");
    const b = phone(room, "phone-b");
    await until(() => a.status === "streaming" && b.status === "streaming", 5000, "phones");
    expect(errorOf(await api("POST", "/api/recordings", { room, labelSet: ["a,b"] }))).toMatch(/commas/);
    const start = await api<RecordingSummary>("POST", "/api/recordings", { room, name: "session 1", labelSet: ["raise", "tap"] });
    expect(start.status).toBe(201);
    const id = start.body.id;
    expect((await api("POST", "/api/recordings", { room })).status).toBe(409);
    const rooms = (await (await fetch(`${t.url}/api/rooms/${room}`)).json()) as { recording: { id: string } };
    expect(rooms.recording.id).toBe(id);

    const sentA: SampleTuple[] = [];
    const sentB: SampleTuple[] = [];
    await Promise.all([samplesStream(a, 1000, sentA), samplesStream(b, 1000, sentB)]);
    expect(await a.drain()).toBe(true);
    // Acknowledged samples are committed within the recorder's flush interval (200 ms), well inside a second.
    const ackedAtMs = Date.now();
    await until(() => dbSamples(id) >= sentA.length, 1000, "samples on disk");
    expect(Date.now() - ackedAtMs).toBeLessThan(1000);

    expect((await api("POST", `/api/recordings/${id}/label`, { label: "raise" })).status).toBe(200);
    await Promise.all([samplesStream(a, 500, sentA), samplesStream(b, 500, sentB)]);
    await api("POST", `/api/recordings/${id}/label`, { label: null });
    const eventT = sentA[sentA.length - 10]![0];
    expect((await api("POST", `/api/recordings/${id}/events`, { events: [{ deviceId: "phone-a", tMs: eventT, interaction: "raise-to-speak", detector: "A: heuristic", score: 0.8 }] })).status).toBe(200);
    expect(errorOf(await api("POST", `/api/recordings/${id}/events`, { events: [{ deviceId: "nobody-here", tMs: eventT, interaction: "x", detector: "y", score: null }] }))).toMatch(/not part of this recording/);
    await Promise.all([a.drain(), b.drain()]);

    const stop = await api<RecordingSummary>("POST", `/api/recordings/${id}/stop`);
    expect(stop.body).toMatchObject({ status: "complete", endReason: "stopped", labelCount: 1, eventCount: 1 });
    expect(Object.fromEntries(stop.body.devices.map((d) => [d.id, d.samples]))).toEqual({ "phone-a": sentA.length, "phone-b": sentB.length });
    expect((await api("POST", `/api/recordings/${id}/label`, { label: "tap" })).status).toBe(409);
    const detail = (await api<RecordingDetail>("GET", `/api/recordings/${id}`)).body;
    const offset = detail.devices.find((d) => d.id === "phone-a")!.clockOffsetMs;
    expect(detail.events[0]!.tMs).toBeCloseTo(eventT + offset, 6);
    expect(detail.labels).toHaveLength(1);
    expect(detail.labels[0]!.tEndMs - detail.labels[0]!.tStartMs).toBeGreaterThan(400);

    const rows = new Float64Array(await (await fetch(`${t.url}/api/recordings/${id}/devices/phone-b/samples`)).arrayBuffer());
    expect(rows.length).toBe(sentB.length * SAMPLE_WIDTH);
    expect(rows[SAMPLE_WIDTH * 5]).toBe(sentB[5]![0]);
    expect(Number.isNaN(rows[SAMPLE_WIDTH * 5 + 10]!)).toBe(true);
    a.close();
    b.close();
  }, 20_000);

  it("runs a prompted protocol: the phone sees each step and the labels land by themselves", async () => {
    const room = await roomCreate(t.url);
    const prompts: (DevicePrompt | null)[] = [];
    const p = phone(room, "phone-prompted", (x) => prompts.push(x));
    await until(() => p.status === "streaming", 5000, "phone");
    const protocol = [
      { label: "raise", prompt: "raise your wrist", durationS: 1, restS: 0.5 },
      { label: "tap", prompt: "double tap", durationS: 0.5 },
    ];
    const rec = (await api<RecordingSummary>("POST", "/api/recordings", { room, deviceId: "phone-prompted", protocol })).body;
    const sent: SampleTuple[] = [];
    await samplesStream(p, 5500, sent);
    await until(() => prompts.at(-1) === null, 2000, "the protocol to end");
    // The first null is the join's "nothing to show" (it clears a prompt left from an earlier protocol).
    expect(prompts.map((x) => x?.text ?? null)).toEqual([null, "Get ready", "Now: raise your wrist", "Rest", "Now: double tap", null]);
    await p.drain();
    await api("POST", `/api/recordings/${rec.id}/stop`);
    const detail = (await api<RecordingDetail>("GET", `/api/recordings/${rec.id}`)).body;
    expect(detail.labels.map((l) => [l.label, Math.round(l.tEndMs - l.tStartMs)])).toEqual([
      ["raise", 1000],
      ["tap", 500],
    ]);
    expect(detail.labels[0]!.tStartMs - detail.startedAtMs).toBe(3000);
    p.close();
  }, 20_000);

  it("replays a recording into another room at 5x, spacing kept, and exports and re-imports it", async () => {
    const roomA = await roomCreate(t.url);
    const p = phone(roomA, "phone-source");
    await until(() => p.status === "streaming", 5000, "phone");
    const rec = (await api<RecordingSummary>("POST", "/api/recordings", { room: roomA })).body;
    const sent: SampleTuple[] = [];
    await samplesStream(p, 2000, sent);
    await p.drain();
    await api("POST", `/api/recordings/${rec.id}/stop`);
    p.close();

    const roomB = await roomCreate(t.url);
    const viewer = await viewerStart(t.url, roomB);
    const startedAt = Date.now();
    const replay = await api<ReplayInfo>("POST", `/api/recordings/${rec.id}/replay`, { room: roomB, speed: 5 });
    expect(replay.status).toBe(201);
    const deviceId = replay.body.deviceIds[0]!;
    await until(() => (viewer.received.get(deviceId)?.length ?? 0) >= sent.length, 5000, "the replay to arrive");
    expect(Date.now() - startedAt).toBeLessThan(1500);
    const got = viewer.received.get(deviceId)!.map((x) => x.sample);
    expect(got).toHaveLength(sent.length);
    got.forEach((s, i) => {
      expect(s.slice(1)).toEqual(sent[i]!.slice(1));
      if (i > 0) expect(s[0] - got[i - 1]![0]).toBeCloseTo(sent[i]![0] - sent[i - 1]![0], 6);
    });
    await until(() => (t.server.replays.list().find((r) => r.id === replay.body.id)?.status ?? "") === "done", 3000, "replay done");
    viewer.socket.close();

    const jsonl = await fetch(`${t.url}/api/recordings/${rec.id}/export?format=jsonl`);
    expect(jsonl.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.jsonl"/);
    const text = await jsonl.text();
    const imported = await fetch(`${t.url}/api/recordings/import?name=copy.jsonl`, { method: "POST", body: text });
    expect(imported.status).toBe(201);
    const copy = ((await imported.json()) as { recordings: RecordingSummary[] }).recordings[0]!;
    expect(copy).toMatchObject({ origin: "import", importedFrom: "copy.jsonl", status: "complete" });
    const original = new Float64Array(await (await fetch(`${t.url}/api/recordings/${rec.id}/devices/phone-source/samples`)).arrayBuffer());
    const again = new Float64Array(await (await fetch(`${t.url}/api/recordings/${copy.id}/devices/phone-source/samples`)).arrayBuffer());
    expect(Array.from(again)).toEqual(Array.from(original));

    const csv = await fetch(`${t.url}/api/recordings/${rec.id}/export?format=csv`);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect((await csv.text()).split("\n").filter((l) => l.trim()).length).toBe(sent.length + 1);
    const ei = await fetch(`${t.url}/api/recordings/${rec.id}/export?format=edge-impulse`);
    expect(ei.status).toBe(200);
    expect(((await ei.json()) as { payload: { values: unknown[] } }).payload.values).toHaveLength(sent.length);

    expect((await api("DELETE", `/api/recordings/${copy.id}`)).status).toBe(204);
    expect((await api("GET", `/api/recordings/${copy.id}`)).status).toBe(404);
    expect(dbSamples(copy.id)).toBe(0);
  }, 20_000);

  it("refuses bad imports with a sentence naming the problem and leaves the database unchanged", async () => {
    const before = (t.server.recordings.db.prepare("SELECT (SELECT COUNT(*) FROM recordings) AS r, (SELECT COUNT(*) FROM samples) AS s").get() as object);
    const tryImport = async (name: string, body: Uint8Array<ArrayBuffer> | string) => {
      const res = await fetch(`${t.url}/api/recordings/import?name=${encodeURIComponent(name)}`, { method: "POST", body });
      return { status: res.status, error: ((await res.json()) as { error: string }).error };
    };
    expect(await tryImport("empty.csv", "")).toMatchObject({ status: 400, error: expect.stringMatching(/empty/) });
    expect(await tryImport("cols.csv", "when,what\n1,2\n")).toMatchObject({ status: 400, error: expect.stringMatching(/cols\.csv/) });
    expect(await tryImport("text.csv", "t_ms,ax,ay,az\n1,0,0,9.8\n2,abc,0,9.8\n")).toMatchObject({ status: 400, error: expect.stringMatching(/line 3/) });
    expect(await tryImport("nan.csv", "t_ms,ax,ay,az\n1,0,0,9.8\n2,NaN,0,9.8\n")).toMatchObject({ status: 400 });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    expect(await tryImport("bomb.zip", zip)).toMatchObject({ status: 400, error: expect.stringMatching(/zip/i) });
    const big = new Uint8Array(100 * 1024 * 1024);
    expect(await tryImport("huge.csv", big)).toMatchObject({ status: 413, error: expect.stringMatching(/100 MB.*64 MB/) });
    const after = t.server.recordings.db.prepare("SELECT (SELECT COUNT(*) FROM recordings) AS r, (SELECT COUNT(*) FROM samples) AS s").get() as object;
    expect(after).toEqual(before);
  }, 20_000);
});
