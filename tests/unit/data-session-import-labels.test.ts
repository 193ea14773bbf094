import { describe, expect, it } from "vitest";
import { sessionsFromFile } from "@/lib/data/session-import";

const T0 = 1_700_000_000_000;
/** 20 rows of one device 10 ms apart, labelled `label` on rows [from, to). */
const deviceRows = (device: string, label: string, from: number, to: number) =>
  Array.from({ length: 20 }, (_, i) => `${device},${T0 + i * 10},0,0,9.8,${i >= from && i < to ? label : ""}`);

describe("labels of an imported file", () => {
  it("are made non-overlapping, as the review editor edits them", () => {
    // Two devices whose labels overlap: b's "flick" starts inside a's "raise".
    const csv = ["recording,t_ms,ax,ay,az,label", ...deviceRows("a", "raise", 5, 10), ...deviceRows("b", "flick", 8, 14)].join("\n");
    const [session] = sessionsFromFile(new TextEncoder().encode(csv), "two.csv");
    expect(session!.labels.map((l) => [l.label, l.tStartMs - T0, l.tEndMs - T0])).toEqual([
      ["raise", 50, 100],
      ["flick", 100, 140],
    ]);
  });
});
