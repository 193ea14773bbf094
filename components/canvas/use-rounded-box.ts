import { useEffect, useMemo } from "react";
import { RoundedBoxGeometry } from "three/examples/jsm/geometries/RoundedBoxGeometry.js";

/** A rounded box owned by the calling component: passed as a prop, R3F would not dispose it. */
export function useRoundedBox(width: number, height: number, depth: number, radius: number): RoundedBoxGeometry {
  const geometry = useMemo(() => new RoundedBoxGeometry(width, height, depth, 4, radius), [width, height, depth, radius]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return geometry;
}
