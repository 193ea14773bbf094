import { quatFromEulerZXY, quatFromRotationVector } from "../math/quat";
import { vecNormalize, vecSet, type Vec3 } from "../math/vec3";
import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { BUMP_PEAK_CURVATURE, BUMP_PEAK_SLOPE, profileBump } from "./profiles";
import type { Rng } from "./prng";
import { SmoothNoise } from "./smooth-noise";

const DEG = Math.PI / 180;
/** Keystrokes this long over are dropped; queries never step back further. */
const HISTORY_S = 0.1;

interface Keystroke {
  startS: number;
  widthS: number;
  depthM: number;
  directionUnit: Vec3;
  kickRad: Vec3;
}

/**
 * The jolt one keystroke sends up the forearm: a `profileBump` of the device into
 * the wrist like a tap on the watch, but softer and slower (0.3-1.5 m/s² over
 * 30-60 ms against a tap's 3.5-6 m/s² over 15-27 ms), with a smaller rock.
 */
function drawKeystroke(rng: Rng, startS: number): Keystroke {
  const widthS = rng.uniform(0.03, 0.06);
  const peakAccelMps2 = rng.uniform(0.3, 1.5);
  const kickRad = (rng.uniform(0.02, 0.12) * widthS) / BUMP_PEAK_SLOPE;
  const axisTilt = rng.uniform(-0.8, 0.8);
  return {
    startS,
    widthS,
    depthM: (peakAccelMps2 * widthS * widthS) / BUMP_PEAK_CURVATURE,
    directionUnit: vecNormalize([rng.uniform(-0.4, 0.4), rng.uniform(-0.4, 0.4), -1]),
    kickRad: [kickRad * Math.cos(axisTilt), kickRad * Math.sin(axisTilt), 0],
  };
}

/**
 * Keystroke times as people type: words of 2-8 keys 100-300 ms apart, a space-bar
 * pause of 0.2-0.6 s between words, and now and then a 1-4 s pause to think. Drawn
 * lazily in time order from one stream, so an endless run keeps constant memory.
 */
class KeystrokeSchedule {
  private readonly recent: Keystroke[] = [];
  private nextS: number;
  private keysLeftInWord = 0;

  constructor(
    private readonly rng: Rng,
    private readonly runEndS: number,
  ) {
    this.nextS = rng.uniform(0.1, 0.6);
  }

  /** Keystrokes that may touch tS (started at most HISTORY_S before it). */
  around(tS: number): readonly Keystroke[] {
    while (this.nextS <= tS && this.nextS < this.runEndS) {
      this.recent.push(drawKeystroke(this.rng, this.nextS));
      this.nextS += this.gapS();
    }
    while (this.recent.length > 0 && this.recent[0]!.startS + this.recent[0]!.widthS < tS - HISTORY_S) this.recent.shift();
    return this.recent;
  }

  private gapS(): number {
    if (this.keysLeftInWord > 0) {
      this.keysLeftInWord--;
      return this.rng.uniform(0.1, 0.3);
    }
    this.keysLeftInWord = 1 + Math.floor(this.rng.uniform(0, 7));
    return this.rng.next() < 0.15 ? this.rng.uniform(1, 4) : this.rng.uniform(0.2, 0.6);
  }
}

/**
 * Typing at a desk: the forearm rests nearly level, yawed in towards the keyboard's
 * middle and pronated, the hand drifting a centimetre or two as it reaches for keys.
 * What a watch sees is mostly the keystrokes' small jolts: a hard negative for
 * double-tap (pairs of keys 100-300 ms apart look like weak taps) and for anything
 * that keys on "the wrist is still".
 */
export function createTypingMotion(ctx: MotionContext): ArmMotion {
  const rng = ctx.rng("typing");
  const yawRad = rng.uniform(10, 30) * DEG;
  const pitchRad = rng.uniform(0, 10) * DEG;
  const twistRad = -rng.uniform(0, 15) * DEG;
  const reachM = rng.uniform(0.008, 0.02);
  const reachYawRad = rng.uniform(1, 4) * DEG;
  const reach = [0, 1, 2].map((i) => new SmoothNoise(ctx.rng(`typing/reach${i}`), rng.uniform(1.5, 3)));
  const keys = new KeystrokeSchedule(ctx.rng("typing/keys"), ctx.runEndS);
  const rock: Vec3 = [0, 0, 0];
  ctx.emitSegment("typing", 0, ctx.runEndS);

  return {
    armAt(tS, arm) {
      armReset(arm);
      vecSet(arm.elbowM, reachM * reach[0]!.value(tS), reachM * reach[1]!.value(tS), 0);
      quatFromEulerZXY(yawRad + reachYawRad * reach[2]!.value(tS), pitchRad, twistRad, arm.forearmQuat);
      for (const key of keys.around(tS)) {
        const b = profileBump((tS - key.startS) / key.widthS);
        if (b === 0) continue;
        const d = key.depthM * b;
        vecSet(arm.strapOffsetM, key.directionUnit[0] * d, key.directionUnit[1] * d, key.directionUnit[2] * d);
        vecSet(rock, key.kickRad[0] * b, key.kickRad[1] * b, key.kickRad[2] * b);
        quatFromRotationVector(rock, arm.strapQuat);
      }
    },
  };
}
