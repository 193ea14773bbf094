import { z } from "zod";
import type { PoseSettings, Side } from "../pose/pose-types";

/**
 * What the person chooses per device: all of the pose settings, since the sensor
 * convention needs no choosing (the phone sends the wire's, lib/phone/platform-axes.ts).
 */
export type WearSettings = PoseSettings;

export type SettingsStorage = Pick<Storage, "getItem" | "setItem">;

const KEY_PREFIX = "wristlab.pose.";

// Storage is outside input like any other: an old or hand-edited entry must not reach the tracker.
const storedSchema = z.object({ placement: z.enum(["strapped", "held"]), side: z.enum(["left", "right"]) });

/** The saved choice for a device, or null when there is none (or it cannot be read). */
export function wearSettingsLoad(storage: SettingsStorage | null, deviceId: string): WearSettings | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(KEY_PREFIX + deviceId) ?? null;
    if (raw === null) return null;
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function wearSettingsSave(storage: SettingsStorage | null, deviceId: string, settings: WearSettings): void {
  try {
    storage?.setItem(KEY_PREFIX + deviceId, JSON.stringify(settings));
  } catch {
    // Private mode or a full quota: the choice still holds for this page.
  }
}

/**
 * A new device's side when nothing was saved: the one not yet taken, so a second phone
 * in the room shows as the other arm without a click.
 */
export function wearSideDefault(taken: Iterable<Side>): Side {
  let left = false;
  let right = false;
  for (const s of taken) {
    if (s === "left") left = true;
    else right = true;
  }
  return left && !right ? "right" : "left";
}
