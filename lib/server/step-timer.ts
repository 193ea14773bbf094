/**
 * One pending step of a timed sequence (a study session's next phase): setting a
 * new step replaces the old one, and a step that throws is logged instead of taking
 * the server down with every other live session.
 */
export class StepTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly nowMs: () => number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Runs `fn` at `tMs` (epoch ms on `nowMs`'s clock), or at once if that has passed. */
  at(tMs: number, fn: () => void): void {
    this.clear();
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        fn();
      } catch (err) {
        this.onError(err);
      }
    }, Math.max(0, tMs - this.nowMs()));
    // A step is never a reason to keep the process alive (tests, shutdown).
    this.timer.unref?.();
  }

  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
