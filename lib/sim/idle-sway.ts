import { quatFromRotationVector, type Quat } from "../math/quat";
import type { Vec3 } from "../math/vec3";
import type { RngFactory } from "./prng";
import { SmoothNoise } from "./smooth-noise";

const DEG = Math.PI / 180;
/** Posture drift: a resting forearm wanders about a degree over a second or two. */
const DRIFT_KNOT_SPACING_S = 1.5;
const DRIFT_AMPLITUDE_RAD: Vec3 = [1.0 * DEG, 0.5 * DEG, 1.0 * DEG];
/**
 * Physiological tremor, 8-12 Hz. Mostly a hand (wrist joint) phenomenon, so what reaches
 * a watch on the forearm is tiny: 2e-5 rad about the elbow gives ~0.02 m/s² at the wrist,
 * at the level of accelerometer noise, and a gyro signal below its noise.
 */
const TREMOR_AMPLITUDE_RAD = 2e-5;
const TREMOR_KNOT_SPACING_S = 0.3;

/** Small involuntary rotations of the forearm about the elbow, present under every motion. */
export class IdleSway {
  private readonly drift: SmoothNoise[];
  private readonly tremorPhase: SmoothNoise[];
  private readonly tremorGain: SmoothNoise;
  private readonly tremorHz: number;
  private readonly rotationRad: Vec3 = [0, 0, 0];

  constructor(rng: RngFactory) {
    this.drift = [0, 1, 2].map((i) => new SmoothNoise(rng(`sway/drift${i}`), DRIFT_KNOT_SPACING_S));
    this.tremorPhase = [0, 1, 2].map((i) => new SmoothNoise(rng(`sway/tremor-phase${i}`), TREMOR_KNOT_SPACING_S));
    this.tremorGain = new SmoothNoise(rng("sway/tremor-gain"), TREMOR_KNOT_SPACING_S);
    this.tremorHz = rng("sway").uniform(8, 12);
  }

  /** Rotation of the forearm frame, to be applied after (to the right of) the motion's own. */
  rotationAt(tS: number, out: Quat): Quat {
    const gain = TREMOR_AMPLITUDE_RAD * Math.exp(0.3 * this.tremorGain.value(tS));
    const base = 2 * Math.PI * this.tremorHz * tS;
    for (let axis = 0; axis < 3; axis++) {
      const drift = this.drift[axis]!.value(tS) * DRIFT_AMPLITUDE_RAD[axis]!;
      const tremor = gain * Math.sin(base + 2 * axis + 2 * this.tremorPhase[axis]!.value(tS));
      this.rotationRad[axis] = drift + tremor;
    }
    return quatFromRotationVector(this.rotationRad, out);
  }
}
