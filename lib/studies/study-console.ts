import type { StudyDetail } from "../protocol/studies";
import { nextParticipantId } from "./participant-ids";

/** The first participant who has not run yet, else a new id after the last. */
export function nextFreeParticipant(study: StudyDetail): string {
  const waiting = study.participants.find((p) => p.session === null || p.session.status === "declined");
  return waiting?.participant ?? nextParticipantId(study.participants.map((p) => p.participant)) ?? "";
}

/** A known participant's condition order; null for a new id (the server assigns the next row). */
export function orderFor(study: StudyDetail, participant: string): string[] | null {
  return study.participants.find((p) => p.participant === participant.trim().toUpperCase())?.conditionOrder ?? null;
}
