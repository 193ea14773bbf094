"use client";

import { useMemo } from "react";
import { armFraming, armOffsetsY, type ArmFraming } from "@/components/canvas/arm-layout";
import type { ArmSpec } from "@/components/canvas/pose-arm";
import { armAccent } from "@/components/canvas/scene-colors";
import type { DesktopPoses } from "@/lib/client/desktop-poses";
import type { DeviceInfo } from "@/lib/protocol/events";

/** The 3D view's arms for these devices: side and placement from each device's wear settings, stacked so two never overlap. */
export function useArms(devices: readonly DeviceInfo[], poses: DesktopPoses, posesVersion: number): { arms: ArmSpec[]; framing: ArmFraming } {
  return useMemo(() => {
    const wear = devices.map((d) => poses.wearSettings(d.id));
    const sides = wear.map((w) => w.side);
    const offsets = armOffsetsY(sides);
    const arms: ArmSpec[] = devices.map((d, i) => ({
      deviceId: d.id,
      side: sides[i]!,
      placement: wear[i]!.placement,
      accent: armAccent(i),
      connected: d.connected,
      offsetYM: offsets[i]!,
    }));
    return { arms, framing: armFraming(sides, offsets) };
    // `posesVersion` changes with the wear settings read here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [devices, poses, posesVersion]);
}
