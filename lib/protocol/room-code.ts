/**
 * Room codes are read aloud across a lab and typed on a phone, so the alphabet
 * leaves out 0/O and 1/I. 32 symbols carry 5 bits each; 6 symbols give 30 bits,
 * about a billion codes, so a code cannot be guessed by trying.
 */
export const ROOM_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const ROOM_CODE_LENGTH = 6;
export const ROOM_CODE_BITS = ROOM_CODE_LENGTH * Math.log2(ROOM_CODE_ALPHABET.length);

const CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

export type RoomCode = string & { readonly __brand: "RoomCode" };

/** Cryptographically random code; 32 divides 256, so masking a byte is unbiased. */
export function roomCodeNew(): RoomCode {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(ROOM_CODE_LENGTH));
  let code = "";
  for (const b of bytes) code += ROOM_CODE_ALPHABET[b & 31];
  return code as RoomCode;
}

/** Accepts what a person types: any case, spaces or dashes. Null when it cannot be a code. */
export function roomCodeParse(input: string): RoomCode | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return CODE_PATTERN.test(code) ? (code as RoomCode) : null;
}

/** "K7QM4X" -> "K7Q-M4X": two groups of three are easier to read aloud. */
export function roomCodeFormat(code: string): string {
  return code.length === ROOM_CODE_LENGTH ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
