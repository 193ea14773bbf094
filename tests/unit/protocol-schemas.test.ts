import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/protocol/limits";
import type { SampleTuple } from "@/lib/protocol/sample";
import { deviceHelloSchema, issuesToMessage, sensorBatchSchema } from "@/lib/protocol/schemas";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";

const sample = (tMs = 1000.5): SampleTuple => [tMs, 0.1, 0.2, 9.8, null, null, null, 0.01, 0.02, 0.03, null, null, null];
const batch = (over: Record<string, unknown> = {}) => ({ v: PROTOCOL_VERSION, seq: 0, samples: [sample()], ...over });
/** The batch with field `i` of its only sample replaced. */
const withValue = (i: number, value: unknown) => {
  const s: unknown[] = sample();
  s[i] = value;
  return batch({ samples: [s] });
};

const accepts = (x: unknown) => sensorBatchSchema.safeParse(x).success;

/** The distinct dotted paths of the issues a payload raises. */
function issuePaths(x: unknown): string[] {
  const r = sensorBatchSchema.safeParse(x);
  if (r.success) return [];
  return [...new Set(r.error.issues.map((i) => i.path.join(".")))];
}

describe("sensorBatchSchema", () => {
  it("accepts a valid batch and keeps it as sent", () => {
    const full: SampleTuple = [1000.5, 0.1, 0.2, 9.8, 0.01, -0.02, 0.03, 1, 2, 3, 350, -45, 12];
    const b = batch({ seq: 17, samples: [sample(), full], clock: { offsetMs: -12.5, rttMs: 4 } });
    const r = sensorBatchSchema.safeParse(b);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(b);
  });

  it("accepts values at the limits and a full batch", () => {
    expect(accepts(withValue(1, LIMITS.maxAbsValue))).toBe(true);
    expect(accepts(withValue(2, -LIMITS.maxAbsValue))).toBe(true);
    expect(accepts(batch({ samples: Array.from({ length: LIMITS.maxSamplesPerBatch }, (_, i) => sample(1000 + i)) }))).toBe(true);
    expect(accepts(batch({ seq: Number.MAX_SAFE_INTEGER }))).toBe(true);
  });

  it("rejects another protocol version", () => {
    expect(issuePaths(batch({ v: PROTOCOL_VERSION + 1 }))).toEqual(["v"]);
    expect(issuePaths(batch({ v: 0 }))).toEqual(["v"]);
    expect(issuePaths(batch({ v: undefined }))).toEqual(["v"]);
  });

  it("rejects a negative, fractional or missing seq", () => {
    expect(issuePaths(batch({ seq: -1 }))).toEqual(["seq"]);
    expect(issuePaths(batch({ seq: 1.5 }))).toEqual(["seq"]);
    expect(issuePaths(batch({ seq: Number.MAX_SAFE_INTEGER + 1 }))).toEqual(["seq"]);
    expect(issuePaths(batch({ seq: undefined }))).toEqual(["seq"]);
  });

  it("rejects an empty batch and one sample too many", () => {
    expect(issuePaths(batch({ samples: [] }))).toEqual(["samples"]);
    const tooMany = Array.from({ length: LIMITS.maxSamplesPerBatch + 1 }, (_, i) => sample(1000 + i));
    expect(issuePaths(batch({ samples: tooMany }))).toEqual(["samples"]);
  });

  it("rejects values beyond maxAbsValue, in any field", () => {
    expect(issuePaths(withValue(1, LIMITS.maxAbsValue + 1))).toEqual(["samples.0.1"]);
    expect(issuePaths(withValue(3, -LIMITS.maxAbsValue - 1))).toEqual(["samples.0.3"]);
    expect(issuePaths(withValue(8, 1e9))).toEqual(["samples.0.8"]);
    expect(issuePaths(withValue(12, -1e9))).toEqual(["samples.0.12"]);
  });

  it("rejects non-finite numbers", () => {
    expect(issuePaths(withValue(1, Number.NaN))).toEqual(["samples.0.1"]);
    expect(issuePaths(withValue(7, Number.POSITIVE_INFINITY))).toEqual(["samples.0.7"]);
    expect(issuePaths(withValue(0, Number.NaN))).toEqual(["samples.0.0"]);
  });

  it("rejects a time that is not positive", () => {
    expect(issuePaths(withValue(0, 0))).toEqual(["samples.0.0"]);
    expect(issuePaths(withValue(0, -5))).toEqual(["samples.0.0"]);
    expect(issuePaths(withValue(0, null))).toEqual(["samples.0.0"]);
  });

  it("rejects null in the required acceleration-with-gravity fields only", () => {
    expect(issuePaths(withValue(1, null))).toEqual(["samples.0.1"]);
    expect(issuePaths(withValue(2, null))).toEqual(["samples.0.2"]);
    expect(issuePaths(withValue(3, null))).toEqual(["samples.0.3"]);
    for (let i = 4; i < 13; i++) expect(accepts(withValue(i, null))).toBe(true);
  });

  it("rejects tuples of the wrong length", () => {
    expect(issuePaths(batch({ samples: [sample().slice(0, 12)] }))).toEqual(["samples.0"]);
    expect(issuePaths(batch({ samples: [[...sample(), null]] }))).toEqual(["samples.0"]);
    expect(issuePaths(batch({ samples: [[]] }))).toEqual(["samples.0"]);
  });

  it("rejects strings where numbers belong", () => {
    expect(issuePaths(batch({ seq: "0" }))).toEqual(["seq"]);
    expect(issuePaths(withValue(1, "0.1"))).toEqual(["samples.0.1"]);
    expect(issuePaths(withValue(5, "0.1"))).toEqual(["samples.0.5"]);
    expect(issuePaths(batch({ samples: "[]" }))).toEqual(["samples"]);
    expect(accepts("{}")).toBe(false);
    expect(accepts(null)).toBe(false);
  });

  it("points at the bad sample in a long batch", () => {
    const samples: unknown[][] = Array.from({ length: 10 }, (_, i) => sample(1000 + i));
    samples[7]![2] = 2e4;
    expect(issuePaths(batch({ samples }))).toEqual(["samples.7.2"]);
  });
});

