import { LIMITS } from "@/lib/protocol/limits";
import { DEG_TO_RAD, sampleToTuple, type SampleTuple } from "@/lib/protocol/sample";
import type { PlatformAxes } from "./platform-axes";

/** The parts of a DeviceMotionEvent read here; browsers give null where a sensor is missing. */
export interface XyzLike {
  readonly x: number | null;
  readonly y: number | null;
  readonly z: number | null;
}

export interface AngleTripleLike {
  readonly alpha: number | null;
  readonly beta: number | null;
  readonly gamma: number | null;
}

export interface DeviceMotionLike {
  /** ms since the page's time origin. */
  readonly timeStamp: number;
  readonly accelerationIncludingGravity?: XyzLike | null;
  readonly acceleration?: XyzLike | null;
  /** deg/s about x, y, z as alpha, beta, gamma (see motionToTuple). */
  readonly rotationRate?: AngleTripleLike | null;
}

/** DeviceOrientation angles, degrees. */
export interface OrientationDeg {
  alpha: number;
  beta: number;
  gamma: number;
}

/**
 * A value the server will accept: anything else (NaN, a wild spike past the
 * protocol's limit) would get the whole batch rejected as malformed.
 */
function clean(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= LIMITS.maxAbsValue ? v : null;
}

function xyz(v: XyzLike | null | undefined): [number, number, number] | null {
  if (!v) return null;
  const x = clean(v.x);
  const y = clean(v.y);
  const z = clean(v.z);
  return x === null || y === null || z === null ? null : [x, y, z];
}

/**
 * Copies a DeviceOrientationEvent's angles into a plain object: the event and its
 * members are host objects that serialise as `{}`. Null unless all three are known.
 */
export function orientationRead(e: AngleTripleLike | null | undefined): OrientationDeg | null {
  if (!e) return null;
  const alpha = clean(e.alpha);
  const beta = clean(e.beta);
  const gamma = clean(e.gamma);
  return alpha === null || beta === null || gamma === null ? null : { alpha, beta, gamma };
}

/** A triple times a sign; null stays null. */
function signed(v: [number, number, number] | null, sign: 1 | -1): [number, number, number] | null {
  return v && sign === -1 ? [-v[0], -v[1], -v[2]] : v;
}

/**
 * One DeviceMotionEvent as a wire sample (units and axes in lib/protocol/sample.ts).
 * Returns null without acceleration including gravity: Chromium fires one all-null
 * event when a listener attaches, and a sample without it means nothing downstream.
 *
 * `axes` (platformAxes of the phone's platform) undoes the platform's sign convention
 * here, at the edge, so the wire is W3C for every device (iOS Safari's acceleration is
 * flipped: platform-axes.ts).
 *
 * rotationRate arrives in deg/s and leaves in rad/s. Its axes: alpha is about x,
 * beta about y, gamma about z. That is NOT the deviceorientation convention (alpha
 * about z) that older docs and MDN still describe: browsers shipped x/y/z as
 * alpha/beta/gamma and the spec was changed to match (w3c/deviceorientation#43, and
 * the current text: "The alpha getter steps are to return ... x axis rotation rate").
 * Chromium's sensor emulation confirms it: a gyroscope reading about x shows up in alpha.
 */
export function motionToTuple(e: DeviceMotionLike, orientation: OrientationDeg | null, timeOriginMs: number, axes: PlatformAxes): SampleTuple | null {
  const g = signed(xyz(e.accelerationIncludingGravity), axes.accelSign);
  if (!g) return null;
  const a = signed(xyz(e.acceleration), axes.accelSign);
  const r = e.rotationRate;
  const w = r ? xyz({ x: r.alpha, y: r.beta, z: r.gamma }) : null;
  const k = axes.gyroSign * DEG_TO_RAD;
  return sampleToTuple({
    tMs: timeOriginMs + e.timeStamp,
    accelIncludingGravityMps2: g,
    accelMps2: a,
    rotationRateRadPerS: w ? [w[0] * k, w[1] * k, w[2] * k] : null,
    orientationDeg: orientationRead(orientation),
  });
}
