/**
 * One motion sample on the wire: a flat tuple, because a batch of them is sent
 * 20 times a second per phone and field names would triple the bytes.
 *
 * Units and frames (device frame, W3C DeviceMotion axes: x right, y up the screen,
 * z out of the screen):
 * - `tMs`: phone clock, epoch milliseconds with sub-ms resolution
 *   (`performance.timeOrigin + event.timeStamp`).
 * - `accelG*`: acceleration including gravity, m/s² (at rest screen-up ≈ (0, 0, +9.81)).
 * - `accel*`: acceleration without gravity, m/s², or null where the device has none.
 * - `gyro*`: rotation rate about x, y, z in rad/s, or null without a gyroscope.
 *   Browsers report deg/s as rotationRate alpha, beta, gamma about x, y, z (the
 *   spec was changed to match what Chrome, Firefox and Safari ship); the phone
 *   converts at the edge.
 * - `orient*`: DeviceOrientation alpha, beta, gamma in degrees, or null.
 */
export const SAMPLE_FIELDS = [
  "tMs",
  "accelGX",
  "accelGY",
  "accelGZ",
  "accelX",
  "accelY",
  "accelZ",
  "gyroX",
  "gyroY",
  "gyroZ",
  "orientAlpha",
  "orientBeta",
  "orientGamma",
] as const;

export type SampleField = (typeof SAMPLE_FIELDS)[number];
export const SAMPLE_WIDTH = SAMPLE_FIELDS.length;

/** Index of each field in a {@link SampleTuple}. */
export const F = Object.fromEntries(SAMPLE_FIELDS.map((name, i) => [name, i])) as {
  readonly [K in SampleField]: number;
};

type N = number;
type M = number | null;
/** tMs, accelG xyz, accel xyz, gyro xyz, orientation alpha beta gamma. */
export type SampleTuple = [N, N, N, N, M, M, M, M, M, M, M, M, M];

export type Vec3 = readonly [number, number, number];

/** The same sample with names, for code that is not on the hot path. */
export interface MotionSample {
  tMs: number;
  accelIncludingGravityMps2: Vec3;
  accelMps2: Vec3 | null;
  rotationRateRadPerS: Vec3 | null;
  orientationDeg: { alpha: number; beta: number; gamma: number } | null;
}

export function sampleToTuple(s: MotionSample): SampleTuple {
  const g = s.accelIncludingGravityMps2;
  const a = s.accelMps2;
  const w = s.rotationRateRadPerS;
  const o = s.orientationDeg;
  return [
    s.tMs,
    g[0],
    g[1],
    g[2],
    a ? a[0] : null,
    a ? a[1] : null,
    a ? a[2] : null,
    w ? w[0] : null,
    w ? w[1] : null,
    w ? w[2] : null,
    o ? o.alpha : null,
    o ? o.beta : null,
    o ? o.gamma : null,
  ];
}

export function tupleToSample(t: SampleTuple): MotionSample {
  const triple = (i: number): Vec3 | null => {
    const x = t[i];
    const y = t[i + 1];
    const z = t[i + 2];
    return x === null || x === undefined || y === null || y === undefined || z === null || z === undefined
      ? null
      : [x, y, z];
  };
  const alpha = t[F.orientAlpha];
  const beta = t[F.orientBeta];
  const gamma = t[F.orientGamma];
  return {
    tMs: t[0],
    accelIncludingGravityMps2: [t[1], t[2], t[3]],
    accelMps2: triple(F.accelX),
    rotationRateRadPerS: triple(F.gyroX),
    orientationDeg:
      alpha === null || beta === null || gamma === null || alpha === undefined || beta === undefined || gamma === undefined
        ? null
        : { alpha, beta, gamma },
  };
}

export const DEG_TO_RAD = Math.PI / 180;
