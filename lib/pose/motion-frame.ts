/**
 * One sample as the fusion's parts (attitude filter, rest detector, bias estimator) hand
 * it to each other: a Float64Array with fixed slots, written once per sample.
 *
 * Why not plain arguments: a double passed to a function the optimiser does not inline
 * is boxed into a heap number (~16 bytes each, ten per call here), which is exactly the
 * per-sample garbage `PoseTracker.push` promises not to make; typed-array slots are not
 * boxed. For the same reason the hot paths write norms as Math.sqrt(x*x + ...): V8 leaves
 * Math.hypot a builtin call with boxed arguments and result (measured: ~0.9 kB of garbage
 * per sample before, ~0 after). Units: s, m/s² (device frame, +g up at rest), rad/s
 * (NaN without a gyroscope).
 */
export const F_DT_S = 0;
export const F_AX = 1;
export const F_AY = 2;
export const F_AZ = 3;
export const F_GX = 4;
export const F_GY = 5;
export const F_GZ = 6;
/** The filter's current estimate of up, device frame, unit. */
export const F_UP_X = 7;
export const F_UP_Y = 8;
export const F_UP_Z = 9;
export const MOTION_FRAME_LENGTH = 10;

export function motionFrameCreate(): Float64Array {
  return new Float64Array(MOTION_FRAME_LENGTH);
}

/** True when the frame carries a rotation rate (all three axes finite). */
export function motionFrameHasGyro(f: Float64Array): boolean {
  return Number.isFinite(f[F_GX]!) && Number.isFinite(f[F_GY]!) && Number.isFinite(f[F_GZ]!);
}
