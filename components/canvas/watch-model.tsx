"use client";

import { ARM, forearmRadiusAt } from "./arm-dimensions";
import type { ArmMaterials } from "./use-arm-materials";
import { useRoundedBox } from "./use-rounded-box";

/** A little larger than a real watch (~44 x 38 mm): the face has to read from the back of a room. */
const CASE = { lengthM: 0.05, widthM: 0.044, thicknessM: 0.012 } as const;
const STRAP_WIDTH_M = 0.024;

export interface WatchModelProps {
  materials: ArmMaterials;
  side: "left" | "right";
  /** "held": the phone lies in the palm; drawn there so the placement is visible at a glance. */
  held: boolean;
  accent: string;
}

/** Watch case, lit face and strap on the back of the wrist (watch frame); the phone in the palm when held. */
export function WatchModel({ materials, side, held, accent }: WatchModelProps) {
  const watchCase = useRoundedBox(CASE.lengthM, CASE.widthM, CASE.thicknessM, 0.005);
  const phone = useRoundedBox(0.146, 0.071, 0.008, 0.006);
  const r = forearmRadiusAt(ARM.watchAtM);
  const top = r * ARM.thicknessScale;
  return (
    <group>
      <group position={[ARM.watchAtM, 0, 0]}>
        <mesh material={materials.strap} rotation={[0, 0, -Math.PI / 2]} scale={[ARM.widthScale, 1, ARM.thicknessScale]} castShadow>
          <cylinderGeometry args={[r * 1.05, r * 1.05, STRAP_WIDTH_M, 48, 1, true]} />
        </mesh>
        <mesh material={materials.watchCase} geometry={watchCase} position={[0, 0, top + CASE.thicknessM / 2 - 0.001]} castShadow />
        {/* Text up toward the little finger, as a watch is read with the forearm across the chest: mirrored arms turn it round. */}
        <mesh material={materials.face} position={[0, 0, top + CASE.thicknessM - 0.0008]} rotation={[0, 0, side === "right" ? Math.PI : 0]}>
          <planeGeometry args={[CASE.lengthM - 0.007, CASE.widthM - 0.007]} />
        </mesh>
      </group>
      {held && (
        <group position={[ARM.forearmLengthM + 0.07, 0, -(ARM.palmThicknessM / 2 + 0.007)]}>
          <mesh material={materials.phone} geometry={phone} castShadow />
          <mesh position={[0, 0, -0.0042]} rotation={[Math.PI, 0, 0]}>
            <planeGeometry args={[0.136, 0.064]} />
            <meshBasicMaterial color={accent} toneMapped={false} />
          </mesh>
        </group>
      )}
    </group>
  );
}
