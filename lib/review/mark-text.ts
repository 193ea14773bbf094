import type { RecordedMark } from "../protocol/recordings";

/** How the review page names a mark kind (legend, hover text). */
export const MARK_KIND_TEXT: Readonly<Record<RecordedMark["kind"], string>> = {
  success: "Success",
  miss: "Miss",
  "false-trigger": "False trigger",
  note: "Note",
};

/**
 * What hovering a facilitator's mark says: "Miss · trial 3", "False trigger". A note
 * is its own text ("Looked at the phone · trial 3"); another kind with a note keeps
 * the note after it, so nothing the facilitator typed is hidden.
 */
export function markTitle(m: RecordedMark): string {
  const note = m.note?.trim() || null;
  const parts = [m.kind === "note" && note ? note : MARK_KIND_TEXT[m.kind]];
  if (m.trial !== null) parts.push(`trial ${m.trial}`);
  if (m.kind !== "note" && note) parts.push(note);
  return parts.join(" · ");
}
