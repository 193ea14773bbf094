import type { Platform } from "../protocol/schemas";
import type { SampleTuple } from "../protocol/sample";
import { SensorLoggerFrameDetector, type SensorLoggerFrames } from "./sensor-logger-frames";
import type { SensorLoggerOrientationReading, SensorLoggerReading, SensorLoggerVec3Reading, SensorLoggerVec3Sensor } from "./sensor-logger-schema";
import { TimedBuffer } from "./timed-buffer";

/**
 * Turns one Sensor Logger stream (pushes of separate per-sensor readings) into wire
 * samples: one per acceleration reading, strictly increasing in time, with its partners
 * from the other sensors paired by time.
 *
 * Which reading leads: `totalacceleration` (raw acceleration with gravity, Android
 * only) when the stream has it, else `accelerometer`, which in Sensor Logger is
 * acceleration WITHOUT gravity on both platforms (UNITS.md "Accelerometer"; the author
 * in tszheichoi/awesome-sensor-logger#19: "The Accelerometer Sensor does not include
 * gravity (this can be recorded separately via the Gravity sensor)"). The wire needs
 * acceleration including gravity, so an `accelerometer` lead without a `gravity`
 * partner makes no sample (counted as unpaired). Units: m/s² for both, with g =
 * 9.80665 (UNITS.md "Accelerometer", "Gravity"); rad/s for `gyroscope` (UNITS.md): the
 * wire's units, so only signs may change (sensor-logger-frames.ts).
 *
 * Orientation goes out as null. The app documents yaw, pitch and roll as differing in
 * sign and north reference between iOS and Android (COORDINATES.md "Orientation") and
 * says nothing of the quaternion's frame or direction, so W3C alpha/beta/gamma
 * cannot be derived without guessing; a wrong angle would be worse than none.
 *
 * Pushes may overlap or repeat (a retry) and the app's README warns they can arrive out
 * of order: readings are kept sorted per sensor, exact repeats are dropped, and a lead
 * reading is held back `holdBackMs` behind the newest reading of any sensor, so a
 * partner that lands in the next push still pairs. A lead older than the last emitted
 * sample can no longer go out in order and is dropped (counted as late).
 *
 * Memory is bounded by time, not by what was emitted: every buffer keeps only the
 * last `keepMs` before the newest reading of any sensor. Tying the cut-off to the
 * last emitted sample instead would keep everything forever in a stream that never
 * emits (Accelerometer off in the app: about 100 MB per phone-hour of gyroscope,
 * gravity and orientation), or whose lead sensor stopped while the others went on.
 */

export interface SensorLoggerMergeOptions {
  frames?: SensorLoggerFrames;
  /** How far behind the newest reading a lead waits for its partners. */
  holdBackMs?: number;
  /** Largest time gap to the gyroscope (and, when `totalacceleration` leads, the accelerometer) reading paired. */
  partnerToleranceMs?: number;
  /** Largest gap to a gravity reading; gravity is interpolated between two readings this close. */
  gravityToleranceMs?: number;
  /**
   * How far behind the newest reading readings are kept, to pair late partners and
   * recognise a retried push; anything older is refused as late. At least
   * `holdBackMs` + 2 × `gravityToleranceMs`, so a waiting lead never loses its partners.
   */
  keepMs?: number;
  /**
   * Samples at or before this time are never emitted: a new merger taking over a link
   * that already carried samples this new (see sensor-logger-bridge.ts) keeps the
   * link's samples strictly increasing.
   */
  afterMs?: number;
}

export interface SensorLoggerMergeResult {
  samples: SampleTuple[];
  /** Readings taken in (not repeats, not too old). */
  accepted: number;
  /** Readings held already: a retried or overlapping push. */
  duplicates: number;
  /** Readings too old to use: leads older than what was emitted, anything older than the newest − keepMs. */
  late: number;
  /** Leads dropped for lack of gravity to add to `accelerometer`. */
  unpaired: number;
  /**
   * The stream has had no `accelerometer` or `totalacceleration` reading yet, so it
   * cannot make a single sample (the app's Accelerometer is off).
   */
  noAcceleration: boolean;
}

type Vec3 = { x: number; y: number; z: number };

export class SensorLoggerMerger {
  private readonly vec3: Record<SensorLoggerVec3Sensor, TimedBuffer<SensorLoggerVec3Reading>> = {
    accelerometer: new TimedBuffer(),
    totalacceleration: new TimedBuffer(),
    gravity: new TimedBuffer(),
    gyroscope: new TimedBuffer(),
  };
  private readonly orientation = new TimedBuffer<SensorLoggerOrientationReading>();
  private readonly frames: SensorLoggerFrameDetector;
  private readonly holdBackMs: number;
  private readonly partnerToleranceMs: number;
  private readonly gravityToleranceMs: number;
  private readonly keepMs: number;
  private lead: "accelerometer" | "totalacceleration" = "accelerometer";
  private lastEmittedMs: number;
  private newestSeenMs = -Infinity;
  private accelerationSeen = false;

  constructor(opts: SensorLoggerMergeOptions = {}) {
    this.frames = new SensorLoggerFrameDetector(opts.frames ?? "auto");
    this.holdBackMs = opts.holdBackMs ?? 50;
    this.partnerToleranceMs = opts.partnerToleranceMs ?? 25;
    this.gravityToleranceMs = opts.gravityToleranceMs ?? 50;
    this.keepMs = Math.max(opts.keepMs ?? 2000, this.holdBackMs + 2 * this.gravityToleranceMs);
    this.lastEmittedMs = opts.afterMs ?? -Infinity;
  }

