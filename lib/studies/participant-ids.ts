import { PARTICIPANT_ID_PATTERN } from "../protocol/studies";

/**
 * P01, P02, ...: one more than the highest number in use, as wide as the widest valid
 * id (at least two digits); null once P9999 is taken (ids are at most four digits).
 */
export function nextParticipantId(taken: readonly string[]): string | null {
  const valid = taken.filter((t) => PARTICIPANT_ID_PATTERN.test(t));
  const next = valid.reduce((m, t) => Math.max(m, Number(t.slice(1))), 0) + 1;
  const id = `P${String(next).padStart(Math.max(2, ...valid.map((t) => t.length - 1)), "0")}`;
  return PARTICIPANT_ID_PATTERN.test(id) ? id : null;
}
