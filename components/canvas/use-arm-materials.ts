import { useEffect, useMemo } from "react";
import { DoubleSide, MeshBasicMaterial, MeshStandardMaterial } from "three";
import { watchFaceTexture } from "./watch-face-texture";

export interface ArmMaterials {
  skin: MeshStandardMaterial;
  strap: MeshStandardMaterial;
  watchCase: MeshStandardMaterial;
  face: MeshBasicMaterial;
  phone: MeshStandardMaterial;
}

const SKIN = "#e2b08e";
const SKIN_DIM = "#6b7480";

/**
 * One arm's materials, made once per accent colour and disposed with the arm. A
 * disconnected device's arm turns grey and see-through, like its card on the page.
 */
export function useArmMaterials(accent: string, dim: boolean): ArmMaterials {
  const materials = useMemo<ArmMaterials>(
    () => ({
      skin: new MeshStandardMaterial({ color: SKIN, roughness: 0.62, metalness: 0 }),
      strap: new MeshStandardMaterial({ color: accent, roughness: 0.55, side: DoubleSide }),
      watchCase: new MeshStandardMaterial({ color: "#2b333d", roughness: 0.3, metalness: 0.35 }),
      // Unlit: a screen gives off its own light and must stay bright whatever the angle.
      face: new MeshBasicMaterial({ map: watchFaceTexture(accent), toneMapped: false }),
      phone: new MeshStandardMaterial({ color: "#1f2630", roughness: 0.35, metalness: 0.2 }),
    }),
    [accent],
  );

  useEffect(() => {
    const all = Object.values(materials) as (MeshStandardMaterial | MeshBasicMaterial)[];
    for (const m of all) {
      m.transparent = dim;
      m.opacity = dim ? 0.35 : 1;
      m.needsUpdate = true;
    }
    materials.skin.color.set(dim ? SKIN_DIM : SKIN);
    materials.strap.color.set(dim ? SKIN_DIM : accent);
  }, [materials, dim, accent]);

  useEffect(
    () => () => {
      materials.face.map?.dispose();
      for (const m of Object.values(materials) as (MeshStandardMaterial | MeshBasicMaterial)[]) m.dispose();
    },
    [materials],
  );

  return materials;
}
