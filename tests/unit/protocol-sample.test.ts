import { describe, expect, it } from "vitest";
import {
  F,
  SAMPLE_FIELDS,
  SAMPLE_WIDTH,
  sampleToTuple,
  tupleToSample,
  type MotionSample,
  type SampleTuple,
} from "@/lib/protocol/sample";
import { prng } from "./seeded-random";

const full: MotionSample = {
  tMs: 1_700_000_000_123.5,
  accelIncludingGravityMps2: [0.1, 0.2, 9.8],
  accelMps2: [0.01, -0.02, 0.03],
  rotationRateRadPerS: [1.5, -2.5, 3.5],
  orientationDeg: { alpha: 350, beta: -45, gamma: 12.5 },
};

describe("F", () => {
  it("indexes every field at its position in SAMPLE_FIELDS", () => {
    expect(SAMPLE_WIDTH).toBe(13);
    expect(Object.keys(F)).toEqual([...SAMPLE_FIELDS]);
    SAMPLE_FIELDS.forEach((name, i) => expect(F[name]).toBe(i));
  });

  it("names the fields of a tuple made by sampleToTuple", () => {
    const t = sampleToTuple(full);
    expect(t[F.tMs]).toBe(full.tMs);
    expect([t[F.accelGX], t[F.accelGY], t[F.accelGZ]]).toEqual([0.1, 0.2, 9.8]);
    expect([t[F.accelX], t[F.accelY], t[F.accelZ]]).toEqual([0.01, -0.02, 0.03]);
    expect([t[F.gyroX], t[F.gyroY], t[F.gyroZ]]).toEqual([1.5, -2.5, 3.5]);
    expect([t[F.orientAlpha], t[F.orientBeta], t[F.orientGamma]]).toEqual([350, -45, 12.5]);
  });
});

describe("sampleToTuple / tupleToSample", () => {
  it("makes a flat tuple of the sample width", () => {
    expect(sampleToTuple(full)).toEqual([1_700_000_000_123.5, 0.1, 0.2, 9.8, 0.01, -0.02, 0.03, 1.5, -2.5, 3.5, 350, -45, 12.5]);
  });

  it("round-trips a full sample", () => {
    expect(tupleToSample(sampleToTuple(full))).toEqual(full);
  });

  it("round-trips a sample without the optional sensors as nulls", () => {
    const bare: MotionSample = { tMs: 5, accelIncludingGravityMps2: [0, 0, 9.81], accelMps2: null, rotationRateRadPerS: null, orientationDeg: null };
    const t = sampleToTuple(bare);
    expect(t).toEqual([5, 0, 0, 9.81, null, null, null, null, null, null, null, null, null]);
    expect(tupleToSample(t)).toEqual(bare);
  });

  it("keeps zeros, which are readings, apart from nulls", () => {
    const zeros: MotionSample = {
      tMs: 1,
      accelIncludingGravityMps2: [0, 0, 0],
      accelMps2: [0, 0, 0],
      rotationRateRadPerS: [0, 0, 0],
      orientationDeg: { alpha: 0, beta: 0, gamma: 0 },
    };
    expect(tupleToSample(sampleToTuple(zeros))).toEqual(zeros);
  });

  it("treats a triple with any null as absent", () => {
    const t: SampleTuple = [1, 0, 0, 9.8, 0.1, null, 0.3, null, 2, 3, 10, 20, null];
    const s = tupleToSample(t);
    expect(s.accelMps2).toBeNull();
    expect(s.rotationRateRadPerS).toBeNull();
    expect(s.orientationDeg).toBeNull();
  });

  it("round-trips random samples with random missing sensors (property, seeded)", () => {
    const rand = prng(42);
    const v = () => Math.round((rand() - 0.5) * 2000) / 16;
    const v3 = (): [number, number, number] => [v(), v(), v()];
    for (let i = 0; i < 300; i++) {
      const s: MotionSample = {
        tMs: 1e12 + i * 16.25,
        accelIncludingGravityMps2: v3(),
        accelMps2: rand() < 0.3 ? null : v3(),
        rotationRateRadPerS: rand() < 0.3 ? null : v3(),
        orientationDeg: rand() < 0.3 ? null : { alpha: v(), beta: v(), gamma: v() },
      };
      const t = sampleToTuple(s);
      expect(t).toHaveLength(SAMPLE_WIDTH);
      expect(tupleToSample(t)).toEqual(s);
      expect(sampleToTuple(tupleToSample(t))).toEqual(t);
    }
  });
});
