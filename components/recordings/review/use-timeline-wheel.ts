"use client";

import { useEffect, type Dispatch, type RefObject, type SetStateAction } from "react";
import { viewPan, viewXToMs, viewZoom, type TimeWindow } from "@/lib/review/timeline-view";
import { plotAreaOf } from "./review-geometry";

/** Zoom per pixel of wheel travel: one notch of a mouse wheel (~100 px) is a factor of ~1.2. */
const ZOOM_PER_PX = 0.0018;
/** Browsers in line mode (Firefox on some systems) report lines; one line ≈ this many px. */
const LINE_PX = 16;

/**
 * Wheel over the timeline: zooms around the time under the mouse; with Shift, or a
 * sideways trackpad swipe, pans. Attached natively because React's wheel listener
 * is passive and cannot stop the page from scrolling instead.
 */
export function useTimelineWheel(el: RefObject<HTMLElement | null>, bounds: TimeWindow, setView: Dispatch<SetStateAction<TimeWindow>>) {
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const onWheel = (e: WheelEvent) => {
      const scale = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? node.clientWidth : 1;
      const dx = e.deltaX * scale;
      const dy = e.deltaY * scale;
      const area = plotAreaOf(node);
      const x = e.clientX - area.leftPx;
      // Outside the plot area (over an axis or a lane title) the page scrolls as usual.
      if (x < 0 || x > area.widthPx) return;
      e.preventDefault();
      if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
        // Shift+wheel arrives as deltaY on most mice, as deltaX on macOS: either pans.
        const px = Math.abs(dx) > Math.abs(dy) ? dx : dy;
        setView((v) => viewPan(v, bounds, (px / area.widthPx) * (v.endMs - v.startMs)));
      } else {
        setView((v) => viewZoom(v, bounds, Math.exp(dy * ZOOM_PER_PX), viewXToMs(v, area.widthPx, x)));
      }
    };
    node.addEventListener("wheel", onWheel, { passive: false });
    return () => node.removeEventListener("wheel", onWheel);
  }, [el, bounds, setView]);
}
