import { describe, expect, it } from "vitest";
import { BandSpectrum } from "@/lib/models/heuristics/band-power";
import { FOREARM_AXIS_DEVICE, forearmTilt, type ForearmTilt } from "@/lib/models/heuristics/forearm-tilt";
import { rampDown, rampUp } from "@/lib/models/heuristics/fuzzy";
import { burstsFind } from "@/lib/models/heuristics/window-signals";
import { prng } from "./seeded-random";

const G = 9.80665;
const DEG = Math.PI / 180;

describe("soft thresholds", () => {
  it("are ½ at the threshold, 0 and 1 half a width either side, monotonic in between", () => {
    expect(rampUp(5, 5, 2)).toBe(0.5);
    expect(rampUp(4, 5, 2)).toBe(0);
    expect(rampUp(6, 5, 2)).toBe(1);
    expect(rampDown(5, 5, 2)).toBe(0.5);
    expect(rampDown(3, 5, 2)).toBe(1);
    let prev = -1;
    for (let x = 3.5; x <= 6.5; x += 0.05) {
      const v = rampUp(x, 5, 2);
      expect(v).toBeGreaterThanOrEqual(prev);
      expect(rampUp(x, 5, 2) + rampDown(x, 5, 2)).toBeCloseTo(1, 12);
      prev = v;
    }
  });

  it("give no evidence for missing data, and handle unbounded values", () => {
    expect(rampUp(NaN, 1, 1)).toBe(0);
    expect(rampDown(NaN, 1, 1)).toBe(0);
    expect(rampUp(Infinity, 1, 1)).toBe(1);
    expect(rampDown(Infinity, 1, 1)).toBe(0);
    expect(rampDown(-Infinity, 1, 1)).toBe(1);
  });
});

describe("forearm tilt from gravity (phone strapped like a watch)", () => {
  const tilt = (gx: number, gy: number, gz: number): ForearmTilt => forearmTilt(gx, gy, gz, { elevationDeg: 0, sideTiltDeg: 0, faceUpDeg: 0 });

  it("the forearm is the phone's y axis and the watch face its screen", () => {
    expect(FOREARM_AXIS_DEVICE[0]).toBeCloseTo(0, 12);
    expect(FOREARM_AXIS_DEVICE[1]).toBeCloseTo(1, 12);
    expect(FOREARM_AXIS_DEVICE[2]).toBeCloseTo(0, 12);
    const flat = tilt(0, 0, G);
    expect(flat.elevationDeg).toBeCloseTo(0, 9);
    expect(flat.faceUpDeg).toBeCloseTo(90, 9);
    expect(flat.sideTiltDeg).toBeCloseTo(0, 9);
  });

  it("reads the forearm's elevation and the face's lean as a spirit level would, whatever |g|", () => {
    for (const e of [-70, -20, 0, 35, 60, 85]) {
      // Forearm raised by e, face toward the wearer: up lies between the forearm and the face normal.
      const t = tilt(0, 1.3 * G * Math.sin(e * DEG), 1.3 * G * Math.cos(e * DEG));
      expect(t.elevationDeg).toBeCloseTo(e, 6);
      expect(t.faceUpDeg).toBeCloseTo(90 - Math.abs(e), 6);
      expect(t.sideTiltDeg).toBeCloseTo(0, 6);
    }
    // Raised 45°, then turned a quarter about the forearm: the face looks sideways and the wrist's cross axis tilts by 45°.
    const sideways = tilt(G * Math.cos(45 * DEG), G * Math.sin(45 * DEG), 0);
    expect(Math.abs(sideways.sideTiltDeg)).toBeCloseTo(45, 6);
    expect(sideways.faceUpDeg).toBeCloseTo(0, 6);
    // Face toward the floor (palm up).
    expect(tilt(0, 0, -G).faceUpDeg).toBeCloseTo(-90, 9);
  });
});

describe("bursts", () => {
  it("groups rows at or above the floor, merging runs separated by short dips", () => {
    const s = [0, 3, 5, 0, 4, 0, 0, 0, 0, 2, 0, 1];
    expect(burstsFind(s, 2, 1)).toEqual([
      { start: 1, end: 4, peakIndex: 2, peak: 5 },
      { start: 9, end: 9, peakIndex: 9, peak: 2 },
    ]);
    expect(burstsFind(s, 2, 0).map((b) => b.start)).toEqual([1, 4, 9]);
    expect(burstsFind(s, 2, 1, 3, 9)).toEqual([{ start: 4, end: 4, peakIndex: 4, peak: 4 }]);
    expect(burstsFind([NaN, 1, NaN], 0.5, 0)).toEqual([{ start: 1, end: 1, peakIndex: 1, peak: 1 }]);
  });
});

describe("band spectrum", () => {
  it("puts a tone's power in its band, whatever its phase, axis or offset", () => {
    const rand = prng(3);
    const sp = new BandSpectrum(128, 50, 0.5, 12);
    for (let k = 0; k < 10; k++) {
      const hz = 1 + rand() * 8;
      const phase = rand() * 2 * Math.PI;
      const axis = Math.floor(rand() * 3);
      const w = new Float32Array(128 * 3);
      for (let i = 0; i < 128; i++) {
        w[i * 3] = 9.8;
        w[i * 3 + axis] = w[i * 3 + axis]! + 2 * Math.sin(2 * Math.PI * hz * (i / 50) + phase);
      }
      sp.compute(w, 3, 0, 3);
      const total = sp.bandPower(0.5, 12);
      expect(sp.bandPower(hz - 0.8, hz + 0.8) / total).toBeGreaterThan(0.97);
    }
  });

  it("sees no movement in a constant signal", () => {
    const sp = new BandSpectrum(64, 50, 0.5, 12);
    sp.compute(new Float32Array(64).fill(9.81), 1, 0, 1);
    expect(sp.bandPower(0, 25)).toBeLessThan(1e-9);
  });
});
