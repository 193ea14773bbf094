"use client";

import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import type { DesktopPoses } from "@/lib/client/desktop-poses";
import { TrailBuffer } from "./trail-buffer";

export interface WristTrailProps {
  poses: DesktopPoses;
  deviceId: string;
  accent: string;
}

/** The wrist's path over the last seconds (body frame), refilled each frame from the device's tracker. */
export function WristTrail({ poses, deviceId, accent }: WristTrailProps) {
  const buffer = useMemo(() => new TrailBuffer(accent), [accent]);
  useEffect(() => () => buffer.dispose(), [buffer]);
  useFrame(() => buffer.update(poses.tracker(deviceId)?.trail ?? null));
  return (
    <group>
      <primitive object={buffer.line} />
      <primitive object={buffer.dots} />
    </group>
  );
}
