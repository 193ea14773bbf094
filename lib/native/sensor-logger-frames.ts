import type { Platform } from "../protocol/schemas";

/**
 * Which sign convention a Sensor Logger stream's acceleration and gravity use, and so
 * whether they must be negated to reach the wire's W3C convention (lying screen up,
 * acceleration including gravity reads (0, 0, +9.81) m/s²; lib/protocol/sample.ts).
 *
 * What the app documents (tszheichoi/awesome-sensor-logger):
 * - COORDINATES.md, "Differences Between iOS and Android": the axes are the same on
 *   both (x right, y up the screen, z out of it) but iOS differs from Android "by a
 *   negative sign for all three axes" of acceleration, and gravity "points in -z on iOS
 *   and +z on Android" lying flat. Android's is the W3C convention (Chrome on Android
 *   passes its accelerometer through; lib/phone/platform-axes.ts).
 * - CROSSPLATFORM.md: with Settings > Sensor Configuration > "Standardise Units &
 *   Frames" (new in 1.29, off by default) iOS "will conform to the Android definition"
 *   for acceleration and gravity.
 * - COORDINATES.md, "Gyroscope": rotation rates have consistent definitions on both
 *   platforms, and UNITS.md gives rad/s: the gyroscope needs no sign change.
 *
 * A push does not say whether Standardise was on, so "auto" decides from the data:
 * - Android traits (`totalacceleration`, `accuracy`; see sensor-logger-schema.ts) mean
 *   the Android convention.
 * - Otherwise gravity is compared with the orientation quaternion. Whatever the
 *   quaternion's conventions (device-to-world or its inverse, sign of q, iOS's
 *   x-north or Android's y-north world frame), its rotation matrix entry
 *   R33 = qw² − qx² − qy² + qz² (normalised) is the cosine between the screen normal
 *   and the vertical, provided the world z axis points up, as COORDINATES.md's
 *   "x-north-z-vertical" frame and Android's rotation vector (east-north-up) both do.
 *   Gravity "up" along the screen normal has the same sign as R33 in the Android
 *   convention and the opposite sign in iOS's. Not documented by the app: that its
 *   quaternion is the platform's attitude unchanged; the check asks for agreement in
 *   size too (|R33| ≈ |gz|/|g|), so a quaternion meaning something else casts no vote.
 * Without either (an iPhone with orientation off), the Android convention is assumed:
 * that is what Standardise gives, and the setup guide asks for it.
 */
export const SENSOR_LOGGER_FRAMES = ["auto", "standard", "ios"] as const;
/** `standard`: Android's convention (Android, or iOS with Standardise on). `ios`: iOS with Standardise off. */
export type SensorLoggerFrames = (typeof SENSOR_LOGGER_FRAMES)[number];

/** Net agreeing samples before the convention is settled for the stream. */
const VOTES_TO_LOCK = 5;
/** Below this |cos|, the phone stands too close to upright for the sign to be clear. */
const MIN_ABS_COS = 0.5;
/** Largest |R33| − |gz|/|g| for the two to describe the same tilt. */
const MAX_COS_MISMATCH = 0.25;

export interface Vec3Like {
  x: number;
  y: number;
  z: number;
}

export interface QuatLike {
  qx: number;
  qy: number;
  qz: number;
  qw: number;
}

export class SensorLoggerFrameDetector {
  private locked: 1 | -1 | null;
  private votes = 0;
  private androidSeen = false;

  constructor(private readonly frames: SensorLoggerFrames = "auto") {
    this.locked = frames === "standard" ? 1 : frames === "ios" ? -1 : null;
  }

  /** Multiplies acceleration and gravity (every axis) to reach the W3C convention. */
  get sign(): 1 | -1 {
    return this.locked ?? 1;
  }

  get decided(): boolean {
    return this.locked !== null;
  }

  /** What the hub is told: only a stream that showed its platform names one. */
  get platform(): Platform {
    if (this.androidSeen) return "android";
    return this.locked === -1 ? "ios" : "other";
  }

  markAndroid() {
    this.androidSeen = true;
    // Documented fact beats inference: Android never uses the iOS convention.
    if (this.frames === "auto") this.locked = 1;
  }

  /** One gravity reading (m/s², the app's convention) and an orientation from about the same moment. */
  observe(gravity: Vec3Like, q: QuatLike) {
    if (this.locked !== null) return;
    const vote = frameVote(gravity, q);
    if (vote === 0) return;
    this.votes += vote;
    if (this.votes >= VOTES_TO_LOCK) this.locked = 1;
    else if (this.votes <= -VOTES_TO_LOCK) this.locked = -1;
  }
}

/** +1: Android convention, −1: iOS convention, 0: this pair cannot tell. */
export function frameVote(gravity: Vec3Like, q: QuatLike): -1 | 0 | 1 {
  const gNorm = Math.hypot(gravity.x, gravity.y, gravity.z);
  const qNorm2 = q.qx * q.qx + q.qy * q.qy + q.qz * q.qz + q.qw * q.qw;
  // Gravity in m/s² is near 9.8; anything else is not the documented gravity sensor.
  if (gNorm < 5 || gNorm > 15 || qNorm2 < 0.5) return 0;
  const r33 = (q.qw * q.qw + q.qz * q.qz - q.qx * q.qx - q.qy * q.qy) / qNorm2;
  const upZ = gravity.z / gNorm;
  if (Math.abs(r33) < MIN_ABS_COS || Math.abs(upZ) < MIN_ABS_COS) return 0;
  if (Math.abs(Math.abs(r33) - Math.abs(upZ)) > MAX_COS_MISMATCH) return 0;
  return r33 * upZ > 0 ? 1 : -1;
}
