import { describe, expect, it } from "vitest";
import { eventAgreement } from "@/lib/models/agreement";
import type { InteractionEvent } from "@/lib/models/detector";
import type { Interaction } from "@/lib/models/manifest";

function ev(tStartMs: number, tEndMs: number, interaction: Interaction = "double-tap"): InteractionEvent {
  return { interaction, label: "tap", confidence: 0.9, tStartMs, tEndMs, detectedAtMs: tEndMs, detectorId: "x", deviceId: "d" };
}

describe("eventAgreement", () => {
  it("is NaN for two empty lists and 0 when only one side has events", () => {
    const none = eventAgreement([], []);
    expect(none).toMatchObject({ matched: 0, onlyA: 0, onlyB: 0, pairs: [] });
    expect(none.agreement).toBeNaN();
    expect(eventAgreement([ev(0, 100)], [])).toMatchObject({ matched: 0, onlyA: 1, onlyB: 0, agreement: 0 });
    expect(eventAgreement([], [ev(0, 100), ev(5000, 5100)])).toMatchObject({ onlyA: 0, onlyB: 2, agreement: 0 });
  });

  it("matches overlapping events of the same interaction and counts the rest", () => {
    const a = [ev(0, 500), ev(3000, 3400), ev(9000, 9200)];
    const b = [ev(300, 800), ev(3350, 3600), ev(6000, 6100)];
    expect(eventAgreement(a, b)).toEqual({
      matched: 2,
      onlyA: 1,
      onlyB: 1,
      agreement: 2 / 4,
      pairs: [
        [0, 0],
        [1, 1],
      ],
    });
  });

  it("matches events up to toleranceMs apart and no further", () => {
    const a = [ev(0, 100)];
    expect(eventAgreement(a, [ev(600, 700)]).matched).toBe(1);
    expect(eventAgreement(a, [ev(601, 700)]).matched).toBe(0);
    expect(eventAgreement(a, [ev(601, 700)], { toleranceMs: 501 }).matched).toBe(1);
    expect(eventAgreement([ev(1000, 1100)], [ev(300, 400)], { toleranceMs: 600 }).matched).toBe(1);
    expect(eventAgreement([ev(1000, 1100)], [ev(300, 400)], { toleranceMs: 599 }).matched).toBe(0);
  });

  it("never matches different interactions", () => {
    expect(eventAgreement([ev(0, 100, "flick")], [ev(0, 100, "double-tap")])).toMatchObject({ matched: 0, onlyA: 1, onlyB: 1 });
  });

  it("pairs one to one: two reports of one motion leave one unmatched", () => {
    const r = eventAgreement([ev(0, 100), ev(150, 250)], [ev(50, 200)]);
    expect(r).toMatchObject({ matched: 1, onlyA: 1, onlyB: 0, agreement: 0.5 });
  });

  it("pairs in time order whatever the input order, reporting original indices", () => {
    const a = [ev(5000, 5100), ev(0, 100), ev(2000, 2100, "flick")];
    const b = [ev(2050, 2150, "flick"), ev(4900, 5000), ev(20, 90)];
    const r = eventAgreement(a, b, { toleranceMs: 0 });
    expect(r.pairs).toEqual([
      [1, 2],
      [2, 0],
      [0, 1],
    ]);
    expect(r.agreement).toBe(1);
  });

  it("rejects a negative tolerance", () => {
    expect(() => eventAgreement([], [], { toleranceMs: -1 })).toThrow(RangeError);
  });
});
