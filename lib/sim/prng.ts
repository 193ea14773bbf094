/**
 * Seeded randomness for the simulator. Written here rather than taken from a library
 * because the exact algorithm is part of the output: a recording made with seed 7 must
 * come out bit-identical after any dependency upgrade, and sfc32 is a dozen lines.
 *
 * Each part of the simulation draws from its own named stream ({@link rngStream}), so
 * that e.g. changing the sample rate (more jitter and noise draws) leaves the motion
 * itself unchanged for the same seed.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal (mean 0, standard deviation 1). */
  gaussian(): number;
  /** −1 or +1 with equal probability. */
  sign(): number;
}

/** Hands out independent named streams; see {@link rngStream}. */
export type RngFactory = (name: string) => Rng;

/** 32-bit FNV-1a, to turn a stream name into seed material. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 finaliser: spreads correlated seeds (1, 2, 3...) over the whole state space. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * An independent generator for the stream `name` under `seed` (any safe integer; its
 * low and high 32 bits both count). sfc32 (Chris Doty-Humphrey's PractRand "small fast
 * chaotic"): 128-bit state, passes PractRand, no multiplications in the step.
 */
export function rngStream(seed: number, name: string): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x1_0000_0000) >>> 0;
  let a = mix32(lo ^ hashString(name));
  let b = mix32(a ^ hi);
  let c = mix32(b);
  let d = 1;
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  };
  // The first outputs still echo the seeding; discard them as the reference code does.
  for (let i = 0; i < 15; i++) step();
  let spareGaussian: number | null = null;
  return {
    next: step,
    uniform: (min, max) => min + (max - min) * step(),
    gaussian: () => {
      if (spareGaussian !== null) {
        const g = spareGaussian;
        spareGaussian = null;
        return g;
      }
      // Box-Muller: two normals per two uniforms; 1 − u keeps the logarithm finite.
      const r = Math.sqrt(-2 * Math.log(1 - step()));
      const phi = 2 * Math.PI * step();
      spareGaussian = r * Math.sin(phi);
      return r * Math.cos(phi);
    },
    sign: () => (step() < 0.5 ? -1 : 1),
  };
}
