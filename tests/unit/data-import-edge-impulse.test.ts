import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { edgeImpulseFromJson, edgeImpulseImport, edgeImpulseLabel, isEdgeImpulseJson } from "@/lib/data/import-edge-impulse";
import { STANDARD_GRAVITY_MPS2 } from "@/lib/data/import-units";
import { recordingRow } from "@/lib/data/motion-recording";
import { DEG_TO_RAD, F } from "@/lib/protocol/sample";
import { thrown } from "./import-error-thrown";

const FLICK = "tests/fixtures/edge-impulse/flick.hand01.json";
const IDLE = "tests/fixtures/edge-impulse/idle.hand02.json";
const flickText = readFileSync(FLICK, "utf8");
const flick = JSON.parse(flickText) as { payload: { values: number[][]; interval_ms: number } };

type Doc = { protected: Record<string, unknown>; payload: Record<string, unknown> & { sensors: { name: string; units: string }[]; values: unknown[][] } };
const doc = (): Doc => JSON.parse(flickText) as Doc;


describe("edgeImpulseImport", () => {
  it("reads one sample as one recording labelled from its file name", () => {
    const [r, ...rest] = edgeImpulseImport(flickText, FLICK);
    expect(rest).toHaveLength(0);
    const n = flick.payload.values.length;
    expect([r!.id, r!.group, r!.length]).toEqual(["flick.hand01.json", "flick.hand01.json", n]);
    expect(r!.segments).toEqual([{ label: "flick", tStartMs: 0, tEndMs: n * flick.payload.interval_ms }]);
  });

  it("keeps m/s² and converts deg/s to rad/s on an interval_ms clock", () => {
    const [r] = edgeImpulseImport(flickText, FLICK);
    flick.payload.values.forEach((v, i) => {
      const row = recordingRow(r!, i);
      expect(row[F.tMs]).toBe(i * flick.payload.interval_ms);
      expect(Array.from(row.subarray(F.accelGX, F.accelGZ + 1))).toEqual(v.slice(0, 3));
      for (let a = 0; a < 3; a++) expect(row[F.gyroX + a]).toBeCloseTo(v[3 + a]! * DEG_TO_RAD, 12);
    });
    expect(recordingRow(r!, 4)[F.gyroX]).toBeCloseTo((360 * Math.PI) / 180, 12);
  });

  it("converts g, leaves a missing gyroscope NaN and skips sensors it does not use", () => {
    const warnings: string[] = [];
    const [r] = edgeImpulseImport(readFileSync(IDLE, "utf8"), IDLE, { onWarning: (m) => warnings.push(m) });
    expect(r!.segments[0]!.label).toBe("idle");
    const row = recordingRow(r!, 1);
    expect(row[F.tMs]).toBe(16);
    expect(row[F.accelGZ]).toBeCloseTo(0.99 * STANDARD_GRAVITY_MPS2, 12);
    expect(Math.hypot(row[F.accelGX]!, row[F.accelGY]!, row[F.accelGZ]!)).toBeCloseTo(9.7, 1);
    expect(row[F.gyroX]).toBeNaN();
    expect(warnings).toEqual([`${IDLE}: skipped sensors 'magX'`]);
  });

  it("takes the label, group and start time from options", () => {
    const [r] = edgeImpulseImport(flickText, FLICK, { label: "wrist-flick", group: "alice", startMs: 1e12 });
    expect([r!.segments[0]!.label, r!.group, r!.samples[F.tMs]]).toEqual(["wrist-flick", "alice", 1e12]);
    expect(edgeImpulseLabel("data/updown.s3k2.json")).toBe("updown");
    expect(edgeImpulseLabel("wave.json")).toBe("wave");
    expect(isEdgeImpulseJson(doc())).toBe(true);
    expect(isEdgeImpulseJson([{ name: "x", recordings: [] }])).toBe(false);
  });

  it("names the JSON path of what it cannot read", () => {
    const at = (mutate: (d: Doc) => void): string => {
      const d = doc();
      mutate(d);
      return thrown(() => edgeImpulseFromJson(d, "f.json")).message;
    };
    expect(at((d) => (d.payload.values[3]![2] = "abc"))).toBe("f.json: at $.payload.values[3][2]: text in a number field: 'abc'");
    expect(at((d) => (d.payload.values[5]![0] = null))).toBe("f.json: at $.payload.values[5][0]: expected a number, found null");
    expect(at((d) => d.payload.values[2]!.pop())).toBe("f.json: at $.payload.values[2]: 5 values, but there are 6 sensors");
    expect(at((d) => (d.payload.sensors[4]!.units = "furlong/s"))).toBe("f.json: at $.payload.sensors[4].units: units 'furlong/s' for gyrY: expected deg/s or rad/s");
    expect(at((d) => (d.payload.sensors[0]!.units = "deg/s"))).toMatch(/^f\.json: at \$\.payload\.sensors\[0\]\.units: units 'deg\/s' for accX: expected m\/s2 or g$/);
    expect(at((d) => delete d.payload.interval_ms)).toBe("f.json: at $.payload: missing field interval_ms");
    expect(at((d) => (d.payload.interval_ms = 0))).toBe("f.json: at $.payload.interval_ms: must be greater than 0, found 0");
    expect(at((d) => (d.payload.sensors[0]!.name = "temperature"))).toMatch(/^f\.json: at \$\.payload\.sensors: no sensor for accelGX/);
    expect(at((d) => (d.payload.sensors[5]!.name = "magZ"))).toBe("f.json: at $.payload.sensors: no sensor for gyroZ");
    expect(at((d) => (d.protected.ver = "v2"))).toBe("f.json: at $.protected.ver: unknown version 'v2' (only v1 is defined)");
    expect(at((d) => (d.payload.values = []))).toBe("f.json: at $.payload.values: no samples");
  });

  it("gives line and column for broken JSON", () => {
    const bad = flickText.replace("[1.20, 2.10,", "[1.20, 2.10,,");
    const line = flickText.slice(0, flickText.indexOf("[1.20, 2.10,")).split("\n").length;
    const e = thrown(() => edgeImpulseImport(bad, "f.json"));
    expect(e.line).toBe(line);
    expect(e.message).toMatch(/^f\.json:\d+:\d+: not valid JSON/);
  });
});
