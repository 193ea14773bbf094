"use client";

import { ARM } from "./arm-dimensions";
import type { ArmMaterials } from "./use-arm-materials";
import { useRoundedBox } from "./use-rounded-box";

/** Capsules along the watch frame's x: three's capsule runs along y, this turns it. */
const ALONG_X = [0, 0, -Math.PI / 2] as const;

/** Index, middle, ring, little: length (m) and offset across the hand from the midline toward the thumb. */
const FINGERS = [
  [0.066, 0.027],
  [0.074, 0.009],
  [0.069, -0.009],
  [0.054, -0.027],
] as const;

/** Fingers bend a little toward the palm: a flat hand reads as a paddle. */
const FINGER_CURL_RAD = 0.3;

export interface ForearmModelProps {
  materials: ArmMaterials;
  /** +1 when the thumb is on the watch frame's +y (right arm), −1 on a left arm. */
  thumbSign: 1 | -1;
}

/**
 * Elbow, forearm and hand in the watch frame (x toward the hand, z out of the back of
 * the wrist), elbow at the origin. The arm is built once; only the group above it turns.
 */
export function ForearmModel({ materials, thumbSign }: ForearmModelProps) {
  const palm = useRoundedBox(ARM.palmLengthM, ARM.palmWidthM, ARM.palmThicknessM, 0.012);
  const L = ARM.forearmLengthM;
  const oval = [1, ARM.widthScale, ARM.thicknessScale] as const;
  const knuckleX = L + ARM.palmLengthM - 0.006;
  return (
    <group>
      <mesh material={materials.skin} scale={oval} castShadow>
        <sphereGeometry args={[ARM.elbowRadiusM, 32, 16]} />
      </mesh>
      <mesh material={materials.skin} position={[L / 2, 0, 0]} rotation={ALONG_X} scale={[ARM.widthScale, 1, ARM.thicknessScale]} castShadow>
        <cylinderGeometry args={[ARM.wristRadiusM, ARM.elbowRadiusM, L, 40, 1, true]} />
      </mesh>
      <mesh material={materials.skin} position={[L, 0, 0]} scale={oval} castShadow>
        <sphereGeometry args={[ARM.wristRadiusM, 32, 16]} />
      </mesh>
      <mesh material={materials.skin} geometry={palm} position={[L + ARM.palmLengthM / 2 - 0.004, 0, -0.002]} castShadow />
      {FINGERS.map(([length, across]) => (
        <group key={across} position={[knuckleX, thumbSign * across, -0.002]} rotation={[0, FINGER_CURL_RAD, 0]}>
          <mesh material={materials.skin} position={[length / 2, 0, 0]} rotation={ALONG_X} castShadow>
            <capsuleGeometry args={[ARM.fingerRadiusM, length - 2 * ARM.fingerRadiusM, 6, 12]} />
          </mesh>
        </group>
      ))}
      <group position={[L + 0.018, thumbSign * 0.03, -0.008]} rotation={[0, 0.15, thumbSign * 0.55]}>
        <mesh material={materials.skin} position={[0.03, 0, 0]} rotation={ALONG_X} castShadow>
          <capsuleGeometry args={[0.0105, 0.042, 6, 12]} />
        </mesh>
      </group>
    </group>
  );
}