describe("deviceHelloSchema", () => {
  const hello = {
    v: PROTOCOL_VERSION,
    room: "K7QM4X",
    deviceId: "dev_abc-123",
    session: "sess-0001",
    name: "Pixel 8",
    source: "phone",
    platform: "android",
  };
  const paths = (over: Record<string, unknown>) => {
    const r = deviceHelloSchema.safeParse({ ...hello, ...over });
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };

  it("accepts a valid hello and trims the name", () => {
    expect(deviceHelloSchema.parse(hello)).toEqual(hello);
    expect(deviceHelloSchema.parse({ ...hello, name: "  Pixel 8 " }).name).toBe("Pixel 8");
    expect(paths({ name: "x".repeat(LIMITS.deviceNameMaxChars) })).toEqual([]);
    expect(paths({ deviceId: "a".repeat(6) })).toEqual([]);
    expect(paths({ deviceId: "a".repeat(64) })).toEqual([]);
  });

  it("rejects bad device ids and sessions", () => {
    expect(paths({ deviceId: "abcde" })).toEqual(["deviceId"]);
    expect(paths({ deviceId: "a".repeat(65) })).toEqual(["deviceId"]);
    expect(paths({ deviceId: "abc def" })).toEqual(["deviceId"]);
    expect(paths({ deviceId: "abc/def" })).toEqual(["deviceId"]);
    expect(paths({ deviceId: "abcdéf" })).toEqual(["deviceId"]);
    expect(paths({ deviceId: 123456 })).toEqual(["deviceId"]);
    expect(paths({ session: "" })).toEqual(["session"]);
  });

  it("rejects empty, blank and too-long names", () => {
    expect(paths({ name: "" })).toEqual(["name"]);
    expect(paths({ name: "   " })).toEqual(["name"]);
    expect(paths({ name: "x".repeat(LIMITS.deviceNameMaxChars + 1) })).toEqual(["name"]);
  });

  it("rejects unknown sources and platforms", () => {
    expect(paths({ source: "watch" })).toEqual(["source"]);
    expect(paths({ source: "" })).toEqual(["source"]);
    expect(paths({ platform: "windows" })).toEqual(["platform"]);
  });

  it("rejects room codes outside the alphabet or of the wrong length", () => {
    expect(paths({ room: "K0QM4X" })).toEqual(["room"]);
    expect(paths({ room: "KIQM4X" })).toEqual(["room"]);
    expect(paths({ room: "K7QM4" })).toEqual(["room"]);
    expect(paths({ v: 2 })).toEqual(["v"]);
  });
});

describe("issuesToMessage", () => {
  const message = (x: unknown) => {
    const r = sensorBatchSchema.safeParse(x);
    if (r.success) throw new Error("expected a failure");
    return issuesToMessage(r.error);
  };

  it("names the path of the bad value", () => {
    expect(message(withValue(1, 1e5))).toMatch(/^samples\.0\.1: .*10000/);
    expect(message(batch({ samples: [sample().slice(0, 12)] }))).toMatch(/^samples\.0: .*13/);
  });

  it("says 'payload' when the whole message is wrong", () => {
    expect(message("x")).toMatch(/^payload: /);
    expect(message(null)).toMatch(/^payload: /);
  });

  it("joins at most three issues with '; '", () => {
    const bad = { v: 9, seq: -1, samples: [], clock: { offsetMs: "x", rttMs: -1 } };
    const parts = message(bad).split("; ");
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => p.split(": ")[0])).toEqual(["v", "seq", "samples"]);
  });

  it("keeps a schema's own message", () => {
    const r = deviceHelloSchema.safeParse({ v: PROTOCOL_VERSION, room: "K7QM4X", deviceId: "x", session: "sess-0001", name: "a", source: "sim", platform: "node" });
    expect(r.success).toBe(false);
    expect(issuesToMessage(r.error!)).toBe("deviceId: device id must be 6-64 url-safe characters");
  });
});
