import { describe, expect, it } from "vitest";
import { frameVote, SensorLoggerFrameDetector } from "@/lib/native/sensor-logger-frames";
import { SensorLoggerMerger } from "@/lib/native/sensor-logger-merge";
import { SENSOR_LOGGER_MAX_ENTRIES, sensorLoggerPushSchema, type SensorLoggerReading, type SensorLoggerVec3Sensor } from "@/lib/native/sensor-logger-schema";
import { F, type SampleTuple } from "@/lib/protocol/sample";
import { issuesToMessage } from "@/lib/protocol/schemas";

const T0_MS = 1_700_000_000_000;
const G = 9.80665;

const vec = (sensor: SensorLoggerVec3Sensor, tMs: number, x: number, y: number, z: number): SensorLoggerReading => ({ sensor, tMs, x, y, z });
const quat = (tMs: number, qw: number, qx: number, qy: number, qz: number): SensorLoggerReading => ({ sensor: "orientation", tMs, qx, qy, qz, qw });

/** An iPhone lying still screen up, Standardise off: gravity −z (COORDINATES.md), a little user acceleration. */
function iosFlat(fromMs: number, count: number, withOrientation = false): SensorLoggerReading[] {
  const out: SensorLoggerReading[] = [];
  for (let i = 0; i < count; i++) {
    const t = fromMs + i * 10;
    out.push(vec("accelerometer", t, 0.1, -0.2, 0.3), vec("gravity", t, 0, 0, -G), vec("gyroscope", t + 1, 0.01 * i, -0.02, 0.5));
    if (withOrientation) out.push(quat(t, 1, 0, 0, 0));
  }
  return out;
}

const times = (samples: SampleTuple[]) => samples.map((s) => s[0]);

function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("sensorLoggerPushSchema", () => {
  it("reads the documented push, numbers or numeric strings, and ignores sensors Wristlab does not use", () => {
    const body = {
      messageId: 3,
      sessionId: "rec-1",
      deviceId: "ad7e4997-ac64-4072-94f4-ebfbf84118ca",
      payload: [
        { name: "accelerometer", time: 1698501144401773000, values: { x: 0.06, y: -0.001, z: -0.1 } },
        { name: "Gyroscope", time: "1698501144411773000", values: { x: "0.5", y: "-1e-3", z: 2 } },
        { name: "location", time: 1698501145514000000, values: { latitude: 51.5, longitude: 0 } },
        { name: "battery", time: 1698501145514000000, values: { batteryLevel: 0.5 } },
        { name: "test" },
      ],
    };
    const parsed = sensorLoggerPushSchema.parse(body);
    expect(parsed.messageId).toBe(3);
    expect(parsed.sessionId).toBe("rec-1");
    expect(parsed.ignored).toBe(3);
    expect(parsed.android).toBe(false);
    expect(parsed.readings).toHaveLength(2);
    expect(parsed.readings[0]).toEqual({ sensor: "accelerometer", tMs: expect.closeTo(1698501144401.773, 3) as number, x: 0.06, y: -0.001, z: -0.1 });
    expect(parsed.readings[1]).toMatchObject({ sensor: "gyroscope", x: 0.5, y: -0.001, z: 2 });
  });

  it("sees Android in `accuracy` or `totalacceleration`, and lets a push without session or motion through", () => {
    const withAccuracy = sensorLoggerPushSchema.parse({ deviceId: "d1", payload: [{ name: "gravity", time: 1.7e18, accuracy: 3, values: { x: 0, y: 0, z: G } }] });
    expect(withAccuracy.android).toBe(true);
    expect(withAccuracy.sessionId).toBe("default");
    expect(withAccuracy.messageId).toBeNull();
    const withTotal = sensorLoggerPushSchema.parse({ deviceId: "d1", payload: [{ name: "totalacceleration", time: 1.7e18, values: { x: 0, y: 0, z: G } }] });
    expect(withTotal.android).toBe(true);
    const test = sensorLoggerPushSchema.parse({ deviceId: "d1", payload: [{ name: "test" }] });
    expect(test.readings).toEqual([]);
  });

  it("refuses motion readings that would reach the models wrong, naming the field", () => {
    const bad = (payload: unknown[]) => {
      const r = sensorLoggerPushSchema.safeParse({ deviceId: "d1", payload });
      expect(r.success).toBe(false);
      return r.success ? "" : issuesToMessage(r.error);
    };
    expect(bad([{ name: "test" }, { name: "gyroscope", time: 1.7e18, values: { x: 1, y: "fast", z: 0 } }])).toBe("payload.1.values.y: must be a number");
    expect(bad([{ name: "gravity", time: 1_700_000_000_000, values: { x: 0, y: 0, z: 9.8 } }])).toMatch(/payload\.0\.time: must be epoch nanoseconds/);
    expect(bad([{ name: "accelerometer", time: 1.7e18, values: { x: 0, y: 0, z: 1e6 } }])).toMatch(/payload\.0\.values\.z: must be within/);
    expect(bad([{ name: "accelerometer", time: 1.7e18, values: { x: 0, y: 0 } }])).toMatch(/payload\.0\.values\.z/);
    expect(bad(Array.from({ length: SENSOR_LOGGER_MAX_ENTRIES + 1 }, () => ({ name: "battery" })))).toMatch(/payload: holds at most 20000/);
    const noDevice = sensorLoggerPushSchema.safeParse({ payload: [] });
    expect(noDevice.success).toBe(false);
  });

  it("ignores an orientation it cannot read instead of refusing the push", () => {
    const r = sensorLoggerPushSchema.parse({ deviceId: "d1", payload: [{ name: "orientation", time: 1.7e18, values: { yaw: 1, pitch: 0, roll: 0 } }] });
    expect(r.readings).toEqual([]);
    expect(r.ignored).toBe(1);
  });
});

