import { describe, expect, it } from "vitest";
import {
  quatAngleBetween,
  quatConjugate,
  quatFromAxisAngle,
  quatFromEulerZXY,
  quatFromRotationVector,
  quatIdentity,
  quatMultiply,
  quatNormalize,
  quatRotateVec,
  quatRotateVecInverse,
  quatSlerp,
  quatToRotationVector,
  type Quat,
} from "@/lib/math/quat";
import { vecAngle, vecCross, vecNorm, vecNormalize, type Vec3 } from "@/lib/math/vec3";
import { rngStream } from "@/lib/sim/prng";

const X: Vec3 = [1, 0, 0];
const Y: Vec3 = [0, 1, 0];
const Z: Vec3 = [0, 0, 1];
const rng = rngStream(42, "math-quat-test");

function randomQuat(): Quat {
  return quatNormalize([rng.gaussian(), rng.gaussian(), rng.gaussian(), rng.gaussian()]);
}
function randomVec(): Vec3 {
  return [rng.gaussian(), rng.gaussian(), rng.gaussian()];
}
function expectVecClose(a: readonly number[], b: readonly number[], eps = 1e-12) {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(eps));
}

describe("quaternion conventions (Hamilton, w first, active)", () => {
  it("rotates by the right-hand rule", () => {
    expectVecClose(quatRotateVec(quatFromAxisAngle(Z, Math.PI / 2), X), Y);
    expectVecClose(quatRotateVec(quatFromAxisAngle(X, Math.PI / 2), Y), Z);
    expectVecClose(quatRotateVec(quatFromAxisAngle(Y, Math.PI / 2), Z), X);
  });

  it("follows Hamilton's i·j = k with w first", () => {
    expectVecClose(quatMultiply([0, 1, 0, 0], [0, 0, 1, 0]), [0, 0, 0, 1]);
    expectVecClose(quatMultiply([0, 0, 1, 0], [0, 1, 0, 0]), [0, 0, 0, -1]);
  });

  it("composes right to left: (a ⊗ b) v = a (b v)", () => {
    for (let n = 0; n < 50; n++) {
      const a = randomQuat();
      const b = randomQuat();
      const v = randomVec();
      expectVecClose(quatRotateVec(quatMultiply(a, b), v), quatRotateVec(a, quatRotateVec(b, v)));
    }
  });

  it("is associative, and the conjugate undoes a rotation", () => {
    for (let n = 0; n < 50; n++) {
      const [a, b, c] = [randomQuat(), randomQuat(), randomQuat()];
      expectVecClose(quatMultiply(quatMultiply(a, b), c), quatMultiply(a, quatMultiply(b, c)));
      expectVecClose(quatMultiply(a, quatConjugate(a)), quatIdentity());
      const v = randomVec();
      expectVecClose(quatRotateVecInverse(a, quatRotateVec(a, v)), v);
      expectVecClose(quatRotateVecInverse(a, v), quatRotateVec(quatConjugate(a), v));
    }
  });

  it("preserves length and allows out to alias an input", () => {
    const a = randomQuat();
    const b = randomQuat();
    const expected = quatMultiply(a, b);
    const aliased: Quat = [...a];
    quatMultiply(aliased, b, aliased);
    expect(aliased).toEqual(expected);
    const v = randomVec();
    const rotated = quatRotateVec(a, v);
    expect(Math.abs(vecNorm(rotated) - vecNorm(v))).toBeLessThan(1e-12);
    quatRotateVec(a, v, v);
    expect(v).toEqual(rotated);
  });

  it("builds Euler Z-X'-Y'' rotations as Rz · Rx · Ry", () => {
    for (let n = 0; n < 50; n++) {
      const [z, x, y] = [rng.uniform(-4, 4), rng.uniform(-4, 4), rng.uniform(-4, 4)];
      const expected = quatMultiply(quatMultiply(quatFromAxisAngle(Z, z), quatFromAxisAngle(X, x)), quatFromAxisAngle(Y, y));
      expectVecClose(quatFromEulerZXY(z, x, y), expected);
    }
  });
});

