import type { RecordedMark } from "@/lib/protocol/recordings";

/**
 * Colours of labels on the review timeline. A label of the recording's label set keeps
 * its place's colour (key 1 is always the same blue), so a researcher learns the
 * colours once; any other label (an imported one, one typed during review) gets a
 * colour from a hash of its name, the same on every visit and every recording.
 */

/** Nine colours for keys 1-9, far apart in hue and light enough to read dark text on. */
const SET_PALETTE = ["#4dabf7", "#ffa94d", "#69db7c", "#da77f2", "#ff8787", "#ffd43b", "#38d9a9", "#a5d8ff", "#f783ac"] as const;

/** FNV-1a: a short, well-spread hash, so that similar names ("tap1", "tap2") land on different hues. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function labelColor(label: string, labelSet: readonly string[]): string {
  const i = labelSet.indexOf(label);
  if (i >= 0) return SET_PALETTE[i % SET_PALETTE.length]!;
  return `hsl(${nameHash(label) % 360} 70% 68%)`;
}

/** Interactions of model events, coloured the same way but never from the label set. */
export function eventColor(interaction: string): string {
  return `hsl(${nameHash(interaction) % 360} 85% 70%)`;
}

/**
 * Facilitator marks by kind, fixed so they read at a glance (a success green, a miss
 * rose, a false trigger amber, a note slate). Events take any hue from their name, but
 * are diamonds in their own lane; marks are flags, so the two never read alike.
 */
export const MARK_COLORS: Readonly<Record<RecordedMark["kind"], string>> = {
  success: "#4ade80",
  miss: "#fb7185",
  "false-trigger": "#fbbf24",
  note: "#cbd5e1",
};