describe("frameVote", () => {
  const tilt = (deg: number) => {
    const h = (deg * Math.PI) / 360;
    return { qw: Math.cos(h), qx: Math.sin(h), qy: 0, qz: 0 };
  };

  it("tells Android's gravity (+z screen up) from iOS's (−z) against the attitude, whatever the quaternion's direction or sign", () => {
    const q = tilt(40);
    const up = { x: 0, y: G * Math.sin((40 * Math.PI) / 180), z: G * Math.cos((40 * Math.PI) / 180) };
    const down = { x: -up.x, y: -up.y, z: -up.z };
    for (const variant of [q, { ...q, qx: -q.qx }, { qw: -q.qw, qx: -q.qx, qy: 0, qz: 0 }]) {
      expect(frameVote(up, variant)).toBe(1);
      expect(frameVote(down, variant)).toBe(-1);
    }
    // Face down: both flip, and so does the answer.
    expect(frameVote({ x: 0, y: 0, z: -G }, tilt(180))).toBe(1);
    expect(frameVote({ x: 0, y: 0, z: G }, tilt(180))).toBe(-1);
  });

  it("abstains when upright, when gravity is not in m/s², or when tilt and gravity disagree", () => {
    expect(frameVote({ x: 0, y: G, z: 0 }, tilt(90))).toBe(0);
    expect(frameVote({ x: 0, y: 0, z: -1 }, tilt(0))).toBe(0);
    expect(frameVote({ x: 0, y: G * 0.8, z: G * 0.6 }, tilt(0))).toBe(0);
  });

  it("locks after five net votes; Android traits override; explicit frames never change", () => {
    const d = new SensorLoggerFrameDetector("auto");
    for (let i = 0; i < 4; i++) d.observe({ x: 0, y: 0, z: -G }, tilt(0));
    expect(d.decided).toBe(false);
    expect(d.sign).toBe(1);
    d.observe({ x: 0, y: 0, z: -G }, tilt(0));
    expect([d.decided, d.sign, d.platform]).toEqual([true, -1, "ios"]);
    d.markAndroid();
    expect([d.sign, d.platform]).toEqual([1, "android"]);
    const fixed = new SensorLoggerFrameDetector("ios");
    for (let i = 0; i < 10; i++) fixed.observe({ x: 0, y: 0, z: G }, tilt(0));
    expect(fixed.sign).toBe(-1);
  });
});

