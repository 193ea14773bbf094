import type { SampleTuple } from "@/lib/protocol/sample";
import { motionToTuple, orientationRead, type AngleTripleLike, type DeviceMotionLike, type OrientationDeg } from "./device-motion";
import { platformAxes, type PlatformAxes } from "./platform-axes";
import type { PhonePlatform } from "./platform";
import { RateMeter } from "./rate-meter";
import { SensorCheck, type SensorVerdict } from "./sensor-check";

/** `window` in a page; a fake in tests. */
export interface MotionEventSource {
  addEventListener(type: string, listener: (event: unknown) => void): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
}

export interface MotionSessionOptions {
  source: MotionEventSource;
  /** The phone's platform: its sensor sign convention is undone before samples leave (platform-axes.ts). */
  platform: PhonePlatform;
  /** Epoch ms of the page's time origin (`performance.timeOrigin`); event timeStamps count from it. */
  timeOriginMs: number;
  /** Monotonic ms (`performance.now()`), for the rate and the sensor check. */
  nowMs: () => number;
  onSample: (sample: SampleTuple) => void;
  /** Called when the verdict about the sensors changes. */
  onVerdict?: (verdict: SensorVerdict) => void;
  /** How often to look for silence, ms. Default 250. */
  pollMs?: number;
}

/**
 * Listens to devicemotion and deviceorientation, turns each motion event into a
 * sample (with the newest orientation, in the wire's convention whatever the
 * platform), and watches whether the sensors deliver.
 * Samples go straight to `onSample`, never through UI state.
 */
export class MotionSession {
  private orientation: OrientationDeg | null = null;
  private check: SensorCheck | null = null;
  private readonly meter = new RateMeter(1000);
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private verdictNow: SensorVerdict | null = null;
  private count = 0;
  private readonly axes: PlatformAxes;

  constructor(private readonly opts: MotionSessionOptions) {
    this.axes = platformAxes(opts.platform);
  }

  get running(): boolean {
    return this.check !== null;
  }

  get verdict(): SensorVerdict | null {
    return this.verdictNow;
  }

  /** Samples produced since start. */
  get samples(): number {
    return this.count;
  }

  /** Monotonic ms of the newest sample, null before the first. */
  get lastSampleAtMs(): number | null {
    return this.meter.lastAtMs;
  }

  rateHz(): number {
    return this.meter.rateHz(this.opts.nowMs());
  }

  start() {
    if (this.check) return;
    this.check = new SensorCheck(this.opts.nowMs());
    this.verdictNow = null;
    this.count = 0;
    this.meter.reset();
    this.opts.source.addEventListener("deviceorientation", this.onOrientation);
    this.opts.source.addEventListener("devicemotion", this.onMotion);
    this.pollTimer = setInterval(() => this.judge(this.check?.poll(this.opts.nowMs()) ?? null), this.opts.pollMs ?? 250);
  }

  stop() {
    if (!this.check) return;
    this.opts.source.removeEventListener("devicemotion", this.onMotion);
    this.opts.source.removeEventListener("deviceorientation", this.onOrientation);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.check = null;
    this.orientation = null;
  }

  private readonly onOrientation = (event: unknown) => {
    this.orientation = orientationRead(event as AngleTripleLike);
  };

  private readonly onMotion = (event: unknown) => {
    const e = event as DeviceMotionLike;
    const now = this.opts.nowMs();
    const sample = motionToTuple(e, this.orientation, this.opts.timeOriginMs, this.axes);
    this.judge(this.check?.feed(now, sample ?? e) ?? null);
    if (!sample) return;
    this.count++;
    this.meter.add(now);
    this.opts.onSample(sample);
  };

  private judge(verdict: SensorVerdict | null) {
    if (verdict === null || verdict === this.verdictNow) return;
    this.verdictNow = verdict;
    this.opts.onVerdict?.(verdict);
  }
}
