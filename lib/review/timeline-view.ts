/**
 * The visible window of the review timeline: which stretch of the recording clock
 * (server ms) every chart and lane shows. One window for all of them, so that a
 * label edge lines up with the motion under it on every chart.
 *
 * Every function returns a new window, already clamped: callers never have to
 * remember to clamp after a zoom or pan.
 */

export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/**
 * Narrowest window, ms: below ~200 ms a 60 Hz recording shows a dozen samples and
 * a dragged label edge would move by whole samples per pixel, which reads as broken.
 */
export const VIEW_MIN_MS = 200;

/** The whole recording; a recording shorter than the minimum window is centred in one. */
export function viewFit(bounds: TimeWindow): TimeWindow {
  return viewClamp(bounds, bounds);
}

/** `view` moved and shrunk as little as possible to lie within `bounds`, at least VIEW_MIN_MS wide. */
export function viewClamp(view: TimeWindow, bounds: TimeWindow): TimeWindow {
  const boundsMs = bounds.endMs - bounds.startMs;
  if (boundsMs <= VIEW_MIN_MS) {
    // Nothing to pan over: show the minimum window around the recording.
    const midMs = (bounds.startMs + bounds.endMs) / 2;
    return { startMs: midMs - VIEW_MIN_MS / 2, endMs: midMs + VIEW_MIN_MS / 2 };
  }
  const spanMs = Math.min(boundsMs, Math.max(VIEW_MIN_MS, view.endMs - view.startMs));
  const startMs = Math.min(bounds.endMs - spanMs, Math.max(bounds.startMs, view.startMs));
  return { startMs, endMs: startMs + spanMs };
}

/**
 * Zoom by `factor` (the new width over the old: < 1 zooms in) keeping `atMs` where
 * it is on screen, so the motion under the mouse stays under the mouse.
 */
export function viewZoom(view: TimeWindow, bounds: TimeWindow, factor: number, atMs: number): TimeWindow {
  const spanMs = view.endMs - view.startMs;
  const boundsMs = bounds.endMs - bounds.startMs;
  const nextMs = Math.min(Math.max(boundsMs, VIEW_MIN_MS), Math.max(VIEW_MIN_MS, spanMs * factor));
  const fraction = spanMs > 0 ? (atMs - view.startMs) / spanMs : 0.5;
  const startMs = atMs - fraction * nextMs;
  return viewClamp({ startMs, endMs: startMs + nextMs }, bounds);
}

/** Shift by `deltaMs` (positive shows later time), stopping at the recording's ends. */
export function viewPan(view: TimeWindow, bounds: TimeWindow, deltaMs: number): TimeWindow {
  return viewClamp({ startMs: view.startMs + deltaMs, endMs: view.endMs + deltaMs }, bounds);
}

/** A window of the same width centred on `atMs`: a click on the overview jumps there. */
export function viewCenterOn(view: TimeWindow, bounds: TimeWindow, atMs: number): TimeWindow {
  const halfMs = (view.endMs - view.startMs) / 2;
  return viewClamp({ startMs: atMs - halfMs, endMs: atMs + halfMs }, bounds);
}

/** Recording-clock ms to a pixel offset from the left edge of a `widthPx` wide plot. */
export function viewMsToX(view: TimeWindow, widthPx: number, tMs: number): number {
  return ((tMs - view.startMs) / (view.endMs - view.startMs)) * widthPx;
}

/** A pixel offset (from the plot's left edge) back to recording-clock ms. */
export function viewXToMs(view: TimeWindow, widthPx: number, xPx: number): number {
  return view.startMs + (xPx / widthPx) * (view.endMs - view.startMs);
}

/** True when the two windows show the same time, to skip redundant redraws. */
export function viewEquals(a: TimeWindow, b: TimeWindow): boolean {
  return a.startMs === b.startMs && a.endMs === b.endMs;
}
