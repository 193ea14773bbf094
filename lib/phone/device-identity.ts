import { LIMITS } from "@/lib/protocol/limits";

/** The part of Web Storage used here; may throw (Safari private mode, storage disabled). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const DEVICE_ID_KEY = "wristlab.deviceId";
export const PHONE_NAME_KEY = "wristlab.phoneName";

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const ID_LENGTH = 16;
const ID_PATTERN = /^[a-z0-9]{16}$/;

/**
 * 16 random characters from [a-z0-9]. 36 does not divide 256, so bytes from 252 up
 * are skipped: taking `b % 36` of them would favour the first letters.
 */
export function deviceIdNew(randomBytes: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n))): string {
  let id = "";
  while (id.length < ID_LENGTH) {
    for (const b of randomBytes(ID_LENGTH * 2)) {
      if (b < 252 && id.length < ID_LENGTH) id += ID_ALPHABET[b % 36];
    }
  }
  return id;
}

function read(storage: StorageLike | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: StorageLike | null, key: string, value: string) {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage refused: the value only lives as long as the page, which still works.
  }
}

/**
 * The phone's id, kept across reloads so the desktop sees the same device come back
 * (and keeps its name and stream) instead of a new one each time.
 */
export function deviceIdLoad(storage: StorageLike | null): string {
  const saved = read(storage, DEVICE_ID_KEY);
  if (saved && ID_PATTERN.test(saved)) return saved;
  const id = deviceIdNew();
  write(storage, DEVICE_ID_KEY, id);
  return id;
}

/** A name the server accepts (1-40 characters after trimming), or null. */
export function phoneNameClean(name: string): string | null {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= LIMITS.deviceNameMaxChars ? trimmed : null;
}

export function phoneNameLoad(storage: StorageLike | null, fallback: string): string {
  const saved = read(storage, PHONE_NAME_KEY);
  return (saved !== null && phoneNameClean(saved)) || fallback;
}

export function phoneNameSave(storage: StorageLike | null, name: string) {
  const clean = phoneNameClean(name);
  if (clean) write(storage, PHONE_NAME_KEY, clean);
}
