import type { SlotId } from "@/lib/models/host-protocol";

/** A and B keep these colours everywhere: selector dot, score trace, event rows. */
export const SLOT_COLORS: Record<SlotId, string> = { A: "#4dabf7", B: "#ffa94d" };
