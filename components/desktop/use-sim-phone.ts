"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { DesktopSimPhone, simDeviceIdLoad, type SimStatus } from "@/lib/client/desktop-sim-phone";
import type { MotionName } from "@/lib/sim/motion-names";
import { desktopNowMs } from "./desktop-clock";

export interface SimPhoneControl {
  on: boolean;
  setOn: (on: boolean) => void;
  motion: MotionName;
  setMotion: (motion: MotionName) => void;
  status: SimStatus;
}

function simDeviceId(): string {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null; // reading `localStorage` itself throws when storage is blocked
  }
  return simDeviceIdLoad(storage);
}

/**
 * The desktop's simulated phone. It lives above the room view so that switching to
 * a new room moves it along instead of switching it off.
 */
export function useSimPhone(room: string | null, initialMotion: MotionName = "raise"): SimPhoneControl {
  const [sim] = useState(() => new DesktopSimPhone({ deviceId: simDeviceId, nowMs: desktopNowMs }));
  const [on, setOn] = useState(false);
  const [motion, setMotion] = useState<MotionName>(initialMotion);
  const status = useSyncExternalStore(sim.subscribe, sim.getStatus, () => "off" as const);

  useEffect(() => {
    sim.setMotion(motion);
  }, [sim, motion]);

  useEffect(() => {
    if (!on || !room) return;
    // Deferred for the same reason as the viewer link's open (see room-view.tsx).
    const t = setTimeout(() => sim.start(room, window.location.origin), 0);
    return () => {
      clearTimeout(t);
      sim.stop();
    };
  }, [sim, on, room]);

  return { on, setOn, motion, setMotion, status };
}
