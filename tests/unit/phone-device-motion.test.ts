import { describe, expect, it } from "vitest";
import { motionToTuple, orientationRead, type DeviceMotionLike } from "@/lib/phone/device-motion";
import { platformAxes } from "@/lib/phone/platform-axes";
import { F, SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { sampleTupleSchema } from "@/lib/protocol/schemas";

const ORIGIN = 1_700_000_000_000;
const SPEC = platformAxes("android");

/** Members as getters on a prototype, the way host objects expose them: JSON sees nothing. */
function hostLike<T extends object>(values: T): T {
  const proto = {};
  for (const [k, v] of Object.entries(values)) Object.defineProperty(proto, k, { get: () => v, enumerable: false });
  return Object.create(proto) as T;
}

const full: DeviceMotionLike = {
  timeStamp: 1234.5,
  accelerationIncludingGravity: { x: 0.1, y: 0.2, z: 9.81 },
  acceleration: { x: 0.01, y: -0.02, z: 0.03 },
  rotationRate: { alpha: 90, beta: 180, gamma: -45 },
};

describe("motionToTuple", () => {
  it("maps every field with units and axes of the protocol", () => {
    const t = motionToTuple(full, { alpha: 10, beta: 20, gamma: 30 }, ORIGIN, SPEC);
    expect(t).not.toBeNull();
    expect(t).toHaveLength(SAMPLE_WIDTH);
    expect(t![F.tMs]).toBe(ORIGIN + 1234.5);
    expect([t![F.accelGX], t![F.accelGY], t![F.accelGZ]]).toEqual([0.1, 0.2, 9.81]);
    expect([t![F.accelX], t![F.accelY], t![F.accelZ]]).toEqual([0.01, -0.02, 0.03]);
    // alpha -> x, beta -> y, gamma -> z (the spec and every browser), deg/s -> rad/s.
    expect(t![F.gyroX]).toBeCloseTo(Math.PI / 2, 12);
    expect(t![F.gyroY]).toBeCloseTo(Math.PI, 12);
    expect(t![F.gyroZ]).toBeCloseTo(-Math.PI / 4, 12);
    expect([t![F.orientAlpha], t![F.orientBeta], t![F.orientGamma]]).toEqual([10, 20, 30]);
    expect(sampleTupleSchema.safeParse(t).success).toBe(true);
  });

  it("returns null without acceleration including gravity (Chromium's attach event)", () => {
    expect(motionToTuple({ timeStamp: 1, accelerationIncludingGravity: null, acceleration: null, rotationRate: null }, null, ORIGIN, SPEC)).toBeNull();
    expect(motionToTuple({ timeStamp: 1 }, null, ORIGIN, SPEC)).toBeNull();
    expect(motionToTuple({ ...full, accelerationIncludingGravity: { x: 1, y: null, z: 2 } }, null, ORIGIN, SPEC)).toBeNull();
  });

  it("makes a triple null when any of its components is null", () => {
    const t = motionToTuple(
      { ...full, acceleration: { x: 1, y: 2, z: null }, rotationRate: { alpha: null, beta: 1, gamma: 1 } },
      { alpha: 1, beta: 2, gamma: 3 },
      ORIGIN,
      SPEC,
    )!;
    expect([t[F.accelX], t[F.accelY], t[F.accelZ]]).toEqual([null, null, null]);
    expect([t[F.gyroX], t[F.gyroY], t[F.gyroZ]]).toEqual([null, null, null]);
    expect(t[F.orientAlpha]).toBe(1);
    expect(sampleTupleSchema.safeParse(t).success).toBe(true);
  });

  it("leaves orientation null when there is none", () => {
    const t = motionToTuple(full, null, ORIGIN, SPEC)!;
    expect([t[F.orientAlpha], t[F.orientBeta], t[F.orientGamma]]).toEqual([null, null, null]);
  });

  it("drops values the server would reject as malformed", () => {
    const t = motionToTuple({ ...full, acceleration: { x: NaN, y: 0, z: 0 }, rotationRate: { alpha: 1e9, beta: 0, gamma: 0 } }, null, ORIGIN, SPEC)!;
    expect(t[F.accelX]).toBeNull();
    expect(t[F.gyroX]).toBeNull();
    expect(motionToTuple({ ...full, accelerationIncludingGravity: { x: Infinity, y: 0, z: 0 } }, null, ORIGIN, SPEC)).toBeNull();
    expect(sampleTupleSchema.safeParse(t).success).toBe(true);
  });

  it("copies numbers out of host objects so the tuple serialises", () => {
    const event = hostLike({
      timeStamp: 5,
      accelerationIncludingGravity: hostLike({ x: 1, y: 2, z: 3 }),
      acceleration: hostLike({ x: 4, y: 5, z: 6 }),
      rotationRate: hostLike({ alpha: 0, beta: 0, gamma: 0 }),
    });
    expect(JSON.stringify(event.accelerationIncludingGravity)).toBe("{}");
    const t = motionToTuple(event, orientationRead(hostLike({ alpha: 7, beta: 8, gamma: 9 })), ORIGIN, SPEC);
    expect(JSON.parse(JSON.stringify(t))).toEqual([ORIGIN + 5, 1, 2, 3, 4, 5, 6, 0, 0, 0, 7, 8, 9]);
  });
});

describe("motionToTuple across platforms", () => {
  // Lying screen up as iOS Safari reports it: z ≈ −9.81, the opposite of the W3C convention (platform-axes.ts).
  const iosScreenUp: DeviceMotionLike = {
    timeStamp: 10,
    accelerationIncludingGravity: { x: 0.2, y: -0.3, z: -9.81 },
    acceleration: { x: 0.5, y: -0.25, z: 1 },
    rotationRate: { alpha: 90, beta: -45, gamma: 180 },
  };

  it("turns an iOS event into the W3C convention: screen up reads +9.81 on z, acceleration flipped too, rotation unchanged", () => {
    const t = motionToTuple(iosScreenUp, null, ORIGIN, platformAxes("ios"))!;
    expect([t[F.accelGX], t[F.accelGY], t[F.accelGZ]]).toEqual([-0.2, 0.3, 9.81]);
    expect([t[F.accelX], t[F.accelY], t[F.accelZ]]).toEqual([-0.5, 0.25, -1]);
    expect(t[F.gyroX]).toBeCloseTo(Math.PI / 2, 12);
    expect(t[F.gyroY]).toBeCloseTo(-Math.PI / 4, 12);
    expect(t[F.gyroZ]).toBeCloseTo(Math.PI, 12);
    expect(sampleTupleSchema.safeParse(t).success).toBe(true);
  });

  it("leaves missing triples null on iOS", () => {
    const t = motionToTuple({ ...iosScreenUp, acceleration: null, rotationRate: null }, null, ORIGIN, platformAxes("ios"))!;
    expect(t[F.accelGZ]).toBe(9.81);
    expect([t[F.accelX], t[F.gyroX]]).toEqual([null, null]);
  });

  it("passes Android, desktop and other events on unchanged", () => {
    for (const p of ["android", "desktop", "other"] as const) {
      const t = motionToTuple(full, null, ORIGIN, platformAxes(p))!;
      expect([t[F.accelGX], t[F.accelGY], t[F.accelGZ]]).toEqual([0.1, 0.2, 9.81]);
      expect([t[F.accelX], t[F.accelY], t[F.accelZ]]).toEqual([0.01, -0.02, 0.03]);
      expect(t[F.gyroX]).toBeCloseTo(Math.PI / 2, 12);
      expect(t[F.gyroY]).toBeCloseTo(Math.PI, 12);
      expect(t[F.gyroZ]).toBeCloseTo(-Math.PI / 4, 12);
    }
  });

  it("platformAxes flips acceleration on iOS only, never the rotation rate", () => {
    expect(platformAxes("ios")).toEqual({ accelSign: -1, gyroSign: 1 });
    for (const p of ["android", "desktop", "other"] as const) expect(platformAxes(p)).toEqual({ accelSign: 1, gyroSign: 1 });
  });
});

describe("orientationRead", () => {
  it("is null unless all three angles are known", () => {
    expect(orientationRead(null)).toBeNull();
    expect(orientationRead({ alpha: null, beta: 1, gamma: 2 })).toBeNull();
    expect(orientationRead({ alpha: 0, beta: 1, gamma: 2 })).toEqual({ alpha: 0, beta: 1, gamma: 2 });
  });
});
