/**
 * Horizontal layout shared by every chart and lane of the review timeline. Charts put
 * their y axis in the left gutter; lanes put their title there. With the same gutters
 * everywhere, one x in the page is one time in every row, which is what lets a label
 * edge be dragged against the motion drawn above it.
 */
export const GUTTER_LEFT_PX = 72;
export const GUTTER_RIGHT_PX = 16;

/** The plot area's left edge and width, in client px, of a row element laid out with the gutters. */
export function plotAreaOf(row: Element): { leftPx: number; widthPx: number } {
  const r = row.getBoundingClientRect();
  return { leftPx: r.left + GUTTER_LEFT_PX, widthPx: Math.max(1, r.width - GUTTER_LEFT_PX - GUTTER_RIGHT_PX) };
}
