import { describe, expect, it } from "vitest";
import {
  DEVICE_ID_KEY,
  PHONE_NAME_KEY,
  deviceIdLoad,
  deviceIdNew,
  phoneNameClean,
  phoneNameLoad,
  phoneNameSave,
  type StorageLike,
} from "@/lib/phone/device-identity";
import { deviceIdSchema } from "@/lib/protocol/schemas";

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

const broken: StorageLike = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
};

describe("deviceIdNew", () => {
  it("makes 16 characters of [a-z0-9] the server accepts", () => {
    for (let i = 0; i < 200; i++) {
      const id = deviceIdNew();
      expect(id).toMatch(/^[a-z0-9]{16}$/);
      expect(deviceIdSchema.safeParse(id).success).toBe(true);
    }
  });

  it("skips bytes that would bias the alphabet", () => {
    const bytes = (n: number) => new Uint8Array(n).fill(255);
    let calls = 0;
    const id = deviceIdNew((n) => (calls++ === 0 ? bytes(n) : new Uint8Array(n).fill(37)));
    expect(id).toBe("b".repeat(16));
  });
});

describe("deviceIdLoad", () => {
  it("creates an id once and keeps it", () => {
    const s = memoryStorage();
    const id = deviceIdLoad(s);
    expect(s.data[DEVICE_ID_KEY]).toBe(id);
    expect(deviceIdLoad(s)).toBe(id);
  });

  it("replaces a saved id that is not valid", () => {
    const s = memoryStorage({ [DEVICE_ID_KEY]: "bad id!" });
    expect(deviceIdLoad(s)).toMatch(/^[a-z0-9]{16}$/);
  });

  it("still works without storage", () => {
    expect(deviceIdLoad(broken)).toMatch(/^[a-z0-9]{16}$/);
    expect(deviceIdLoad(null)).toMatch(/^[a-z0-9]{16}$/);
  });
});

describe("phone name", () => {
  it("trims and limits to what the server accepts", () => {
    expect(phoneNameClean("  left wrist ")).toBe("left wrist");
    expect(phoneNameClean("   ")).toBeNull();
    expect(phoneNameClean("x".repeat(41))).toBeNull();
  });

  it("saves only valid names and falls back to the default", () => {
    const s = memoryStorage();
    expect(phoneNameLoad(s, "iPhone")).toBe("iPhone");
    phoneNameSave(s, " left wrist ");
    expect(s.data[PHONE_NAME_KEY]).toBe("left wrist");
    phoneNameSave(s, "");
    expect(phoneNameLoad(s, "iPhone")).toBe("left wrist");
    expect(phoneNameLoad(memoryStorage({ [PHONE_NAME_KEY]: " " }), "Phone")).toBe("Phone");
    expect(phoneNameLoad(broken, "Phone")).toBe("Phone");
    expect(() => phoneNameSave(broken, "ok")).not.toThrow();
  });
});
