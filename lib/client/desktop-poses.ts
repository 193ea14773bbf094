import { PoseTracker } from "../pose/pose-tracker";
import type { PoseSettings } from "../pose/pose-types";
import type { SampleTuple } from "../protocol/sample";
import type { StreamStore } from "../stream/stream-store";
import { wearSettingsLoad, wearSettingsSave, wearSideDefault, type SettingsStorage, type WearSettings } from "./desktop-pose-settings";

export type PoseTrackerFactory = (settings: PoseSettings) => PoseTracker;

const trackerCreate: PoseTrackerFactory = (settings) => new PoseTracker(settings);

/**
 * One {@link PoseTracker} per device of the room, fed straight from the store's
 * per-sample hook: each batch updates the pose as it is stored, so a frame drawn after
 * it shows the newest sample. Renderers read `tracker(id)` every frame; React only hears
 * (through `subscribe`) when a tracker appears, a setting changes or a calibration
 * moves on, never per sample.
 */
export class DesktopPoses {
  private readonly trackers = new Map<string, PoseTracker>();
  private readonly wear = new Map<string, WearSettings>();
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private version = 0;

  constructor(
    private readonly store: StreamStore,
    private readonly storage: SettingsStorage | null,
    private readonly create: PoseTrackerFactory = trackerCreate,
  ) {}

  /** Starts following the store; calling it again while open does nothing. */
  open(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.store.onSample((id, sample) => this.push(id, sample));
  }

  /** Stops following the store and drops every tracker: a reopened session starts from fresh poses. */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.trackers.size === 0) return;
    this.trackers.clear();
    this.emit();
  }

  /** The device's tracker, or null before its first sample. */
  tracker(deviceId: string): PoseTracker | null {
    return this.trackers.get(deviceId) ?? null;
  }

  /** Placement and side as chosen (saved per device id), or the defaults for a new device. */
  wearSettings(deviceId: string): WearSettings {
    let w = this.wear.get(deviceId);
    if (!w) {
      w = wearSettingsLoad(this.storage, deviceId) ?? { placement: "strapped", side: wearSideDefault(Array.from(this.wear.values(), (o) => o.side)) };
      this.wear.set(deviceId, w);
    }
    return w;
  }

  setWearSettings(deviceId: string, patch: Partial<WearSettings>): void {
    const w = { ...this.wearSettings(deviceId), ...patch };
    this.wear.set(deviceId, w);
    wearSettingsSave(this.storage, deviceId, w);
    this.tracker(deviceId)?.setSettings(w);
    this.emit();
  }

  calibrate(deviceId: string): void {
    this.tracker(deviceId)?.calibrate();
    this.emit();
  }

  recenter(deviceId: string): void {
    this.tracker(deviceId)?.recenter();
    this.emit();
  }

  /** For `useSyncExternalStore`: changes whenever anything React shows about the poses does. */
  readonly getVersion = (): number => this.version;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private push(deviceId: string, sample: SampleTuple) {
    let t = this.trackers.get(deviceId);
    if (!t) {
      t = this.create(this.wearSettings(deviceId));
      this.trackers.set(deviceId, t);
      this.emit();
    }
    const before = t.calibrationState;
    t.push(sample);
    if (t.calibrationState !== before) this.emit();
  }

  private emit() {
    this.version++;
    for (const l of this.listeners) l();
  }
}
