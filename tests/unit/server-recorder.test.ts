import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StreamBatch } from "@/lib/protocol/events";
import { recordingStartSchema } from "@/lib/protocol/recordings";
import type { SampleTuple } from "@/lib/protocol/sample";
import { RecordingStore } from "@/lib/recordings/recording-store";
import { DeviceRecord } from "@/lib/server/device-record";
import type { BatchListener, Hub } from "@/lib/server/hub";
import { Recorder } from "@/lib/server/recorder";
import { RoomRegistry, type Room } from "@/lib/server/room-registry";

/** The recorder against a real store and a stand-in hub that hands it batches directly. */
let dir: string;
let store: RecordingStore;
let listener: BatchListener;
let room: Room;
let now = 1_000_000;
const changed: string[] = [];
const hub = {
  rooms: new RoomRegistry(),
  onBatch: (l: BatchListener) => ((listener = l), () => {}),
  roomChanged: (r: Room) => changed.push(r.code),
  devicePrompt: () => {},
} as unknown as Hub;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wristlab-recorder-"));
  store = RecordingStore.open(dir, () => {});
  room = hub.rooms.ensure("K7QM4X" as Room["code"], now);
  room.recording = null;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const phone = () => {
  const d = new DeviceRecord("phone-1", "Pixel", "phone", "android", now);
  room.devices.set(d.id, d);
  return d;
};
const batch = (samples: SampleTuple[], clockOffsetMs: number): StreamBatch => ({ deviceId: "phone-1", session: "s", seq: 0, samples, clockOffsetMs, receivedAtMs: now });
const s = (tMs: number): SampleTuple => [tMs, 0, 0, 9.8, null, null, null, null, null, null, null, null, null];

describe("recorder", () => {
  it("corrects a guessed clock offset once the phone's estimate arrives, and keeps times increasing", () => {
    const recorder = new Recorder({ store, hub, nowMs: () => now, flushIntervalMs: 60_000 });
    const id = recorder.start(recordingStartSchema.parse({ room: room.code })).id;
    const d = phone();
    listener(room, d, batch([s(10), s(20)], 900));
    d.clock = { offsetMs: 750, rttMs: 10 };
    // A repeated time and one going back (a phone whose clock was set back) are left out.
    listener(room, d, batch([s(20), s(15), s(30), s(40)], 750));
    recorder.flush();
    const summary = recorder.stop(id);
    expect(summary.devices[0]).toMatchObject({ clockOffsetMs: 750, samples: 4, firstTMs: 10, lastTMs: 40 });
    expect(Array.from(store.deviceSamples(id, "phone-1")!.rows.filter((_, i) => i % 13 === 0))).toEqual([10, 20, 30, 40]);
  });

  it("never starts a live label before the open one or the recording", () => {
    const recorder = new Recorder({ store, hub, nowMs: () => now, flushIntervalMs: 60_000 });
    const id = recorder.start(recordingStartSchema.parse({ room: room.code, labelSet: ["a", "b"] })).id;
    now += 1000;
    recorder.label(id, "a", now - 4000);
    now += 1000;
    recorder.label(id, "b", now);
    // A press that the network delivered late, stamped before "b" opened.
    recorder.label(id, "a", now - 500);
    now += 1000;
    recorder.stop(id);
    const labels = store.detail(id)!.labels;
    expect(labels.map((l) => [l.label, l.tStartMs - 1_000_000, l.tEndMs - 1_000_000])).toEqual([
      ["a", 0, 2000],
      ["b", 2000, 2001],
      ["a", 2001, 3000],
    ]);
  });

  it("ends recordings as interrupted when the database refuses writes for too long", () => {
    const log = vi.fn();
    const recorder = new Recorder({ store, hub, nowMs: () => now, flushIntervalMs: 60_000, log });
    const id = recorder.start(recordingStartSchema.parse({ room: room.code })).id;
    const d = phone();
    const write = vi.spyOn(store, "samplesWrite").mockImplementation(() => {
      throw new Error("disk I/O error");
    });
    let t = 0;
    for (let k = 0; k < 2400; k++) {
      listener(room, d, batch(Array.from({ length: 256 }, () => s(++t)), 0));
      recorder.flush();
    }
    write.mockRestore();
    expect(recorder.isRunning(id)).toBe(false);
    expect(room.recording).toBeNull();
    expect(store.summary(id)).toMatchObject({ status: "interrupted", endReason: expect.stringMatching(/disk I\/O error/) });
    expect(log).toHaveBeenCalled();
  });
});
