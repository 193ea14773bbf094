import { itemAt, type ScreenId } from "./screens";

/**
 * The motion pointer: tilting the wrist moves a dot over the watch screen, and
 * resting it on an item for the dwell time clicks the item, as AssistiveTouch's
 * Motion Pointer does. The pointer is relative to a neutral pose taken when it is
 * switched on (once the wrist holds still), so whatever the arm's resting angle, the
 * pointer starts at the centre.
 */
export interface PointerState {
  neutralRollDeg: number;
  neutralRaiseDeg: number;
  /** Position in whole percent of the screen, 0-100 (see {@link pointerAt}). */
  xPct: number;
  yPct: number;
  /** Index of the item under the pointer on the current screen, -1 for none. */
  hover: number;
  /**
   * False from the start and after each click or change of screen until the wrist
   * has turned {@link REARM_DEG} away from where it was then (the anchor): only then
   * is the pointer aimed at something rather than left where it happened to be.
   */
  armed: boolean;
  anchorXPct: number;
  anchorYPct: number;
  /** When the armed pointer came onto `hover`; null when not dwelling (no item, or not armed). */
  dwellSinceMs: number | null;
  /** Share of the dwell time elapsed, in steps of 1 / {@link DWELL_STEPS}. */
  dwellProgress: number;
}

export interface PointerPose {
  raiseDeg: number;
  rollDeg: number;
}

/**
 * A resting forearm wanders a few degrees over a minute (the simulator's idle motion
 * up to ~4°), which at a useful gain crosses an item's edge: a turn beyond this is a
 * deliberate aim. Without it, a pointer left between items would click them in turn
 * as the arm drifted.
 */
export const REARM_DEG = 5;

/** The ring grows in 5% steps: smooth enough to read, and ~20 renders per dwell rather than 60 a second. */
export const DWELL_STEPS = 20;

const clampPct = (v: number): number => Math.min(100, Math.max(0, v));

/**
 * Wrist angles to a screen position: rolling the wrist moves the pointer sideways,
 * raising the hand moves it up. Rounded to whole percent, so the sensor's tremor of a
 * few hundredths of a degree does not make a new state (and a render) every frame.
 */
export function pointerAt(p: Pick<PointerState, "neutralRollDeg" | "neutralRaiseDeg">, pose: PointerPose, gainPctPerDeg: number): { xPct: number; yPct: number } {
  return {
    xPct: clampPct(Math.round(50 + gainPctPerDeg * (pose.rollDeg - p.neutralRollDeg))),
    yPct: clampPct(Math.round(50 - gainPctPerDeg * (pose.raiseDeg - p.neutralRaiseDeg))),
  };
}

/** The wrist held within this of one pose for {@link SETTLE_MS} gives the pointer its neutral pose. */
const SETTLE_TOLERANCE_DEG = 3;
export const SETTLE_MS = 300;

/** The pose the wrist has held since `sinceMs`, while the pointer waits to start. */
export interface PointerSettle {
  sinceMs: number;
  raiseDeg: number;
  rollDeg: number;
}

/**
 * Waits for the wrist to hold still before taking its pose as neutral: a pose taken
 * mid-movement (or while the attitude filter is still converging) would leave the
 * pointer off-centre for the whole session. Returns "settled" once the pose has held
 * for SETTLE_MS, else the wait, restarted when the wrist moved; the same object while
 * it holds. A wrist that never holds (walking) never gets a pointer.
 */
export function pointerSettleStep(w: PointerSettle | null, pose: PointerPose, nowMs: number): PointerSettle | "settled" {
  const held = w !== null && Math.abs(pose.raiseDeg - w.raiseDeg) <= SETTLE_TOLERANCE_DEG && Math.abs(pose.rollDeg - w.rollDeg) <= SETTLE_TOLERANCE_DEG;
  if (!held) return { sinceMs: nowMs, raiseDeg: pose.raiseDeg, rollDeg: pose.rollDeg };
  return nowMs - w.sinceMs >= SETTLE_MS ? "settled" : w;
}

/** A pointer switched on now, at the centre, not yet armed. */
export function pointerStart(pose: PointerPose, screen: ScreenId): PointerState {
  return {
    neutralRollDeg: pose.rollDeg,
    neutralRaiseDeg: pose.raiseDeg,
    xPct: 50,
    yPct: 50,
    hover: itemAt(screen, 50, 50),
    armed: false,
    anchorXPct: 50,
    anchorYPct: 50,
    dwellSinceMs: null,
    dwellProgress: 0,
  };
}

/**
 * After a click or a change of screen: what is under the pointer now was not aimed
 * at. Without this, the item that appears under the pointer would click itself.
 */
export function pointerDisarm(p: PointerState, screen: ScreenId): PointerState {
  return { ...p, hover: itemAt(screen, p.xPct, p.yPct), armed: false, anchorXPct: p.xPct, anchorYPct: p.yPct, dwellSinceMs: null, dwellProgress: 0 };
}

/**
 * One frame: move to the pose; once armed, restart the dwell when the item under
 * the pointer changes and advance it otherwise. `click` is true on the frame the
 * dwell completes (the caller presses `hover` and disarms). Returns `p` itself when
 * nothing visible changed.
 */
export function pointerMove(
  p: PointerState,
  screen: ScreenId,
  pose: PointerPose,
  nowMs: number,
  gainPctPerDeg: number,
  dwellMs: number,
): { pointer: PointerState; click: boolean } {
  const { xPct, yPct } = pointerAt(p, pose, gainPctPerDeg);
  const hover = itemAt(screen, xPct, yPct);
  const moved = xPct !== p.xPct || yPct !== p.yPct;
  if (!p.armed) {
    const armed = Math.hypot(xPct - p.anchorXPct, yPct - p.anchorYPct) >= REARM_DEG * gainPctPerDeg;
    if (armed) return { pointer: { ...p, xPct, yPct, hover, armed, dwellSinceMs: hover >= 0 ? nowMs : null, dwellProgress: 0 }, click: false };
    return { pointer: moved || hover !== p.hover ? { ...p, xPct, yPct, hover } : p, click: false };
  }
  if (hover !== p.hover) {
    return { pointer: { ...p, xPct, yPct, hover, dwellSinceMs: hover >= 0 ? nowMs : null, dwellProgress: 0 }, click: false };
  }
  if (p.dwellSinceMs === null) return { pointer: moved ? { ...p, xPct, yPct } : p, click: false };
  const share = (nowMs - p.dwellSinceMs) / Math.max(1, dwellMs);
  if (share >= 1) return { pointer: { ...p, xPct, yPct }, click: true };
  const dwellProgress = Math.floor(share * DWELL_STEPS) / DWELL_STEPS;
  if (!moved && dwellProgress === p.dwellProgress) return { pointer: p, click: false };
  return { pointer: { ...p, xPct, yPct, dwellProgress }, click: false };
}
