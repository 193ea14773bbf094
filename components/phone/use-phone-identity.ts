"use client";

import { useSyncExternalStore } from "react";
import { deviceIdLoad, phoneNameLoad, type StorageLike } from "@/lib/phone/device-identity";
import { deviceNameDefault, platformGuess, type PhonePlatform } from "@/lib/phone/platform";

export interface PhoneIdentity {
  deviceId: string;
  platform: PhonePlatform;
  /** The saved name, else one for the platform. */
  name: string;
}

/** Reading `localStorage` itself throws where storage is disabled. */
export function phoneStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let identity: PhoneIdentity | null = null;

/** Read once per page load: it cannot change underneath the page in a way that matters. */
function snapshot(): PhoneIdentity {
  if (!identity) {
    const storage = phoneStorage();
    const platform = platformGuess(navigator.userAgent, navigator.maxTouchPoints);
    identity = { deviceId: deviceIdLoad(storage), platform, name: phoneNameLoad(storage, deviceNameDefault(platform)) };
  }
  return identity;
}

const subscribe = () => () => undefined;

/** Null while rendering on the server and during hydration, then the phone's identity. */
export function usePhoneIdentity(): PhoneIdentity | null {
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
