import { describe, expect, it } from "vitest";
import {
  ROOM_CODE_ALPHABET,
  ROOM_CODE_BITS,
  ROOM_CODE_LENGTH,
  roomCodeFormat,
  roomCodeNew,
  roomCodeParse,
} from "@/lib/protocol/room-code";
import { prng } from "./seeded-random";

const VALID = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

describe("room code alphabet", () => {
  it("has 32 distinct symbols without the look-alikes 0/O and 1/I", () => {
    expect(ROOM_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(ROOM_CODE_ALPHABET).size).toBe(32);
    for (const c of "0O1I") expect(ROOM_CODE_ALPHABET).not.toContain(c);
    expect(ROOM_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });

  it("gives 6-symbol codes of at least 30 bits", () => {
    expect(ROOM_CODE_LENGTH).toBe(6);
    expect(ROOM_CODE_BITS).toBe(30);
    expect(ROOM_CODE_BITS).toBeGreaterThanOrEqual(30);
  });
});

describe("roomCodeNew", () => {
  const codes = Array.from({ length: 10_000 }, () => roomCodeNew());

  it("makes only valid codes that parse to themselves", () => {
    for (const code of codes) {
      expect(code).toMatch(VALID);
      expect(code).not.toMatch(/[0O1I]/);
      expect(roomCodeParse(code)).toBe(code);
    }
  });

  it("makes practically distinct codes", () => {
    // 10k draws from 2^30: expected collisions ~0.05, three or more ~2e-5.
    expect(new Set(codes).size).toBeGreaterThanOrEqual(codes.length - 2);
  });

  it("uses every symbol in every position, roughly evenly", () => {
    // ~312 expected per symbol and position, sd ~17: the bounds are > 6 sd away.
    for (let pos = 0; pos < ROOM_CODE_LENGTH; pos++) {
      const counts = new Map<string, number>();
      for (const code of codes) counts.set(code[pos]!, (counts.get(code[pos]!) ?? 0) + 1);
      expect([...counts.keys()].sort().join("")).toBe([...ROOM_CODE_ALPHABET].sort().join(""));
      for (const n of counts.values()) {
        expect(n).toBeGreaterThan(200);
        expect(n).toBeLessThan(450);
      }
    }
  });
});

describe("roomCodeParse", () => {
  it("accepts what a person types: lower case, spaces, dashes", () => {
    expect(roomCodeParse("K7QM4X")).toBe("K7QM4X");
    expect(roomCodeParse("k7qm4x")).toBe("K7QM4X");
    expect(roomCodeParse("k7q-m4x")).toBe("K7QM4X");
    expect(roomCodeParse(" K7Q M4X ")).toBe("K7QM4X");
    expect(roomCodeParse("k-7-q m\t4x")).toBe("K7QM4X");
  });

  it("rejects the wrong length", () => {
    expect(roomCodeParse("")).toBeNull();
    expect(roomCodeParse("K7QM4")).toBeNull();
    expect(roomCodeParse("K7QM4XA")).toBeNull();
    expect(roomCodeParse("K7Q-M4X-2")).toBeNull();
  });

  it("rejects the excluded look-alikes and other characters", () => {
    expect(roomCodeParse("K0QM4X")).toBeNull();
    expect(roomCodeParse("KOQM4X")).toBeNull();
    expect(roomCodeParse("koqm4x")).toBeNull();
    expect(roomCodeParse("K1QM4X")).toBeNull();
    expect(roomCodeParse("KIQM4X")).toBeNull();
    expect(roomCodeParse("kiqm4x")).toBeNull();
    expect(roomCodeParse("K7Q_M4X")).toBeNull();
    expect(roomCodeParse("K7Q.M4X")).toBeNull();
    expect(roomCodeParse("K7QM4!")).toBeNull();
  });

  it("inverts format, in any case (property, seeded)", () => {
    const rand = prng(7);
    for (let i = 0; i < 500; i++) {
      let code = "";
      for (let j = 0; j < ROOM_CODE_LENGTH; j++) code += ROOM_CODE_ALPHABET[Math.floor(rand() * ROOM_CODE_ALPHABET.length)];
      expect(roomCodeParse(code)).toBe(code);
      expect(roomCodeParse(roomCodeFormat(code))).toBe(code);
      expect(roomCodeParse(roomCodeFormat(code).toLowerCase())).toBe(code);
    }
  });
});

describe("roomCodeFormat", () => {
  it("splits a code into two groups of three", () => {
    expect(roomCodeFormat("K7QM4X")).toBe("K7Q-M4X");
  });

  it("leaves strings of another length as they are", () => {
    expect(roomCodeFormat("")).toBe("");
    expect(roomCodeFormat("K7QM4")).toBe("K7QM4");
    expect(roomCodeFormat("K7QM4XA")).toBe("K7QM4XA");
  });
});
