import { quatToDeviceOrientation, type DeviceOrientationDeg } from "../math/device-orientation";
import {
  quatConjugate,
  quatFromEulerZXY,
  quatMultiply,
  quatRotateVecInverse,
  quatToRotationVector,
  type Quat,
} from "../math/quat";
import type { Vec3 } from "../math/vec3";
import type { SampleTuple } from "../protocol/sample";
import { armCreate, armDevicePose, type ArmMotion, type ArmState } from "./arm";
import { IdleSway } from "./idle-sway";
import { createArmMotion } from "./motion-registry";
import type { MotionName } from "./motion-names";
import { rngStream, type Rng } from "./prng";

/** Standard gravity, m/s². */
export const GRAVITY_MPS2 = 9.80665;
/**
 * Half-step of the central differences that turn the pose trajectory into rotation rate
 * and acceleration: small against the shortest feature (a 12 ms tap), large enough that
 * rounding (~1e-8 m/s²) stays far below sensor noise.
 */
const PROBE_S = 2e-4;
const DEG = Math.PI / 180;
/** Segments kept for `takeSegments`: a live sim that never asks for them must not grow forever. */
const MAX_PENDING_SEGMENTS = 1000;
const GRAVITY_UP: Vec3 = [0, 0, GRAVITY_MPS2];

export interface MotionSegment {
  label: MotionName;
  startMs: number;
  /** Infinity for a continuous motion in an endless stream. */
  endMs: number;
}

export interface SimulatorSettings {
  motion: MotionName;
  rateHz: number;
  seed: number;
  startTimeMs: number;
  /** Run length, s; Infinity for an endless stream. */
  seconds: number;
}

/**
 * Turns an arm trajectory into what a phone reports, one sample at a time, with
 * everything random drawn from named seeded streams.
 *
 * Sensor model: readings are instantaneous values at the (jittered) sample time, with
 * white Gaussian noise, a constant gyro bias, and no anti-alias filtering, so events
 * shorter than the sample interval (taps at 50-60 Hz) are caught in 1-2 samples at
 * whatever phase they happen to have. `accel*` is the true linear acceleration plus the
 * same noise draw as `accelG*`, as browsers derive it from the same accelerometer.
 * Orientation angles are exact (no fusion error).
 */
export class MotionSimulator {
  readonly gyroBiasRadPerS: readonly [number, number, number];
  readonly accelNoiseMps2: number;
  readonly gyroNoiseRadPerS: number;
  /** Number of samples the run will produce (Infinity for an endless stream). */
  readonly sampleCount: number;

  private readonly motion: ArmMotion;
  private readonly sway: IdleSway;
  private readonly noise: Rng;
  private readonly jitter: Rng;
  private readonly intervalS: number;
  private readonly jitterS: number;
  private readonly headingQuat: Quat;
  private readonly mountQuat: Quat;
  private readonly segments: MotionSegment[] = [];
  private index = 0;
  private nextTimeS: number;

  private readonly arm: ArmState = armCreate();
  private readonly swayQuat: Quat = [1, 0, 0, 0];
  private readonly quatBefore: Quat = [1, 0, 0, 0];
  private readonly quatNow: Quat = [1, 0, 0, 0];
  private readonly quatAfter: Quat = [1, 0, 0, 0];
  private readonly quatScratch: Quat = [1, 0, 0, 0];
  private readonly posBefore: Vec3 = [0, 0, 0];
  private readonly posNow: Vec3 = [0, 0, 0];
  private readonly posAfter: Vec3 = [0, 0, 0];
  private readonly vecScratch: Vec3 = [0, 0, 0];
  private readonly rate: Vec3 = [0, 0, 0];
  private readonly linearDevice: Vec3 = [0, 0, 0];
  private readonly gravityDevice: Vec3 = [0, 0, 0];
  private readonly orientation: DeviceOrientationDeg = { alpha: 0, beta: 0, gamma: 0 };

