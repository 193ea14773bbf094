"use client";

import { useSyncExternalStore } from "react";
import type { DesktopPoses } from "@/lib/client/desktop-poses";
import { useSession } from "./session-context";

/**
 * The room's poses for React: re-renders when a tracker appears, a setting changes or
 * a calibration moves on, never per sample (angles are read by refs, see PoseReadout).
 */
export function usePoses(): { poses: DesktopPoses; version: number } {
  const { poses } = useSession();
  const version = useSyncExternalStore(poses.subscribe, poses.getVersion, poses.getVersion);
  return { poses, version };
}
