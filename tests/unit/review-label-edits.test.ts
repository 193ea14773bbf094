import { describe, expect, it } from "vitest";
import type { LabelSpan } from "@/lib/protocol/recordings";
import {
  LABEL_MIN_MS,
  labelCreate,
  labelIndexAt,
  labelMove,
  labelRelabel,
  labelRemove,
  labelResizeEdge,
  labelSplit,
  labelsNormalize,
  trimClamp,
} from "@/lib/review/label-edits";

const span = (label: string, tStartMs: number, tEndMs: number): LabelSpan => ({ label, tStartMs, tEndMs });
/** Three spans with gaps: [1000,2000) raise, [3000,4000) flick, [5000,6000) raise. */
const base = (): LabelSpan[] => [span("raise", 1000, 2000), span("flick", 3000, 4000), span("raise", 5000, 6000)];

/** The invariants every edit must keep. */
function expectValid(spans: LabelSpan[]) {
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    expect(s.tEndMs).toBeGreaterThan(s.tStartMs);
    expect(s.tStartMs).toBeGreaterThan(0);
    if (i > 0) expect(s.tStartMs).toBeGreaterThanOrEqual(spans[i - 1]!.tEndMs);
  }
}

describe("label edits", () => {
  it("finds the span at a time, start inclusive and end exclusive", () => {
    const s = base();
    expect(labelIndexAt(s, 1000)).toBe(0);
    expect(labelIndexAt(s, 1999)).toBe(0);
    expect(labelIndexAt(s, 2000)).toBe(-1);
    expect(labelIndexAt(s, 3500)).toBe(1);
    expect(labelIndexAt(s, 5999)).toBe(2);
    expect(labelIndexAt(s, 7000)).toBe(-1);
    expect(labelIndexAt([], 7000)).toBe(-1);
  });

  it("creates a span in a gap, in order, either drag direction", () => {
    const s = base();
    const right = labelCreate(s, "tap", 2200, 2800);
    expect(right).toEqual([s[0], span("tap", 2200, 2800), s[1], s[2]]);
    expect(labelCreate(s, "tap", 2800, 2200)).toEqual(right);
    expect(s).toEqual(base());
    expectValid(right);
  });

  it("cuts a new span to the gap it was started in, never eating a neighbour", () => {
    const s = base();
    expect(labelCreate(s, "tap", 2500, 9000)[1]).toEqual(span("tap", 2500, 3000));
    expect(labelCreate(s, "tap", 2500, 100)[1]).toEqual(span("tap", 2000, 2500));
    expect(labelCreate(s, "tap", 6500, 9000).at(-1)).toEqual(span("tap", 6500, 9000));
    expect(labelCreate(s, "tap", 500, 100)[0]).toEqual(span("tap", 100, 500));
  });

  it("creates nothing from inside a span or for a drag shorter than the minimum", () => {
    const s = base();
    expect(labelCreate(s, "tap", 1500, 2500)).toEqual(s);
    expect(labelCreate(s, "tap", 2500, 2500 + LABEL_MIN_MS - 1)).toEqual(s);
    expect(labelCreate(s, "tap", 2990, 3500)).toEqual(s);
  });

  it("resizes an edge, clamped by neighbours and the minimum length", () => {
    const s = base();
    expect(labelResizeEdge(s, 1, "start", 2500)[1]).toEqual(span("flick", 2500, 4000));
    expect(labelResizeEdge(s, 1, "start", 1500)[1]).toEqual(span("flick", 2000, 4000));
    expect(labelResizeEdge(s, 1, "start", 4500)[1]).toEqual(span("flick", 4000 - LABEL_MIN_MS, 4000));
    expect(labelResizeEdge(s, 1, "end", 9000)[1]).toEqual(span("flick", 3000, 5000));
    expect(labelResizeEdge(s, 1, "end", 2000)[1]).toEqual(span("flick", 3000, 3000 + LABEL_MIN_MS));
    expect(labelResizeEdge(s, 2, "end", 9000)[2]).toEqual(span("raise", 5000, 9000));
    expect(labelResizeEdge(s, 1, "end", 3500, 800)[1]).toEqual(span("flick", 3000, 3800));
    for (const t of [-1e9, 0, 1999, 3000, 4001, 1e9]) for (const i of [0, 1, 2]) for (const e of ["start", "end"] as const) expectValid(labelResizeEdge(s, i, e, t));
  });

  it("leaves the spans alone for a bad index or time", () => {
    const s = base();
    expect(labelResizeEdge(s, 7, "start", 10)).toEqual(s);
    expect(labelResizeEdge(s, 0, "start", NaN)).toEqual(s);
    expect(labelMove(s, -1, 10)).toEqual(s);
    expect(labelRelabel(s, 3, "x")).toEqual(s);
    expect(labelRemove(s, 3)).toEqual(s);
    expect(labelSplit(s, 3, 10)).toEqual(s);
  });

  it("moves a span without changing its length, stopping at neighbours", () => {
    const s = base();
    expect(labelMove(s, 1, 300)[1]).toEqual(span("flick", 3300, 4300));
    expect(labelMove(s, 1, 5000)[1]).toEqual(span("flick", 4000, 5000));
    expect(labelMove(s, 1, -5000)[1]).toEqual(span("flick", 2000, 3000));
    expectValid(labelMove(s, 0, -5000));
  });

  it("relabels one span only", () => {
    const out = labelRelabel(base(), 2, "tap");
    expect(out.map((x) => x.label)).toEqual(["raise", "flick", "tap"]);
    expect(out[2]).toEqual(span("tap", 5000, 6000));
  });

  it("splits a span in two with the same label, unless a half would be too short", () => {
    const s = base();
    expect(labelSplit(s, 1, 3400)).toEqual([s[0], span("flick", 3000, 3400), span("flick", 3400, 4000), s[2]]);
    expect(labelSplit(s, 1, 3000 + LABEL_MIN_MS / 2)).toEqual(s);
    expect(labelSplit(s, 1, 4500)).toEqual(s);
  });

  it("removes a span", () => {
    expect(labelRemove(base(), 1)).toEqual([span("raise", 1000, 2000), span("raise", 5000, 6000)]);
  });

  it("normalises spans from elsewhere: sorted, overlaps cut, empty ones dropped", () => {
    const out = labelsNormalize([span("b", 3000, 4000), span("a", 1000, 3500), span("c", 3100, 3900), span("d", 5000, 5000)]);
    expect(out).toEqual([span("a", 1000, 3500), span("b", 3500, 4000)]);
    expectValid(out);
  });

  it("clamps a trim to the recording, dropping one that trims nothing", () => {
    const bounds = { startMs: 1000, endMs: 9000 };
    expect(trimClamp({ startMs: 2000, endMs: 5000 }, bounds)).toEqual({ startMs: 2000, endMs: 5000 });
    expect(trimClamp({ startMs: 500, endMs: 5000 }, bounds)).toEqual({ startMs: 1000, endMs: 5000 });
    expect(trimClamp({ startMs: 0.5, endMs: 1e6 }, bounds)).toBeNull();
    expect(trimClamp({ startMs: 9500, endMs: 9900 }, bounds)).toBeNull();
    expect(trimClamp({ startMs: 2000, endMs: 2005 }, bounds)).toBeNull();
    expect(trimClamp(null, bounds)).toBeNull();
  });
});
