"use client";

import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef } from "react";
import type { Group } from "three";
import type { DesktopPoses } from "@/lib/client/desktop-poses";
import type { Placement, Side } from "@/lib/pose/pose-types";
import { ForearmModel } from "./forearm-model";
import { useArmMaterials } from "./use-arm-materials";
import { WatchModel } from "./watch-model";
import { WristTrail } from "./wrist-trail";

/** One device's arm as the scene draws it. */
export interface ArmSpec {
  deviceId: string;
  side: Side;
  placement: Placement;
  accent: string;
  connected: boolean;
  /** Elbow position across the body (body y, m). */
  offsetYM: number;
}

/**
 * A device's forearm, hand and watch, turned every frame to the tracker's watch-to-body
 * quaternion (read in place, nothing allocated), plus its wrist trail. Body frame,
 * elbow at `offsetYM` across the body.
 */
export function PoseArm({ poses, arm }: { poses: DesktopPoses; arm: ArmSpec }) {
  const materials = useArmMaterials(arm.accent, !arm.connected);
  const forearm = useRef<Group>(null);
  const invalidate = useThree((s) => s.invalidate);

  // Material changes happen outside React's tree of three objects: ask for the frame that shows them.
  useEffect(() => invalidate(), [invalidate, arm.connected, arm.placement, arm.side]);

  useFrame(() => {
    const g = forearm.current;
    const q = poses.tracker(arm.deviceId)?.watchQuat;
    if (!g || !q) return;
    // lib/pose stores w first; three wants x, y, z, w.
    g.quaternion.set(q[1]!, q[2]!, q[3]!, q[0]!);
  });

  return (
    <group position={[0, arm.offsetYM, 0]}>
      <group ref={forearm}>
        <ForearmModel materials={materials} thumbSign={arm.side === "right" ? 1 : -1} />
        <WatchModel materials={materials} side={arm.side} held={arm.placement === "held"} accent={arm.accent} />
      </group>
      <WristTrail poses={poses} deviceId={arm.deviceId} accent={arm.accent} />
    </group>
  );
}