  get platform(): Platform {
    return this.frames.platform;
  }

  /** Time of the newest reading taken in, or -Infinity before any. */
  get newestMs(): number {
    return this.newestSeenMs;
  }

  /** Lead readings waiting for their partners. */
  get pending(): number {
    return this.vec3[this.lead].between(this.lastEmittedMs, Infinity).length;
  }

  /**
   * Takes one push's motion readings, in any order, and returns the samples now
   * complete. `android`: the push showed Android traits (see sensor-logger-schema.ts).
   */
  ingest(readings: readonly SensorLoggerReading[], android = false): SensorLoggerMergeResult {
    if (android) this.frames.markAndroid();
    // Settled before any reading is judged late: the lead decides what "emitted" covers.
    if (readings.some((r) => r.sensor === "totalacceleration")) this.lead = "totalacceleration";
    // Any acceleration reading, even a late one, shows that the app's Accelerometer is on.
    if (readings.some((r) => r.sensor === "accelerometer" || r.sensor === "totalacceleration")) this.accelerationSeen = true;
    const result = this.resultNew();
    // The cut-off counts this push's own readings, so nothing is taken in only to be dropped below.
    const horizonMs = readings.reduce((max, r) => Math.max(max, r.tMs), this.newestSeenMs) - this.keepMs;
    const freshOrientations: SensorLoggerOrientationReading[] = [];
    for (const r of readings) {
      if (r.tMs < horizonMs || this.isLateLead(r)) {
        result.late++;
        continue;
      }
      const fresh = r.sensor === "orientation" ? this.orientation.insert(r) : this.vec3[r.sensor].insert(r);
      if (!fresh) {
        result.duplicates++;
        continue;
      }
      result.accepted++;
      if (r.sensor === "orientation") freshOrientations.push(r);
      if (r.tMs > this.newestSeenMs) this.newestSeenMs = r.tMs;
    }
    if (!this.frames.decided) {
      for (const q of freshOrientations) {
        const g = this.gravityAt(q.tMs);
        if (g) this.frames.observe(g, q);
      }
    }
    this.emit(this.newestSeenMs - this.holdBackMs, result);
    return result;
  }

  /** Emits every lead still waiting, with the partners known now: the stream went quiet. */
  flush(): SensorLoggerMergeResult {
    const result = this.resultNew();
    this.emit(Infinity, result);
    return result;
  }

  private resultNew(): SensorLoggerMergeResult {
    return { samples: [], accepted: 0, duplicates: 0, late: 0, unpaired: 0, noAcceleration: !this.accelerationSeen };
  }

  /** A lead at or before the last emitted sample that is not one already held (that would be a repeat). */
  private isLateLead(r: SensorLoggerReading): boolean {
    return r.sensor === this.lead && r.tMs <= this.lastEmittedMs && !this.vec3[this.lead].nearest(r.tMs, 0);
  }

  private emit(untilMs: number, into: SensorLoggerMergeResult) {
    for (const lead of this.vec3[this.lead].between(this.lastEmittedMs, untilMs)) {
      const sample = this.sampleFor(lead);
      if (sample) into.samples.push(sample);
      else into.unpaired++;
      this.lastEmittedMs = lead.tMs;
    }
    const dropBeforeMs = this.newestSeenMs - this.keepMs;
    for (const buffer of Object.values(this.vec3)) buffer.dropBefore(dropBeforeMs);
    this.orientation.dropBefore(dropBeforeMs);
  }

  private sampleFor(lead: SensorLoggerVec3Reading): SampleTuple | null {
    const t = lead.tMs;
    const gravity = this.gravityAt(t);
    let withGravity: Vec3;
    let linear: Vec3 | null;
    if (this.lead === "totalacceleration") {
      withGravity = lead;
      // Android's linear acceleration is the accelerometer minus gravity, so either gives it.
      linear = this.vec3.accelerometer.nearest(t, this.partnerToleranceMs) ?? (gravity ? vecSub(lead, gravity) : null);
    } else {
      if (!gravity) return null;
      withGravity = vecAdd(lead, gravity);
      linear = lead;
    }
    const gyro = this.vec3.gyroscope.nearest(t, this.partnerToleranceMs);
    const s = this.frames.sign;
    return [
      t,
      s * withGravity.x,
      s * withGravity.y,
      s * withGravity.z,
      linear ? s * linear.x : null,
      linear ? s * linear.y : null,
      linear ? s * linear.z : null,
      gyro ? gyro.x : null,
      gyro ? gyro.y : null,
      gyro ? gyro.z : null,
      null,
      null,
      null,
    ];
  }

  /** Gravity at `tMs`: interpolated between the readings around it, or the nearest one. */
  private gravityAt(tMs: number): Vec3 | null {
    const [before, after] = this.vec3.gravity.around(tMs);
    if (before && after && before !== after && after.tMs - before.tMs <= 2 * this.gravityToleranceMs) {
      const k = (tMs - before.tMs) / (after.tMs - before.tMs);
      return { x: before.x + k * (after.x - before.x), y: before.y + k * (after.y - before.y), z: before.z + k * (after.z - before.z) };
    }
    return this.vec3.gravity.nearest(tMs, this.gravityToleranceMs);
  }
}

function vecAdd(a: Vec3, b: Vec3): Vec3 {
  return { x: a.x + b.x, y: a.y + b.y, z: a.z + b.z };
}

function vecSub(a: Vec3, b: Vec3): Vec3 {
  return { x: a.x - b.x, y: a.y - b.y, z: a.z - b.z };
}
