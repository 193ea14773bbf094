import { describe, expect, it } from "vitest";
import type { RecordedMark } from "@/lib/protocol/recordings";
import { markTitle } from "@/lib/review/mark-text";

const mark = (m: Partial<RecordedMark>): RecordedMark => ({ tMs: 1, kind: "success", note: null, trial: null, ...m });

describe("review mark text", () => {
  it("names the kind and the trial", () => {
    expect(markTitle(mark({ kind: "miss", trial: 3 }))).toBe("Miss · trial 3");
    expect(markTitle(mark({ kind: "false-trigger" }))).toBe("False trigger");
  });

  it("says a note's own text", () => {
    expect(markTitle(mark({ kind: "note", note: "Looked at the phone", trial: 2 }))).toBe("Looked at the phone · trial 2");
    expect(markTitle(mark({ kind: "note", note: "  " }))).toBe("Note");
  });

  it("keeps a note given with another kind", () => {
    expect(markTitle(mark({ kind: "success", note: "second try", trial: 1 }))).toBe("Success · trial 1 · second try");
  });
});
