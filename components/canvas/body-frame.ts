import { Matrix4, Quaternion, Vector3 } from "three";

/**
 * The one place where the pose engine's body frame (x forward, y to the wearer's left,
 * z up; see lib/pose/pose-types.ts) meets three's world (y up, the camera's default
 * forward −z). The scene puts everything in a group rotated by this quaternion, so
 * meshes, trails and camera presets are all written in body coordinates.
 */
export const BODY_TO_THREE = new Quaternion().setFromRotationMatrix(
  new Matrix4().makeBasis(new Vector3(0, 0, -1), new Vector3(-1, 0, 0), new Vector3(0, 1, 0)),
);

/** A body-frame point in three's world coordinates, written into `out`. */
export function bodyToThree(x: number, y: number, z: number, out: Vector3): Vector3 {
  return out.set(x, y, z).applyQuaternion(BODY_TO_THREE);
}
