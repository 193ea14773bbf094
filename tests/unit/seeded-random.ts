import { rngStream } from "@/lib/sim/prng";

/** Uniform [0, 1) numbers for property tests, from the simulator's seeded generator. */
export function prng(seed: number): () => number {
  const rng = rngStream(seed, "unit-test");
  return () => rng.next();
}