describe("SensorLoggerMerger", () => {
  it("makes W3C samples from iOS readings: acceleration and gravity negated, gyroscope as is, orientation null", () => {
    const m = new SensorLoggerMerger({ frames: "ios" });
    const { samples } = m.ingest(iosFlat(T0_MS, 20));
    const s = samples[0]!;
    expect(s[F.tMs]).toBe(T0_MS);
    // Lying screen up reads +9.81 on the wire: −(userAcceleration + gravity).
    expect([s[F.accelGX], s[F.accelGY], s[F.accelGZ]]).toEqual([-0.1, 0.2, expect.closeTo(G - 0.3, 9)]);
    expect([s[F.accelX], s[F.accelY], s[F.accelZ]]).toEqual([-0.1, 0.2, -0.3]);
    expect([s[F.gyroX], s[F.gyroY], s[F.gyroZ]]).toEqual([0, -0.02, 0.5]);
    expect([s[F.orientAlpha], s[F.orientBeta], s[F.orientGamma]]).toEqual([null, null, null]);
  });

  it("keeps Android's (and Standardise's) convention and m/s² units unchanged", () => {
    const m = new SensorLoggerMerger({ frames: "standard" });
    const { samples } = m.ingest([vec("accelerometer", T0_MS, 1, 2, 3), vec("gravity", T0_MS, 0, 0, G), vec("accelerometer", T0_MS + 100, 0, 0, 0)]);
    expect(samples[0]!.slice(0, 7)).toEqual([T0_MS, 1, 2, 3 + G, 1, 2, 3]);
    expect(samples[0]![F.gyroX]).toBeNull();
  });

  it("detects the iOS convention from gravity against orientation before the first sample leaves", () => {
    const m = new SensorLoggerMerger();
    const { samples } = m.ingest(shuffled(iosFlat(T0_MS, 30, true)));
    expect(m.platform).toBe("ios");
    expect(samples.every((s) => s[F.accelGZ]! > 9)).toBe(true);
    const android = new SensorLoggerMerger();
    const flat = iosFlat(T0_MS, 30, true).map((r) => (r.sensor === "gravity" ? { ...r, z: G } : r));
    const out = android.ingest(flat, true).samples;
    expect(android.platform).toBe("android");
    expect(out[0]![F.accelGZ]).toBeCloseTo(G + 0.3, 9);
  });

  it("emits one sample per accelerometer reading in strictly increasing time, whatever the order in the push", () => {
    const m = new SensorLoggerMerger({ frames: "ios" });
    const first = m.ingest(shuffled(iosFlat(T0_MS, 30)));
    // The newest 50 ms wait for partners that may come in the next push.
    expect(times(first.samples)).toEqual(Array.from({ length: 25 }, (_, i) => T0_MS + i * 10));
    expect(m.pending).toBe(5);
    const second = m.ingest(shuffled(iosFlat(T0_MS + 300, 30)));
    const all = [...first.samples, ...second.samples, ...m.flush().samples];
    expect(times(all)).toEqual(Array.from({ length: 60 }, (_, i) => T0_MS + i * 10));
    expect(all.every((s, i) => i === 0 || s[0] > all[i - 1]![0])).toBe(true);
    expect(first.accepted + second.accepted).toBe(180);
  });

  it("pairs a held-back sample with a gyroscope reading that only arrives in the next push", () => {
    const m = new SensorLoggerMerger({ frames: "standard" });
    const pushA = [vec("accelerometer", T0_MS, 0, 0, 0), vec("gravity", T0_MS, 0, 0, G), vec("accelerometer", T0_MS + 60, 0, 0, 0), vec("gravity", T0_MS + 60, 0, 0, G)];
    expect(times(m.ingest(pushA).samples)).toEqual([T0_MS]);
    const late = m.ingest([vec("gyroscope", T0_MS + 62, 0.3, 0.2, 0.1), vec("accelerometer", T0_MS + 200, 0, 0, 0), vec("gravity", T0_MS + 200, 0, 0, G)]);
    expect(times(late.samples)).toEqual([T0_MS + 60]);
    expect(late.samples[0]!.slice(F.gyroX, F.gyroZ + 1)).toEqual([0.3, 0.2, 0.1]);
  });

  it("pairs the gyroscope only within 25 ms and interpolates gravity between readings", () => {
    const m = new SensorLoggerMerger({ frames: "standard" });
    const { samples } = m.ingest([
      vec("gravity", T0_MS - 20, 0, 0, 9),
      vec("gravity", T0_MS + 20, 0, 0, 10),
      vec("accelerometer", T0_MS, 0, 0, 0),
      vec("accelerometer", T0_MS + 20, 0, 0, 0),
      vec("gyroscope", T0_MS + 40, 1, 1, 1),
      vec("accelerometer", T0_MS + 500, 0, 0, 0),
    ]);
    expect(samples[0]![F.accelGZ]).toBeCloseTo(9.5, 12);
    expect(samples[0]![F.gyroX]).toBeNull();
    expect(samples[1]![F.accelGZ]).toBe(10);
    expect(samples[1]![F.gyroX]).toBe(1);
  });

  it("drops a retried push and the repeated part of an overlapping one, and counts late readings", () => {
    const m = new SensorLoggerMerger({ frames: "ios" });
    const push1 = iosFlat(T0_MS, 20);
    const n1 = m.ingest(push1).samples.length;
    const retry = m.ingest(push1);
    expect(retry.samples).toEqual([]);
    expect(retry.duplicates).toBe(60);
    expect(retry.accepted).toBe(0);
    const overlap = m.ingest(iosFlat(T0_MS + 100, 20));
    expect(overlap.duplicates).toBe(30);
    expect(overlap.accepted).toBe(30);
    expect(n1 + overlap.samples.length + m.flush().samples.length).toBe(30);
    // A lead older than what already went out cannot be sent in order any more.
    const old = m.ingest([vec("accelerometer", T0_MS + 5, 0, 0, 0)]);
    expect(old).toMatchObject({ late: 1, accepted: 0, samples: [] });
    // A retry seconds later, after the readings it repeats were forgotten: late, not sent again.
    m.ingest(iosFlat(T0_MS + 300, 300));
    const muchLater = m.ingest(push1);
    expect(muchLater).toMatchObject({ late: 60, duplicates: 0, accepted: 0, samples: [] });
  });

  it("makes no sample from an accelerometer reading without gravity, and says so", () => {
    const m = new SensorLoggerMerger({ frames: "standard" });
    m.ingest([vec("accelerometer", T0_MS, 0, 0, 0), vec("gyroscope", T0_MS, 0, 0, 0)]);
    const r = m.flush();
    expect(r.samples).toEqual([]);
    expect(r.unpaired).toBe(1);
  });

  it("keeps only the last keepMs of readings when Accelerometer is off, and says why no sample comes", () => {
    const m = new SensorLoggerMerger({ frames: "ios", keepMs: 2000 });
    // Gyroscope, gravity and orientation only: a minute of 200 ms pushes at 100 Hz.
    const pushAt = (fromMs: number) => iosFlat(fromMs, 20, true).filter((r) => r.sensor !== "accelerometer");
    const first = m.ingest(pushAt(T0_MS));
    expect(first).toMatchObject({ accepted: 60, samples: [], noAcceleration: true });
    for (let k = 1; k < 300; k++) expect(m.ingest(pushAt(T0_MS + k * 200)).noAcceleration).toBe(true);
    // The first push was forgotten (a repeat is late, not a duplicate); the last 2 s were kept.
    expect(m.ingest(pushAt(T0_MS))).toMatchObject({ late: 60, duplicates: 0, accepted: 0 });
    expect(m.ingest(pushAt(T0_MS + 299 * 200))).toMatchObject({ late: 0, duplicates: 60 });
    expect(m.ingest(pushAt(T0_MS + 290 * 200))).toMatchObject({ late: 0, duplicates: 60 });
    // Accelerometer turned on: samples come at once, all but the newest 50 ms held back.
    const on = m.ingest(iosFlat(T0_MS + 300 * 200, 20));
    expect(on.noAcceleration).toBe(false);
    expect(on.samples).toHaveLength(15);
    expect(on.samples[0]![F.accelGZ]).toBeCloseTo(G - 0.3, 9);
  });

  it("forgets the other sensors' readings when the lead stops, instead of keeping them from its last sample on", () => {
    const m = new SensorLoggerMerger({ frames: "standard", keepMs: 1000 });
    m.ingest(iosFlat(T0_MS, 20));
    const gyroOnly = (fromMs: number) => iosFlat(fromMs, 20).filter((r) => r.sensor === "gyroscope");
    for (let k = 1; k <= 50; k++) m.ingest(gyroOnly(T0_MS + k * 200));
    expect(m.ingest(gyroOnly(T0_MS + 10 * 200))).toMatchObject({ late: 20, duplicates: 0 });
    expect(m.ingest(gyroOnly(T0_MS + 48 * 200))).toMatchObject({ late: 0, duplicates: 20 });
    // A stream that had acceleration never warns again, even when a push lacks it.
    expect(m.ingest(gyroOnly(T0_MS + 51 * 200)).noAcceleration).toBe(false);
  });

  it("emits nothing at or before afterMs: a merger taking over a link keeps its samples increasing", () => {
    const m = new SensorLoggerMerger({ frames: "standard", afterMs: T0_MS + 95 });
    const r = m.ingest(iosFlat(T0_MS, 30));
    expect(r.late).toBe(10);
    expect(r.noAcceleration).toBe(false);
    expect(times([...r.samples, ...m.flush().samples])).toEqual(Array.from({ length: 20 }, (_, i) => T0_MS + 100 + i * 10));
  });

  it("leads with Android's totalacceleration, taking linear acceleration from the accelerometer or total minus gravity", () => {
    const m = new SensorLoggerMerger();
    const { samples } = m.ingest(
      [
        vec("totalacceleration", T0_MS, 0.5, 0, G),
        vec("accelerometer", T0_MS + 3, 0.5, 0, 0.01),
        vec("totalacceleration", T0_MS + 100, 1, 0, G + 1),
        vec("gravity", T0_MS + 100, 0, 0, G),
        vec("totalacceleration", T0_MS + 300, 0, 0, 0),
      ],
      true,
    );
    const [a, b] = samples;
    expect(a!.slice(0, 7)).toEqual([T0_MS, 0.5, 0, G, 0.5, 0, 0.01]);
    expect(b!.slice(0, 6)).toEqual([T0_MS + 100, 1, 0, G + 1, 1, 0]);
    expect(b![F.accelZ]).toBeCloseTo(1, 12);
    expect(m.platform).toBe("android");
  });
});
