import type { SlotId } from "@/lib/models/host-protocol";

/** Slot colours in order (A blue, B orange, then a scene's further roles): selector dot, score trace, event rows. */
const PALETTE = ["#4dabf7", "#ffa94d", "#69db7c", "#da77f2", "#ff8787"] as const;

/** The colour of a runtime's `index`-th slot; `slot` is only there so call sites read naturally. */
export function slotColor(_slot: SlotId, index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
