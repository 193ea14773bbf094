import { PARTICIPANT_ID_PATTERN } from "../protocol/studies";

/** P01, P02, ...: one more than the highest number in use, keeping the widest width seen. */
export function nextParticipantId(taken: readonly string[]): string {
  const numbers = taken.filter((t) => PARTICIPANT_ID_PATTERN.test(t)).map((t) => Number(t.slice(1)));
  const width = Math.max(2, ...taken.map((t) => t.length - 1));
  return `P${String(numbers.reduce((m, n) => Math.max(m, n), 0) + 1).padStart(width, "0")}`;
}
