export type WakeLockState = "held" | "released" | "unsupported";

/**
 * Keeps the screen on while streaming: phones stop their sensors when the screen
 * locks. The browser drops the lock whenever the page is hidden, so it is asked for
 * again each time the page becomes visible.
 */
export class ScreenWakeLock {
  private sentinel: WakeLockSentinel | null = null;
  private wanted = false;

  constructor(private readonly onChange: (state: WakeLockState) => void) {}

  acquire() {
    if (this.wanted) return;
    this.wanted = true;
    document.addEventListener("visibilitychange", this.onVisibility);
    void this.request();
  }

  release() {
    if (!this.wanted) return;
    this.wanted = false;
    document.removeEventListener("visibilitychange", this.onVisibility);
    const s = this.sentinel;
    this.sentinel = null;
    if (s) void s.release().catch(() => undefined);
  }

  private async request() {
    if (!("wakeLock" in navigator)) return this.onChange("unsupported");
    try {
      const s = await navigator.wakeLock.request("screen");
      if (!this.wanted) return void s.release().catch(() => undefined);
      this.sentinel = s;
      s.addEventListener("release", () => {
        if (this.sentinel !== s) return;
        this.sentinel = null;
        this.onChange("released");
      });
      this.onChange("held");
    } catch {
      // Refused (battery saver, a hidden page, no permission): the page still works.
      this.onChange("released");
    }
  }

  private readonly onVisibility = () => {
    if (this.wanted && !this.sentinel && document.visibilityState === "visible") void this.request();
  };
}