  constructor(private readonly settings: SimulatorSettings) {
    const { seed, rateHz, startTimeMs, seconds } = settings;
    const rng = (name: string) => rngStream(seed, name);
    this.sampleCount = Number.isFinite(seconds) ? Math.floor(seconds * rateHz + 1e-9) : Infinity;
    this.intervalS = 1 / rateHz;
    // ±1.5 ms like a browser's event loop, but never enough to reorder samples.
    this.jitterS = Math.min(0.0015, 0.2 * this.intervalS);

    const sensor = rng("sensor");
    this.accelNoiseMps2 = sensor.uniform(0.02, 0.045);
    this.gyroNoiseRadPerS = sensor.uniform(0.004, 0.006);
    this.gyroBiasRadPerS = [0, 1, 2].map(() => sensor.sign() * sensor.uniform(0.002, 0.01)) as [number, number, number];
    // The user faces a random compass heading; the phone sits a few degrees off the forearm's axes.
    const pose = rng("pose");
    this.headingQuat = quatFromEulerZXY(pose.uniform(0, 360) * DEG, 0, 0);
    this.mountQuat = quatFromEulerZXY(0, pose.uniform(-6, 6) * DEG, pose.uniform(-6, 6) * DEG);

    this.noise = rng("noise");
    this.jitter = rng("jitter");
    this.sway = new IdleSway(rng);
    this.motion = createArmMotion(settings.motion, {
      rng,
      runEndS: seconds,
      emitSegment: (label, startS, endS) => {
        if (this.segments.length >= MAX_PENDING_SEGMENTS) this.segments.shift();
        this.segments.push({ label, startMs: startTimeMs + startS * 1000, endMs: startTimeMs + endS * 1000 });
      },
    });
    this.nextTimeS = this.drawTimeS();
  }

  get done(): boolean {
    return this.index >= this.sampleCount;
  }

  /** Phone-clock time of the next sample, epoch ms. */
  get nextTimeMs(): number {
    return this.settings.startTimeMs + this.nextTimeS * 1000;
  }

  /** The next sample; its device-to-world truth orientation goes to `truthOut` if given. */
  next(truthOut?: Quat): SampleTuple {
    if (this.done) throw new Error("MotionSimulator: the run is over");
    const tS = this.nextTimeS;
    this.poseAt(tS - PROBE_S, this.quatBefore, this.posBefore);
    this.poseAt(tS, this.quatNow, this.posNow);
    this.poseAt(tS + PROBE_S, this.quatAfter, this.posAfter);

    // Body-frame rate: the rotation from just before to just after, seen from the device.
    quatMultiply(quatConjugate(this.quatBefore, this.quatScratch), this.quatAfter, this.quatScratch);
    const rate = quatToRotationVector(this.quatScratch, this.rate);
    const k = 1 / (PROBE_S * PROBE_S);
    const a = this.vecScratch;
    for (let i = 0; i < 3; i++) {
      rate[i] = rate[i]! / (2 * PROBE_S);
      a[i] = (this.posAfter[i]! - 2 * this.posNow[i]! + this.posBefore[i]!) * k;
    }
    // Heading is a rotation about the vertical, so it cancels out of both device-frame vectors.
    const lin = quatRotateVecInverse(this.quatNow, a, this.linearDevice);
    const g = quatRotateVecInverse(this.quatNow, GRAVITY_UP, this.gravityDevice);
    const truth = quatMultiply(this.headingQuat, this.quatNow, truthOut ?? this.quatScratch);
    const o = quatToDeviceOrientation(truth, this.orientation);

    const sa = this.accelNoiseMps2;
    const sg = this.gyroNoiseRadPerS;
    const n0 = sa * this.noise.gaussian();
    const n1 = sa * this.noise.gaussian();
    const n2 = sa * this.noise.gaussian();
    const bias = this.gyroBiasRadPerS;
    const sample: SampleTuple = [
      this.settings.startTimeMs + tS * 1000,
      g[0] + lin[0] + n0,
      g[1] + lin[1] + n1,
      g[2] + lin[2] + n2,
      lin[0] + n0,
      lin[1] + n1,
      lin[2] + n2,
      rate[0] + bias[0] + sg * this.noise.gaussian(),
      rate[1] + bias[1] + sg * this.noise.gaussian(),
      rate[2] + bias[2] + sg * this.noise.gaussian(),
      o.alpha,
      o.beta,
      o.gamma,
    ];
    this.index++;
    this.nextTimeS = this.drawTimeS();
    return sample;
  }

  /** Labelled segments that start at or before `untilMs`, each returned once, in time order. */
  takeSegments(untilMs: number): MotionSegment[] {
    let n = 0;
    while (n < this.segments.length && this.segments[n]!.startMs <= untilMs) n++;
    return this.segments.splice(0, n);
  }

  private drawTimeS(): number {
    return (this.index + 1) * this.intervalS + this.jitter.uniform(-this.jitterS, this.jitterS);
  }

  /** Device pose in the body frame at tS: the motion's arm, swayed about the elbow. */
  private poseAt(tS: number, outQuat: Quat, outPosM: Vec3): void {
    this.motion.armAt(tS, this.arm);
    this.sway.rotationAt(tS, this.swayQuat);
    quatMultiply(this.arm.forearmQuat, this.swayQuat, this.arm.forearmQuat);
    armDevicePose(this.arm, this.mountQuat, outQuat, outPosM);
  }
}
