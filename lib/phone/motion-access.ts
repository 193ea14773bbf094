/** What tapping Start found out about the motion sensors. */
export type MotionAccess = "granted" | "denied" | "insecure" | "unsupported";

/** `DeviceMotionEvent` / `DeviceOrientationEvent`: iOS 13+ adds a static `requestPermission`. */
export interface PermissionGate {
  requestPermission?: () => Promise<string>;
}

export interface MotionAccessEnv {
  isSecureContext: boolean;
  /** The DeviceMotionEvent constructor, undefined where the browser has none. */
  motion: PermissionGate | undefined;
  orientation: PermissionGate | undefined;
}

function ask(gate: PermissionGate | undefined): Promise<boolean> {
  if (typeof gate?.requestPermission !== "function") return Promise.resolve(true);
  try {
    return gate.requestPermission().then(
      (state) => state === "granted",
      () => false,
    );
  } catch {
    // Older iOS throws right away when not called from a tap.
    return Promise.resolve(false);
  }
}

/**
 * Asks for motion access. MUST be called synchronously from the tap handler: iOS only
 * shows its prompt for a request made inside the user gesture, so both requests are
 * made here before anything is awaited. Over plain HTTP the page is not a secure
 * context and has no sensors at all (and iOS would deny without asking).
 *
 * Only motion decides: without orientation the samples simply carry no angles.
 */
export function motionAccessRequest(env: MotionAccessEnv): Promise<MotionAccess> {
  if (!env.isSecureContext) return Promise.resolve("insecure");
  if (!env.motion) return Promise.resolve("unsupported");
  const motion = ask(env.motion);
  const orientation = ask(env.orientation);
  return Promise.all([motion, orientation]).then(([granted]) => (granted ? "granted" : "denied"));
}
