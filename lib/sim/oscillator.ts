import type { RngFactory } from "./prng";
import { SmoothNoise } from "./smooth-noise";

/**
 * A rhythm the way people make it: a base frequency whose phase wanders and whose
 * strength breathes. Both wander as smooth noise, so the result stays C2 and the
 * instantaneous frequency is hz + phaseWanderRad · noise'(t) / 2π.
 */
export class WanderingOscillator {
  private readonly phaseNoise: SmoothNoise;
  private readonly gainNoise: SmoothNoise;

  /**
   * @param hz mean frequency
   * @param phaseWanderRad standard deviation of the phase wander, rad
   * @param gainWander standard deviation of the log gain (0.2 ≈ ±20 %)
   * @param knotSpacingS time scale of the wander; a few periods keeps the frequency well away from 0
   */
  constructor(
    rng: RngFactory,
    name: string,
    readonly hz: number,
    private readonly phaseWanderRad: number,
    private readonly gainWander: number,
    knotSpacingS: number,
  ) {
    this.phaseNoise = new SmoothNoise(rng(`${name}/phase`), knotSpacingS);
    this.gainNoise = new SmoothNoise(rng(`${name}/gain`), knotSpacingS);
  }

  /** Phase at tS, rad (unbounded, increasing on average at 2π·hz per second). */
  phaseAt(tS: number): number {
    return 2 * Math.PI * this.hz * tS + this.phaseWanderRad * this.phaseNoise.value(tS);
  }

  /** Positive multiplicative gain around 1. */
  gainAt(tS: number): number {
    return Math.exp(this.gainWander * this.gainNoise.value(tS));
  }
}