describe("exponential and logarithmic maps", () => {
  it("round-trips rotation vectors, including tiny and near-π angles", () => {
    for (const angle of [0, 1e-12, 1e-7, 1e-3, 0.5, 2, Math.PI - 1e-6]) {
      const axis = vecNormalize(randomVec());
      const v: Vec3 = [axis[0] * angle, axis[1] * angle, axis[2] * angle];
      const q = quatFromRotationVector(v);
      expect(Math.abs(Math.hypot(...q) - 1)).toBeLessThan(1e-15);
      expectVecClose(q, quatFromAxisAngle(axis, angle));
      expectVecClose(quatToRotationVector(q), v, 1e-9 * Math.max(1, angle));
    }
  });

  it("takes the short way round for either sign of q", () => {
    const q = quatFromAxisAngle(Z, 0.3);
    const minus: Quat = [-q[0], -q[1], -q[2], -q[3]];
    expectVecClose(quatToRotationVector(minus), [0, 0, 0.3]);
    expectVecClose(quatToRotationVector(quatFromAxisAngle(Z, 2 * Math.PI - 0.3)), [0, 0, -0.3]);
  });

  it("integrates a constant body rate: q(t) = q0 ⊗ exp(ω t)", () => {
    const q0 = randomQuat();
    const omega: Vec3 = [0.4, -1.1, 0.7];
    let q = q0;
    for (let i = 0; i < 1000; i++) q = quatMultiply(q, quatFromRotationVector([omega[0] * 1e-3, omega[1] * 1e-3, omega[2] * 1e-3]));
    const exact = quatMultiply(q0, quatFromRotationVector(omega));
    expect(quatAngleBetween(q, exact)).toBeLessThan(1e-12);
  });
});

describe("quatSlerp, quatAngleBetween, quatNormalize", () => {
  it("interpolates at constant angular speed along the shorter arc", () => {
    const a = randomQuat();
    const b = quatMultiply(a, quatFromAxisAngle(vecNormalize(randomVec()), 2));
    expect(quatAngleBetween(a, b)).toBeCloseTo(2, 12);
    expectVecClose(quatSlerp(a, b, 0), a);
    expectVecClose(quatSlerp(a, b, 1), b);
    for (const t of [0.1, 0.25, 0.5, 0.9]) {
      expect(quatAngleBetween(a, quatSlerp(a, b, t))).toBeCloseTo(2 * t, 12);
    }
    const minusB: Quat = [-b[0], -b[1], -b[2], -b[3]];
    expect(quatAngleBetween(a, quatSlerp(a, minusB, 0.5))).toBeCloseTo(1, 12);
    expect(quatAngleBetween(a, quatSlerp(a, a, 0.5))).toBeLessThan(1e-7);
  });

  it("treats q and −q as the same rotation", () => {
    const q = randomQuat();
    expect(quatAngleBetween(q, [-q[0], -q[1], -q[2], -q[3]])).toBeLessThan(1e-7);
    expect(quatAngleBetween(quatIdentity(), quatFromAxisAngle(X, 3))).toBeCloseTo(3, 12);
  });

  it("normalises, and maps the zero quaternion to the identity instead of NaN", () => {
    expect(quatNormalize([2, 0, 0, 0])).toEqual([1, 0, 0, 0]);
    expect(quatNormalize([0, 0, 0, 0])).toEqual([1, 0, 0, 0]);
    expect(Math.hypot(...quatNormalize([1, 2, 3, 4]))).toBeCloseTo(1, 15);
  });
});

describe("vec3", () => {
  it("cross follows the right-hand rule and angles are exact near 0 and π", () => {
    expect(vecCross(X, Y)).toEqual(Z);
    expect(vecAngle(X, [1, 1e-9, 0])).toBeCloseTo(1e-9, 20);
    expect(vecAngle(X, [-1, 0, 0])).toBeCloseTo(Math.PI, 15);
    expect(vecNormalize([0, 0, 0])).toEqual([0, 0, 0]);
  });
});
