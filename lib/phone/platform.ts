import type { Platform } from "@/lib/protocol/schemas";

/** What the phone page can tell about its device: enough to name it and to word help for it. */
export type PhonePlatform = Extract<Platform, "ios" | "android" | "desktop" | "other">;

/**
 * Guesses the platform from the user agent. iPadOS 13+ says "Macintosh" like a Mac,
 * so a "Mac" with a touch screen (maxTouchPoints > 1) is taken for an iPad.
 */
export function platformGuess(userAgent: string, maxTouchPoints = 0): PhonePlatform {
  if (/iPhone|iPad|iPod/i.test(userAgent)) return "ios";
  if (/Macintosh/i.test(userAgent) && maxTouchPoints > 1) return "ios";
  if (/Android/i.test(userAgent)) return "android";
  if (/Windows NT|Macintosh|CrOS|X11|Linux/i.test(userAgent)) return "desktop";
  return "other";
}

/** A first name for the device on the desktop's list; the participant may change it. */
export function deviceNameDefault(platform: PhonePlatform): string {
  if (platform === "ios") return "iPhone";
  if (platform === "android") return "Android phone";
  return "Phone";
}
