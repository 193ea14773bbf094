import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMicrobitJson, microbitFromJson, microbitImport } from "@/lib/data/import-microbit";
import { STANDARD_GRAVITY_MPS2 } from "@/lib/data/import-units";
import { recordingRow } from "@/lib/data/motion-recording";
import { F } from "@/lib/protocol/sample";
import { thrown } from "./import-error-thrown";

type Action = { name: string; recordings: { data: { x: number[]; y: number[]; z: number[] } }[] };
const legacyText = readFileSync("tests/fixtures/microbit-gestures/still-wave-clap-legacy-cut.json", "utf8");
const wandText = readFileSync("tests/fixtures/microbit-gestures/wand-cut.json", "utf8");
const legacy = JSON.parse(legacyText) as Action[];


describe("microbitImport", () => {
  it("makes one recording per example, one segment of its action's name over all of it", () => {
    const recs = microbitImport(legacyText, "swc.json");
    const expected = legacy.flatMap((a) => a.recordings.map((r) => [a.name, r.data.x.length] as const));
    expect(recs.map((r) => [r.segments[0]!.label, r.length])).toEqual(expected);
    expect(recs.map((r) => r.id)).toEqual(["swc.json#still-01", "swc.json#still-02", "swc.json#wave-01", "swc.json#wave-02", "swc.json#clap-01", "swc.json#clap-02"]);
    for (const r of recs) {
      expect(r.group).toBe(r.id);
      expect(r.segments).toEqual([{ label: r.segments[0]!.label, tStartMs: 0, tEndMs: r.length * 20 }]);
    }
  });

  it("converts g to m/s² on a 20 ms clock; accelerometer only", () => {
    const recs = microbitImport(legacyText, "swc.json");
    const source = legacy[1]!.recordings[0]!.data;
    const wave = recs[2]!;
    for (const i of [0, 7, wave.length - 1]) {
      const row = recordingRow(wave, i);
      expect(row[F.tMs]).toBe(i * 20);
      expect(row[F.accelGX]).toBeCloseTo(source.x[i]! * STANDARD_GRAVITY_MPS2, 12);
      expect(row[F.accelGY]).toBeCloseTo(source.y[i]! * STANDARD_GRAVITY_MPS2, 12);
      expect(row[F.accelGZ]).toBeCloseTo(source.z[i]! * STANDARD_GRAVITY_MPS2, 12);
      expect(row[F.gyroX]).toBeNaN();
      expect(row[F.accelX]).toBeNaN();
      expect(row[F.orientAlpha]).toBeNaN();
    }
  });

  it("reads a board lying still as |accelG| ≈ g", () => {
    const still = microbitImport(legacyText, "swc.json")[0]!;
    let sum = 0;
    for (let i = 0; i < still.length; i++) {
      const row = recordingRow(still, i);
      sum += Math.hypot(row[F.accelGX]!, row[F.accelGY]!, row[F.accelGZ]!);
    }
    expect(sum / still.length).toBeGreaterThan(9.3);
    expect(sum / still.length).toBeLessThan(10.8);
  });

  it("reads the current format (id, createdAt) and the {data: [...]} wrapper alike", () => {
    const recs = microbitImport(wandText, "wand.json");
    expect(recs.map((r) => [r.id, r.length])).toEqual([
      ["wand.json#poke-01", 48],
      ["wand.json#flick-01", 50],
    ]);
    const wrapped = microbitFromJson({ data: JSON.parse(wandText) }, "wand.json");
    expect(wrapped.map((r) => r.id)).toEqual(recs.map((r) => r.id));
    expect(Array.from(wrapped[1]!.samples)).toEqual(Array.from(recs[1]!.samples));
    expect(isMicrobitJson(JSON.parse(wandText))).toBe(true);
    expect(isMicrobitJson({ payload: {}, protected: {} })).toBe(false);
  });

  it("keeps ids unique when two actions share a name", () => {
    const one = { name: "tap", recordings: [{ data: { x: [0], y: [0], z: [1] } }] };
    expect(microbitFromJson([one, one], "t.json").map((r) => r.id)).toEqual(["t.json#tap-01", "t.json#tap-01(2)"]);
  });

  it("names the JSON path of what it cannot read", () => {
    const broken = JSON.parse(legacyText) as Action[];
    broken[0]!.recordings[1]!.data.y.pop();
    const n = broken[0]!.recordings[1]!.data.x.length;
    expect(thrown(() => microbitFromJson(broken, "b.json")).message).toBe(`b.json: at $[0].recordings[1].data.y: ${n - 1} values, but x has ${n}`);

    const text = JSON.parse(legacyText) as { recordings: { data: { z: unknown[] } }[] }[];
    text[2]!.recordings[0]!.data.z[3] = "abc";
    expect(thrown(() => microbitFromJson(text, "b.json")).message).toBe("b.json: at $[2].recordings[0].data.z[3]: text in a number field: 'abc'");

    const nul = JSON.parse(legacyText) as { recordings: { data: { x: unknown[] } }[] }[];
    nul[1]!.recordings[0]!.data.x[0] = null;
    expect(thrown(() => microbitFromJson(nul, "b.json")).jsonPath).toBe("$[1].recordings[0].data.x[0]");

    expect(thrown(() => microbitFromJson([{ recordings: [] }], "b.json")).message).toBe("b.json: at $[0]: missing field name");
    expect(thrown(() => microbitFromJson({ actions: [] }, "b.json")).message).toMatch(/^b\.json: at \$: expected an array of actions/);
  });

  it("gives line and column for broken JSON, and says when the file is empty", () => {
    const bad = legacyText.replace('"name": "wave"', '"name": wave');
    const line = legacyText.slice(0, legacyText.indexOf('"name": "wave"')).split("\n").length;
    const e = thrown(() => microbitImport(bad, "b.json"));
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^b\\.json:${line}:\\d+: not valid JSON`));
    expect(thrown(() => microbitImport("  \n", "b.json")).message).toBe("b.json: empty file");
  });
});
