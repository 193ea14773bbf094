/** The page's background (app/globals.css): the 3D view sits in it without a seam. */
export const SCENE_BACKGROUND = "#0b0f14";

/** One accent per device, in room order: the strap, the trail and the readout share it. */
export const ARM_ACCENTS = ["#38bdf8", "#fbbf24", "#c084fc", "#34d399"] as const;

export function armAccent(index: number): string {
  return ARM_ACCENTS[index % ARM_ACCENTS.length]!;
}
