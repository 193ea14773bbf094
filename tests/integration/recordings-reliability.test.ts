import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PhoneLink } from "@/lib/client/phone-link";
import type { RecordingDetail, RecordingSummary } from "@/lib/protocol/recordings";
import { SAMPLE_WIDTH, type SampleTuple } from "@/lib/protocol/sample";
import { spawnedServers } from "../support/api-server-spawn";
import { apiOk, phoneNowMs, roomCreate, samplesStream, testServerStart, type TestServer, until } from "./harness";

const post = <T>(url: string, body?: unknown) => apiOk<T>("POST", url, body);

async function storedRows(url: string, id: string, deviceId: string): Promise<Float64Array> {
  return new Float64Array(await (await fetch(`${url}/api/recordings/${id}/devices/${deviceId}/samples`)).arrayBuffer());
}

/** Every stored row equals the sample sent at its position: each exactly once, in order. */
function expectSameSamples(rows: Float64Array, sent: readonly SampleTuple[], count: number) {
  expect(rows.length / SAMPLE_WIDTH).toBe(count);
  for (let i = 0; i < count; i++) {
    const row = Array.from(rows.subarray(i * SAMPLE_WIDTH, (i + 1) * SAMPLE_WIDTH), (v) => (Number.isNaN(v) ? null : v));
    if (JSON.stringify(row) !== JSON.stringify(sent[i])) throw new Error(`row ${i} differs: ${JSON.stringify(row)} vs ${JSON.stringify(sent[i])}`);
  }
}

describe("recording through a 30 s phone outage", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServerStart();
  });
  afterAll(async () => {
    await t.close();
  });

  it("stores every sample exactly once, in order", async () => {
    const room = await roomCreate(t.url);
    const link = new PhoneLink({ url: t.url, room, deviceId: "phone-outage", name: "outage", source: "phone", platform: "android", nowMs: phoneNowMs });
    await until(() => link.status === "streaming", 5000, "phone to join");
    const rec = await post<RecordingSummary>(`${t.url}/api/recordings`, { room });
    const sent: SampleTuple[] = [];
    await samplesStream(link, 2000, sent);

    // The network goes away abruptly, batches in flight and their acks with it, for 30 s.
    link.socket.io.reconnection(false);
    link.flush();
    link.socket.io.engine.close();
    await until(() => link.status === "offline", 5000, "phone to notice");
    await samplesStream(link, 30_000, sent);
    link.socket.io.reconnection(true);
    link.socket.connect();
    await samplesStream(link, 2000, sent);
    expect(await link.drain(10_000)).toBe(true);

    const done = await post<RecordingSummary>(`${t.url}/api/recordings/${rec.id}/stop`);
    expect(done.status).toBe("complete");
    expect(done.devices[0]!.samples).toBe(sent.length);
    expectSameSamples(await storedRows(t.url, rec.id, "phone-outage"), sent, sent.length);
    link.close();
  }, 60_000);
});

describe("a server killed with SIGKILL during a recording", () => {
  const serverStart = spawnedServers("wristlab-kill-");

  it("keeps all but at most the last second, marked interrupted", async () => {
    const first = await serverStart();
    const room = await roomCreate(first.url);
    const link = new PhoneLink({ url: first.url, room, deviceId: "phone-killed", name: "killed", source: "phone", platform: "ios", nowMs: phoneNowMs });
    await until(() => link.status === "streaming", 10_000, "phone to join");
    const rec = await post<RecordingSummary>(`${first.url}/api/recordings`, { room, labelSet: ["raise"] });
    await post(`${first.url}/api/recordings/${rec.id}/label`, { label: "raise" });

    // How many samples the server had acknowledged, over time: what it had before the last second must survive.
    const acked: { atMs: number; n: number }[] = [];
    const sent: SampleTuple[] = [];
    const watch = setInterval(() => acked.push({ atMs: Date.now(), n: link.stats().acked }), 20);
    await samplesStream(link, 4000, sent);
    const killedAtMs = Date.now();
    first.child.kill("SIGKILL");
    clearInterval(watch);
    link.close();
    const safe = [...acked].reverse().find((a) => a.atMs <= killedAtMs - 1000)!.n;
    expect(safe).toBeGreaterThan(150);

    const second = await serverStart();
    const list = (await (await fetch(`${second.url}/api/recordings`)).json()) as { recordings: RecordingSummary[] };
    const found = list.recordings.find((r) => r.id === rec.id)!;
    expect(found.status).toBe("interrupted");
    expect(found.endReason).toMatch(/killed or crashed/);
    const stored = found.devices[0]!.samples;
    expect(stored).toBeGreaterThanOrEqual(safe);
    expectSameSamples(await storedRows(second.url, rec.id, "phone-killed"), sent, stored);
    // The open label is closed where the recording's data ends.
    const detail = (await (await fetch(`${second.url}/api/recordings/${rec.id}`)).json()) as RecordingDetail;
    expect(detail.labels).toHaveLength(1);
    expect(detail.labels[0]!.tEndMs).toBe(detail.endedAtMs);
    second.child.kill("SIGTERM");
  }, 60_000);
});
