import { describe, expect, it } from "vitest";
import { quatFromDeviceOrientation, quatToDeviceOrientation } from "@/lib/math/device-orientation";
import { quatAngleBetween, quatFromAxisAngle, quatMultiply, quatNormalize, quatRotateVecInverse, type Quat } from "@/lib/math/quat";
import { rngStream } from "@/lib/sim/prng";

const DEG = Math.PI / 180;
const about = (axis: "x" | "y" | "z", deg: number): Quat =>
  quatFromAxisAngle(axis === "x" ? [1, 0, 0] : axis === "y" ? [0, 1, 0] : [0, 0, 1], deg * DEG);

function expectAngles(q: Quat, alpha: number, beta: number, gamma: number) {
  const o = quatToDeviceOrientation(q);
  expect(o.alpha).toBeCloseTo(alpha, 9);
  expect(o.beta).toBeCloseTo(beta, 9);
  expect(o.gamma).toBeCloseTo(gamma, 9);
}

describe("W3C DeviceOrientation angles from a device-to-earth quaternion", () => {
  it("gives zeros for a device flat, screen up, top edge north", () => {
    expectAngles([1, 0, 0, 0], 0, 0, 0);
  });

  it("reads single-axis rotations: alpha about z, beta about x, gamma about y", () => {
    expectAngles(about("z", 45), 45, 0, 0);
    expectAngles(about("z", -90), 270, 0, 0);
    expectAngles(about("x", 30), 0, 30, 0);
    expectAngles(about("x", -45), 0, -45, 0);
    expectAngles(about("y", 30), 0, 0, 30);
    expectAngles(about("y", -60), 0, 0, -60);
  });

  it("reports a device standing upright (tilted 90° about x) as beta = 90", () => {
    expectAngles(about("x", 90), 0, 90, 0);
    expectAngles(about("x", -90), 0, -90, 0);
    // At the gimbal lock, a turn about the vertical shows up in alpha.
    expectAngles(quatMultiply(about("z", 30), about("x", 90)), 30, 90, 0);
  });

  it("keeps gamma in [-90, 90) by moving beyond-90° tilts into beta and alpha", () => {
    // Screen down: beta is at the edge of its range, [-180, 180).
    expectAngles(about("x", 180), 0, -180, 0);
    // 120° about y is the same rotation as alpha 180, beta -180, gamma -60.
    const o = quatToDeviceOrientation(about("y", 120));
    expect(o.gamma).toBeCloseTo(-60, 9);
    expect(Math.abs(o.beta)).toBeCloseTo(180, 9);
    expect(quatAngleBetween(quatFromDeviceOrientation(o.alpha, o.beta, o.gamma), about("y", 120))).toBeLessThan(1e-9);
  });

  it("round-trips any rotation, within the W3C ranges", () => {
    const rng = rngStream(7, "device-orientation-test");
    for (let n = 0; n < 2000; n++) {
      const q = quatNormalize([rng.gaussian(), rng.gaussian(), rng.gaussian(), rng.gaussian()]);
      const o = quatToDeviceOrientation(q);
      expect(o.alpha).toBeGreaterThanOrEqual(0);
      expect(o.alpha).toBeLessThan(360);
      expect(o.beta).toBeGreaterThanOrEqual(-180);
      expect(o.beta).toBeLessThan(180);
      expect(o.gamma).toBeGreaterThanOrEqual(-90);
      expect(o.gamma).toBeLessThan(90);
      expect(quatAngleBetween(quatFromDeviceOrientation(o.alpha, o.beta, o.gamma), q)).toBeLessThan(1e-9);
    }
  });

  it("agrees with the gravity a resting device reports: R^T·up = (−cosβ sinγ, sinβ, cosβ cosγ)", () => {
    for (const [a, b, g] of [
      [10, 20, 30],
      [200, -70, -45],
      [0, 150, 80],
    ] as const) {
      const up = quatRotateVecInverse(quatFromDeviceOrientation(a, b, g), [0, 0, 1]);
      expect(up[0]).toBeCloseTo(-Math.cos(b * DEG) * Math.sin(g * DEG), 12);
      expect(up[1]).toBeCloseTo(Math.sin(b * DEG), 12);
      expect(up[2]).toBeCloseTo(Math.cos(b * DEG) * Math.cos(g * DEG), 12);
    }
  });
});
